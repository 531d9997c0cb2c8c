import { browser } from 'wxt/browser';
import { sendToPage } from './inject';
import { openSidePanel } from '../notebook/background';
import { PDF_LINK_PATTERNS, readerUrl } from '../reader/open';

/**
 * The background's ways in besides messages: the context menu items and the keyboard commands. Kept
 * out of the entrypoint so that what each one does is tested (tests/unit/background-menus.test.ts):
 * headless Chromium delivers neither a menu click nor an extension shortcut to an end-to-end test.
 */
export const MENU_IDS = { explain: 'termlight-explain', notebook: 'termlight-notebook', openPdf: 'termlight-open-pdf' } as const;

type Tab = { id?: number; windowId?: number; index?: number };

export function createMenus(): void {
  if (!browser.contextMenus) return;
  browser.contextMenus.create({ id: MENU_IDS.explain, title: 'Explain with Termlight', contexts: ['selection'] });
  browser.contextMenus.create({ id: MENU_IDS.notebook, title: 'Open the Termlight notebook', contexts: ['page', 'selection', 'action'] });
  browser.contextMenus.create({ id: MENU_IDS.openPdf, title: 'Open in Termlight reader', contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS });
}

/**
 * A context menu item was chosen. The side panel must be opened synchronously inside the click's
 * handling (a user action), so openSidePanel is called before anything is awaited.
 */
export function onMenuClicked(info: { menuItemId: string | number; linkUrl?: string; selectionText?: string; frameId?: number }, tab: Tab | undefined): Promise<unknown> {
  if (info.menuItemId === MENU_IDS.notebook) return openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
  if (info.menuItemId === MENU_IDS.openPdf && info.linkUrl) {
    return browser.tabs.create({ url: readerUrl(browser.runtime.getURL, info.linkUrl), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
  }
  if (info.menuItemId !== MENU_IDS.explain || tab?.id === undefined) return Promise.resolve();
  return sendToPage(tab.id, { type: 'explain-selection', text: (info.selectionText ?? '').slice(0, 300) }, info.frameId ?? 0);
}

/** A keyboard command (Alt+Shift+N opens the notebook, Alt+Shift+E explains the selection, the next term's command moves on). */
export async function onCommand(command: string, tab: Tab | undefined): Promise<void> {
  if (command === 'open-notebook') {
    await openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
    return;
  }
  if (command !== 'explain-selection' && command !== 'explain-next-term') return;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id !== undefined) await sendToPage(active.id, { type: command });
}
