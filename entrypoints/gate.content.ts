import gateFilter from 'virtual:termlight/gate-filter';
import { browser } from 'wxt/browser';
import { CandidateFilter } from '../src/match/candidates';
import { runPageGate } from '../src/page/gate';

/**
 * The only script declared for every frame: a few KB that decide whether this frame could hold a
 * glossary term (src/page/gate.ts). When it could, the background injects the main script
 * (entrypoints/content) into exactly this frame. No Preact, no zod, no term index here.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  runAt: 'document_idle',
  // No window.postMessage in every frame of the web (pages with careless message listeners).
  noScriptStartedPostMessage: true,
  main(ctx) {
    runPageGate(window, {
      filter: () => CandidateFilter.fromBase64(gateFilter),
      // Not validated with zod here (zod stays out of this script): the background validates it.
      open: () => void browser.runtime.sendMessage({ type: 'open-page' }).catch(() => undefined),
      signal: ctx.signal,
      alive: () => ctx.isValid,
    });
  },
});
