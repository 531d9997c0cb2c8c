import definitions from 'virtual:termlight/definitions';
import { browser } from 'wxt/browser';
import { definitionService } from '../src/glossary/definitions';
import { answerMessages, sendToTab } from '../src/messaging/runtime';
import { detectLanguage } from '../src/page/language-detector';

const MENU_ID = 'termlight-explain';

export default defineBackground(() => {
  const service = definitionService(definitions);
  answerMessages({
    lookup: (message) => service.lookup(message.id),
    suggest: (message) => service.suggest(message.text),
    'detect-language': (message) => detectLanguage(message.sample) ?? null,
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain with Termlight', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: 'explain-selection', text: (info.selectionText ?? '').slice(0, 300) }, info.frameId ?? 0);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'explain-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'explain-selection' });
  });
});
