import { browser } from 'wxt/browser';
import type { Message, Responses } from '../messaging/messages';
import { sendToFrame } from '../messaging/runtime';
import { PAGE_SCRIPT_MARK } from '../page/page-script';

/**
 * Starts Termlight's main script in one frame, once: asked by the page gate when it found a possible
 * term, and before anything talks to a page (popup, side panel, context menu, shortcuts), since the
 * gate may have stayed closed there. Only the background injects, so two requests for one frame are
 * queued here instead of racing (a second main script would end the first one's lifetime).
 */
const PAGE_SCRIPT = '/content-scripts/content.js';
const PAGE_STYLES = '/content-scripts/content.css';

const pending = new Map<string, Promise<boolean>>();

/** Whether the main script runs in the frame now (false: a page Termlight may not script, or gone). */
export function ensurePageScript(tabId: number, frameId = 0): Promise<boolean> {
  const key = `${tabId}:${frameId}`;
  let done = pending.get(key);
  if (!done) {
    done = inject(tabId, frameId).finally(() => pending.delete(key));
    pending.set(key, done);
  }
  return done;
}

async function inject(tabId: number, frameId: number): Promise<boolean> {
  const target = { tabId, frameIds: [frameId] };
  try {
    const [probe] = await browser.scripting.executeScript({
      target,
      func: (mark: string) => (globalThis as unknown as Record<string, unknown>)[mark] === true,
      args: [PAGE_SCRIPT_MARK],
    });
    if (probe?.result === true) return true;
    // The highlight styles as the manifest would deliver them: the browser applies them, the page's CSP cannot block them.
    await browser.scripting.insertCSS({ target, files: [PAGE_STYLES] });
    await browser.scripting.executeScript({ target, files: [PAGE_SCRIPT] });
    return true;
  } catch {
    return false; // a browser page, the web store, a frame that went away
  }
}

/** Sends to the main script of a frame, starting it there first. */
export async function sendToPage<T extends Message>(tabId: number, message: T, frameId = 0): Promise<Responses[T['type']] | undefined> {
  // Sent even where nothing could be started: the PDF reader, an extension page, answers it itself.
  await ensurePageScript(tabId, frameId);
  return sendToFrame(tabId, message, frameId);
}
