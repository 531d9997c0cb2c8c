import definitions from 'virtual:termlight/definitions';
import { browser } from 'wxt/browser';
import { definitionService } from '../src/glossary/definitions';
import { answerMessages, sendToTab } from '../src/messaging/runtime';
import { detectLanguage } from '../src/page/language-detector';
import { PDF_LINK_PATTERNS, readerUrl } from '../src/reader/open';

const MENU_ID = 'termlight-explain';
const PDF_MENU_ID = 'termlight-open-pdf';

export default defineBackground(() => {
  const service = definitionService(definitions);
  answerMessages({
    lookup: (message) => service.lookup(message.id),
    suggest: (message) => service.suggest(message.text),
    'detect-language': (message) => detectLanguage(message.sample) ?? null,
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: MENU_ID, title: 'Explain with Termlight', contexts: ['selection'] });
    browser.contextMenus.create({ id: PDF_MENU_ID, title: 'Open in Termlight reader', contexts: ['link'], targetUrlPatterns: PDF_LINK_PATTERNS });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === PDF_MENU_ID && info.linkUrl) {
      void browser.tabs.create({ url: readerUrl(browser.runtime.getURL, info.linkUrl), ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}) });
      return;
    }
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    void sendToTab(tab.id, { type: 'explain-selection', text: (info.selectionText ?? '').slice(0, 300) }, info.frameId ?? 0);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'explain-selection') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await sendToTab(tab.id, { type: 'explain-selection' });
  });
});
