import type { CDPSession, Page } from '@playwright/test';

/**
 * Helpers for features-reading-modes.spec.ts: evaluating in the content script's own world (where
 * Termlight calls speechSynthesis), and real touch gestures through the DevTools protocol
 * (Playwright's touchscreen only taps).
 */

/**
 * Runs `expression` in Termlight's content-script world of the page's main frame. A page script or
 * an init script cannot stub what the content script sees: it runs in an isolated world with its own
 * globals (window.speechSynthesis there is not the page's). DevTools lists that world as "Termlight".
 */
export async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const worlds: Array<{ id: number; name: string; auxData?: { frameId?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', (event) => worlds.push(event.context as (typeof worlds)[number]));
    await cdp.send('Runtime.enable');
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const world = worlds.find((w) => w.name === 'Termlight' && w.auxData?.frameId === frameTree.frame.id);
    if (!world) throw new Error('Termlight content script world not found');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  } finally {
    await cdp.detach();
  }
}

export interface StubVoice {
  name: string;
  lang: string;
  localService: boolean;
  default?: boolean;
}

/**
 * Replaces speechSynthesis and SpeechSynthesisUtterance in the content script's world with a stub that
 * records each utterance (text, voice, lang, rate) and each cancel. `setVoices` later changes the list
 * and fires voiceschanged, as browsers do when their voices load late.
 */
export async function stubSpeech(page: Page, voices: StubVoice[]): Promise<void> {
  await inContentScript(
    page,
    `(() => {
      const state = { spoken: [], cancels: 0, voices: ${JSON.stringify(voices.map((v) => ({ default: false, ...v, voiceURI: v.name })))} };
      const events = new EventTarget();
      const synth = {
        getVoices: () => state.voices,
        speak: (u) => state.spoken.push({ text: u.text, voice: u.voice ? u.voice.name : null, lang: u.lang, rate: u.rate }),
        cancel: () => { state.cancels++; },
        pause() {}, resume() {}, speaking: false, pending: false, paused: false,
        addEventListener: (...a) => events.addEventListener(...a),
        removeEventListener: (...a) => events.removeEventListener(...a),
      };
      Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
      window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.voice = null; this.lang = ''; this.rate = 1; } };
      globalThis.__termlightSpeech = { state, setVoices: (list) => { state.voices = list; events.dispatchEvent(new Event('voiceschanged')); } };
      return true;
    })()`,
  );
}

export function spoken(page: Page): Promise<{ spoken: Array<{ text: string; voice: string | null; lang: string; rate: number }>; cancels: number }> {
  return inContentScript(page, `({ spoken: __termlightSpeech.state.spoken, cancels: __termlightSpeech.state.cancels })`);
}

export async function setStubVoices(page: Page, voices: StubVoice[]): Promise<void> {
  await inContentScript(page, `(__termlightSpeech.setVoices(${JSON.stringify(voices.map((v) => ({ default: false, ...v, voiceURI: v.name })))}), true)`);
}

async function withCdp<T>(page: Page, run: (cdp: CDPSession) => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await run(cdp);
  } finally {
    await cdp.detach();
  }
}

/** A finger put down at `from`, moved in small steps to `to`, and lifted: a real touch drag. */
export function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 10): Promise<void> {
  return withCdp(page, async (cdp) => {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from.x, y: from.y }] });
    for (let i = 1; i <= steps; i++) {
      const x = from.x + ((to.x - from.x) * i) / steps;
      const y = from.y + ((to.y - from.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  });
}
