import { browser } from 'wxt/browser';
import { parseMessage, type Handlers, type Message, type MessageSender, type Responses } from './messages';

type Listener = Parameters<typeof browser.runtime.onMessage.addListener>[0];

/**
 * Answers validated messages with the given handlers. Uses sendResponse + `return true`, which every
 * browser supports, instead of returning a promise. Removed when `signal` aborts.
 */
export function answerMessages(handlers: Handlers, signal?: AbortSignal): void {
  const listener: Listener = (raw, sender, sendResponse) => {
    const message = parseMessage(raw);
    if (!message) return false;
    const handler = handlers[message.type] as ((m: Message, s: MessageSender) => unknown) | undefined;
    if (!handler) return false;
    Promise.resolve()
      .then(() => handler(message, sender))
      .then(sendResponse, (error: unknown) => {
        console.error('Termlight:', error);
        sendResponse(undefined);
      });
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

/**
 * Asks the background. Resolves to undefined when it cannot answer: after the extension is updated or
 * reloaded, an open tab's content script can no longer reach it, and that must not throw into the page.
 */
export async function sendToBackground<T extends Message>(message: T): Promise<Responses[T['type']] | undefined> {
  try {
    return (await browser.runtime.sendMessage(message)) as Responses[T['type']];
  } catch {
    return undefined;
  }
}

/**
 * From an extension page (popup, side panel): sends to a frame's main script, which the background
 * starts there first (the page gate may have kept it out of a page with no term in sight).
 */
export async function sendToTab<T extends Message>(tabId: number, message: T, frameId = 0): Promise<Responses[T['type']] | undefined> {
  // Sent even where nothing could be started: Termlight's own PDF reader is an extension page that
  // cannot be scripted and answers the same messages itself (src/reader/side-panel.ts).
  await sendToBackground({ type: 'ensure-page-script', tabId, frameId });
  return sendToFrame(tabId, message, frameId);
}

/** Sends to a frame's main script as it is (the background uses sendToPage in src/background/inject.ts). */
export async function sendToFrame<T extends Message>(tabId: number, message: T, frameId = 0): Promise<Responses[T['type']] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as Responses[T['type']];
  } catch {
    return undefined; // no content script there (browser pages, the web store, a page still loading)
  }
}
