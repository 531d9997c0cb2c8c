import definitions from 'virtual:termlight/definitions';
import { browser } from 'wxt/browser';
import { definitionService } from '../src/glossary/definitions';
import { answerMessages, sendToTab } from '../src/messaging/runtime';
import { detectLanguage } from '../src/page/language-detector';
import { notebookHandlers, openSidePanel } from '../src/notebook/background';

const MENU_ID = 'termlight-explain';
const NOTEBOOK_MENU_ID = 'termlight-notebook';

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

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain with Termlight', contexts: ['selection'] });
    browser.contextMenus.create({ id: NOTEBOOK_MENU_ID, title: 'Open the Termlight notebook', contexts: ['page', 'selection', 'action'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === NOTEBOOK_MENU_ID) {
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
      return;
    }
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: 'explain-selection', text: (info.selectionText ?? '').slice(0, 300) }, info.frameId ?? 0);
  });
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command === 'open-notebook') {
      void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId }, tab?.id);
      return;
    }
    if (command !== 'explain-selection') return;
    const [active] = await browser.tabs.query({ active: true, currentWindow: true });
    if (active?.id !== undefined) await sendToTab(active.id, { type: 'explain-selection' });
  });
});
