import definitions from 'virtual:termlight/definitions';
import { browser } from 'wxt/browser';
import { definitionService } from '../src/glossary/definitions';
import { answerMessages, sendToTab } from '../src/messaging/runtime';
import { detectLanguage } from '../src/page/language-detector';
import { notebookHandlers, openSidePanel } from '../src/notebook/background';
import { PDF_LINK_PATTERNS, readerUrl } from '../src/reader/open';

const MENU_ID = 'termlight-explain';
const NOTEBOOK_MENU_ID = 'termlight-notebook';
const PDF_MENU_ID = 'termlight-open-pdf';

export default defineBackground(() => {
  const service = definitionService(definitions);
  answerMessages(
    {
      lookup: (message) => service.lookup(message.id),
      suggest: (message) => service.suggest(message.text),
      'detect-language': (message) => detectLanguage(message.sample) ?? null,
      ...notebookHandlers(),
      // "Open notebook" from a popover or the popup.
      'open-notebook': (_message, sender) => openSidePanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId }, sender.tab?.id),
    },
  );

  // Firefox for Android has neither context menus nor keyboard shortcuts: everything they offer is
  // also reachable from the popover and the toolbar popup, so their absence only skips them.
  browser.runtime.onInstalled.addListener(() => {
    if (!browser.contextMenus) return;
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain with Termlight', contexts: ['selection'] });
    browser.contextMenus.create({ id: NOTEBOOK_MENU_ID, title: 'Open the Termlight notebook', contexts: ['page', 'selection', 'action'] });
    browser.contextMenus.create({ id: PDF_MENU_ID, title: 'Open in Termlight reader', contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS });
  });
  browser.contextMenus?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTEBOOK_MENU_ID) {
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
      return;
    }
    if (info.menuItemId === PDF_MENU_ID && info.linkUrl) {
      void browser.tabs.create({ url: readerUrl(browser.runtime.getURL, info.linkUrl), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
      return;
    }
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: 'explain-selection', text: (info.selectionText ?? '').slice(0, 300) }, info.frameId ?? 0);
  });
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command === 'open-notebook') {
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
      return;
    }
    if (command !== 'explain-selection' && command !== 'explain-next-term') return;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id !== undefined) await sendToTab(active.id, { type: command });
  });
});
