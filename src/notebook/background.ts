import { browser } from 'wxt/browser';
import type { Handlers, NotebookReply } from '../messaging/messages';
import { parseBackup } from './json';
import { NotebookStore, type StorageArea } from './store';

/** The notebook's single writer: every change from every tab and page arrives here and is queued. */
export function notebookHandlers(area: StorageArea = browser.storage.local as unknown as StorageArea): Handlers {
  const store = new NotebookStore(area);
  return {
    'notebook-save': (m) => reply(() => store.save(m.input)),
    'notebook-save-many': (m) => reply(async () => (await store.saveMany(m.inputs)).length),
    'notebook-get': (m) => store.get(m.entryId),
    'notebook-update': (m) => reply(() => store.update(m.entryId, { ...(m.note !== undefined ? { note: m.note } : {}), ...(m.tags ? { tags: m.tags } : {}) })),
    'notebook-delete': (m) => reply(() => store.delete(m.entryId)),
    'notebook-restore': (m) => reply(() => store.restore(m.entry)),
    'notebook-import': (m) => reply(() => store.importEntries(parseBackup(m.text))),
    'notebook-clear': () => reply(() => store.clear()),
  };
}

async function reply<T>(work: () => Promise<T>): Promise<NotebookReply<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

type SidePanelApi = { open(options: { windowId?: number; tabId?: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * Opens the side panel: Chrome's sidePanel, Firefox's sidebar. Both must be called while handling a
 * user action, so call this first thing in a click, command or menu handler, before any await. Where
 * the browser refuses (a click inside a page reaches the background as a message, which Firefox and
 * some Chrome versions do not count as a user action), the notebook opens in a tab instead.
 */
export function openSidePanel(target: { windowId?: number; tabId?: number }, fallbackTabId?: number): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  let opening: Promise<void>;
  try {
    if (api.sidePanel) opening = api.sidePanel.open(target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId! });
    else if (api.sidebarAction) opening = api.sidebarAction.open();
    else opening = Promise.reject(new Error('no side panel'));
  } catch (error) {
    opening = Promise.reject(error);
  }
  return opening.then(
    () => true,
    async () => {
      const query = fallbackTabId !== undefined ? `?tab=${fallbackTabId}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}` as '/sidepanel.html') });
      return false;
    },
  );
}
