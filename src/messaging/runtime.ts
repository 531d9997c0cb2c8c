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

export async function sendToTab<T extends Message>(tabId: number, message: T, frameId = 0): Promise<Responses[T['type']] | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, message, { frameId })) as Responses[T['type']];
  } catch {
    return undefined; // no content script there (browser pages, the web store, a page still loading)
  }
}
