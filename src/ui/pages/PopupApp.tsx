import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Definition } from '../../glossary/types';
import type { PageTerms } from '../../messaging/messages';
import { sendToBackground, sendToTab } from '../../messaging/runtime';
import { openSidePanel } from '../../notebook/background';
import { isActiveOn } from '../../settings/schema';
import { toggleSite } from '../../settings/store';
import { DefinitionCard } from '../DefinitionCard';
import { NotebookActions, type NotebookBridge } from '../NotebookActions';
import { OpenPdfButton } from './OpenPdfButton';
import { SearchBox } from './SearchBox';
import { useSettings } from './useSettings';

/** The tab the popup speaks for: the active tab, or ?tab=ID (used by the end-to-end tests). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** The popup's notebook row: saving from search has no page context. */
function popupNotebook(windowId: () => number | undefined, tabId: () => number | undefined): NotebookBridge {
  return {
    status: (entryId) => sendToBackground({ type: 'notebook-get', entryId }),
    save: (definition, extra) => sendToBackground({ type: 'notebook-save', input: { entryId: definition.id, headword: definition.headword, ...extra } }),
    update: (entryId, change) => sendToBackground({ type: 'notebook-update', entryId, ...change }),
    // Called straight from the click, so the browser counts it as the reader's action.
    openNotebook: () => void openSidePanel({ windowId: windowId() }, tabId()).then(() => window.close()),
  };
}

/** The address of the tab the popup speaks for (visible with activeTab, or the http(s) host permission). */
async function targetTabUrl(): Promise<string | undefined> {
  const tabId = await targetTabId();
  return tabId === undefined ? undefined : (await browser.tabs.get(tabId).catch(() => undefined))?.url;
}

export function PopupApp({ definitions }: { definitions: Definition[] }) {
  const byId = useMemo(() => new Map(definitions.map((d) => [d.id, d])), [definitions]);
  const [chosen, setChosen] = useState<Definition>();
  const [page, setPage] = useState<PageTerms | null>();
  const settings = useSettings();
  const [windowId, setWindowId] = useState<number>();
  const [tabId, setTabId] = useState<number>();
  const notebook = useMemo(() => popupNotebook(() => windowId, () => tabId), [windowId, tabId]);
  useEffect(() => {
    void browser.windows.getCurrent().then((w) => setWindowId(w.id));
    void targetTabId().then(setTabId);
  }, []);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async () => {
      const tabId = await targetTabId();
      setPage(tabId === undefined ? null : ((await sendToTab(tabId, { type: 'page-terms' })) ?? null));
      timer = setTimeout(refresh, 1000); // counts change as a living page loads more text
    };
    void refresh();
    return () => clearTimeout(timer);
  }, []);
  const siteOn = page && settings ? isActiveOn({ ...settings, paused: false }, page.hostname) : false;
  return (
    <main class="popup">
      <h1>Termlight</h1>
      <SearchBox definitions={definitions} onChoose={setChosen} />
      {chosen && (
        <section class="chosen" aria-label="Definition" data-testid="popup-definition">
          <DefinitionCard key={chosen.id} definition={chosen} headingId="chosen-heading" expanded onRelated={(id) => setChosen(byId.get(id))} />
          <NotebookActions definition={chosen} notebook={notebook} />
        </section>
      )}
      <OpenPdfButton tabUrl={targetTabUrl} />
      <section class="page" aria-label="This page">
        {page === undefined && <p class="muted">Checking this page…</p>}
        {page === null && <p class="muted">Termlight does not run on this page (browser pages and extension stores are off limits).</p>}
        {page && (
          <>
            {!page.highlightSupported && (
              <p class="notice" role="alert">
                This browser cannot show highlights (it lacks the CSS Custom Highlight API). Search here and the
                keyboard shortcut still work.
              </p>
            )}
            {settings?.paused && <p class="notice">Termlight is paused everywhere. Resume it in Settings.</p>}
            {page.language && !page.language.read && (
              <p class="notice" data-testid="not-english">
                This page is not in English, so Termlight highlights nothing on it. Search here and the keyboard
                shortcut still work.
              </p>
            )}
            <label class="switch">
              <input
                type="checkbox"
                role="switch"
                checked={siteOn}
                onChange={(e) => void toggleSite(page.hostname, e.currentTarget.checked)}
                data-testid="site-switch"
              />
              Highlight terms on this site <span class="muted">({page.hostname})</span>
            </label>
            <p data-testid="page-count" aria-live="polite">
              {page.count === 1 ? '1 term' : `${page.count} terms`} found on this page
            </p>
            {page.terms.length > 0 && (
              <ul class="page-terms" aria-label="Terms on this page">
                {page.terms.map((t) => (
                  <li key={t.id}>
                    <button type="button" class="link-button" onClick={() => setChosen(byId.get(t.id))}>
                      {t.headword}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <footer>
        <button type="button" class="link-button" onClick={() => notebook.openNotebook()} data-testid="popup-open-notebook">
          Open the notebook and “On this page”
        </button>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings and known words
        </button>
        <span class="muted">Shortcut: Alt+Shift+E explains a selection.</span>
      </footer>
    </main>
  );
}
