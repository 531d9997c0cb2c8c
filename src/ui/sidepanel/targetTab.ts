import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The tab the side panel speaks for: ?tab=ID when given (a notebook opened in a tab, and the tests),
 * else the active tab of this window, followed as the reader switches tabs or the tab navigates.
 * `version` changes whenever the tab's page may have changed.
 */
export function useTargetTab(): { tabId: number | undefined; version: number } {
  const pinned = Number(new URLSearchParams(location.search).get('tab'));
  const [tabId, setTabId] = useState<number | undefined>(Number.isInteger(pinned) && pinned > 0 ? pinned : undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1);
    let windowId: number | undefined;
    const follow = !(Number.isInteger(pinned) && pinned > 0);
    if (follow) {
      void browser.windows.getCurrent().then((w) => {
        windowId = w.id;
        return browser.tabs.query({ active: true, windowId: w.id });
      }).then(([tab]) => setTabId(tab?.id));
    }
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (follow && (windowId === undefined || info.windowId === windowId)) {
        setTabId(info.tabId);
        bump();
      }
    };
    const onUpdated = (id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) setTabId((current) => (current === id && bump(), current));
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return { tabId, version };
}
