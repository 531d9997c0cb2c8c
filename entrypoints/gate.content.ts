import { browser } from 'wxt/browser';
import { runPageGate } from '../src/page/gate';

/**
 * The only script declared for every frame: a few KB that read a reading frame's text and hand it to
 * the background (src/page/gate.ts), which injects the main script (entrypoints/content) into exactly
 * this frame when the text may hold a glossary term. No Preact, no zod, no term index, no filter here.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // No window.postMessage in every frame of the web (pages with careless message listeners).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPageGate(window, {
      // Not validated with zod here (zod stays out of this script): the background validates it.
      check: async (texts) => (await browser.runtime.sendMessage({ type: 'gate-text', texts })) === true,
      signal: ctx.signal,
      alive: () => ctx.isValid,
    });
  },
});
