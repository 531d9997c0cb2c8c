import definitions from 'virtual:termlight/definitions';
import heldSections from 'virtual:termlight/held-sections';
import gateFilter from 'virtual:termlight/gate-filter';
import { browser } from 'wxt/browser';
import { definitionService } from '../src/glossary/definitions';
import { createMenus, onCommand, onMenuClicked } from '../src/background/menus';
import { ensurePageScript } from '../src/background/inject';
import { gateChecker } from '../src/background/gate-check';
import { answerMessages } from '../src/messaging/runtime';
import { detectLanguage } from '../src/page/language-detector';
import { notebookHandlers, openSidePanel } from '../src/notebook/background';

export default defineBackground(() => {
  const service = definitionService(definitions);
  const mayHoldTerm = gateChecker(gateFilter);
  answerMessages(
    {
      lookup: (message) => service.lookup(message.id),
      suggest: (message) => service.suggest(message.text),
      'detect-language': (message) => detectLanguage(message.sample) ?? null,
      'term-index-section': (message) => heldSections[message.name],
      ...notebookHandlers(),
      // The page gate's text: where it may hold a term, the main script starts in that frame.
      'gate-text': (message, sender) =>
        sender.tab?.id !== undefined && mayHoldTerm(message.texts) ? ensurePageScript(sender.tab.id, sender.frameId ?? 0) : false,
      // The popup or side panel is about to ask a page.
      'ensure-page-script': (message) => ensurePageScript(message.tabId, message.frameId),
      // "Open notebook" from a popover or the popup.
      'open-notebook': (_message, sender) => openSidePanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId }, sender.tab?.id),
    },
  );

  // Reachable from the service worker's own console, and from the end-to-end tests (headless Chromium
  // has no context menu or popup to click): what the popup and the menus do. Pages cannot reach it.
  Object.assign(globalThis, { termlightBackground: { ensurePageScript, onMenuClicked } });

  // Firefox for Android has neither context menus nor keyboard shortcuts: everything they offer is
  // also reachable from the popover and the toolbar popup, so their absence only skips them.
  browser.runtime.onInstalled.addListener(() => createMenus());
  browser.contextMenus?.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands?.onCommand.addListener((command, tab) => void onCommand(command, tab));
});
