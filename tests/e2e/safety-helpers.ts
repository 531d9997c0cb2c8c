import type { BrowserContext, CDPSession, Frame, Page, Worker } from '@playwright/test';
import { serializeSource, UI_HOST, type Serialized } from '../shared/page-probes';
import { expect, FIXTURES } from './fixtures';

/** Shared tools for the page-safety specs (safety*.spec.ts) and the fuzz spec. */

/** Termlight's exact-match and misspelling highlight names in the page's shared registry. */
export const HIGHLIGHT_NAMES = ['termlight-term', 'termlight-misspelling', 'termlight-term-soft', 'termlight-misspelling-soft'];

// The DOM serializer is shared with the Firefox suite (tests/shared/page-probes.ts).
export { serialize, serializeInPage, UI_HOST, type Serialized } from '../shared/page-probes';

/**
 * The page exactly as its server sends it, before any script (Termlight's or the page's) ran:
 * fetched with Playwright's request API, parsed with DOMParser in the page, serialized the same way.
 */
export async function serializeOriginal(page: Page, path: string): Promise<Serialized> {
  const response = await page.context().request.get(`${FIXTURES}/${path}`);
  expect(response.ok()).toBe(true);
  return serializeSource(page, await response.text());
}


/**
 * Centre of `text` in viewport coordinates of the top page, searching the frame's document and its
 * open shadow roots. For a child frame, the frame element's content-box offset is added.
 */
export async function pointIn(page: Page, target: Page | Frame, text: string): Promise<{ x: number; y: number }> {
  const local = await target.evaluate((needle) => {
    const roots: Node[] = [document.body];
    while (roots.length > 0) {
      const root = roots.shift()!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node instanceof Element) {
          if (node.shadowRoot) roots.push(node.shadowRoot);
          continue;
        }
        const at = node.textContent!.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, text);
  if (!local) throw new Error(`"${text}" not found`);
  if (!('parentFrame' in target) || target.parentFrame() === null) return local;
  const frameElement = await target.frameElement();
  const offset = await frameElement.evaluate((node) => {
    const el = node as Element;
    const rect = el.getBoundingClientRect();
    return { x: rect.left + el.clientLeft, y: rect.top + el.clientTop };
  });
  return { x: offset.x + local.x, y: offset.y + local.y };
}

/** Termlight's open popover inside the UI host of a page or frame. */
export const popoverIn = (target: Page | Frame) => target.locator(`${UI_HOST} [data-testid="popover"]`);

/** Computed styles of the popover that page CSS must not be able to change. */
export function popoverStyle(target: Page | Frame): Promise<Record<string, string>> {
  return popoverIn(target).evaluate((el) => {
    const style = getComputedStyle(el);
    const heading = getComputedStyle(el.querySelector('h2')!);
    const host = getComputedStyle((el.getRootNode() as ShadowRoot).host);
    return {
      position: style.position,
      display: style.display,
      visibility: style.visibility,
      backgroundColor: style.backgroundColor,
      color: style.color,
      fontSize: style.fontSize,
      fontFamily: style.fontFamily,
      lineHeight: style.lineHeight,
      borderTopWidth: style.borderTopWidth,
      borderRadius: style.borderTopLeftRadius,
      paddingTop: style.paddingTop,
      zIndex: style.zIndex,
      width: `${Math.round(el.getBoundingClientRect().width)}`,
      headingFontSize: heading.fontSize,
      headingFontWeight: heading.fontWeight,
      hostDisplay: host.display,
    };
  });
}

/** Every URL requested in the context (pages, frames, content scripts and the service worker). */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (request) => urls.push(request.url()));
  return urls;
}

export async function serviceWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}

/** URLs the extension's service worker fetched, from its own Resource Timing buffer. */
export function serviceWorkerResources(worker: Worker): Promise<string[]> {
  return worker.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
}

export interface ErrorWatch {
  /** Console errors and uncaught exceptions attributed to Termlight so far. */
  errors: string[];
  /** Console errors and uncaught exceptions of the page's own scripts (for pages we wrote). */
  pageErrors: string[];
  /** Service-worker uncaught errors / rejections, collected by listeners installed in it. */
  serviceWorkerErrors: () => Promise<string[]>;
  /** Ids of execution contexts that belong to the extension (its isolated worlds in page frames). */
  extensionContexts: Map<number, string>;
  cdp: CDPSession;
}

/**
 * Watches a page for errors from Termlight: console errors and exceptions in the extension's isolated
 * worlds (through CDP, which reports every world and every same-process frame), page-level reports
 * whose stack or source is the extension, and the service worker's console and uncaught errors.
 */
export async function watchErrors(context: BrowserContext, page: Page): Promise<ErrorWatch> {
  const errors: string[] = [];
  const pageErrors: string[] = [];
  const extensionContexts = new Map<number, string>();
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.executionContextCreated', ({ context: c }) => {
    if (c.origin.startsWith('chrome-extension://')) extensionContexts.set(c.id, c.name);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => extensionContexts.delete(executionContextId));
  cdp.on('Runtime.executionContextsCleared', () => extensionContexts.clear());
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if ((event.type === 'error' || event.type === 'assert') && extensionContexts.has(event.executionContextId)) {
      errors.push(`console.${event.type} in Termlight: ${event.args.map((a) => a.value ?? a.description).join(' ')}`);
    }
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const text = `${d.text} ${d.exception?.description ?? ''}`;
    if ((d.executionContextId !== undefined && extensionContexts.has(d.executionContextId)) || /chrome-extension:\/\//.test(`${text} ${d.url ?? ''}`)) {
      errors.push(`uncaught in Termlight: ${text}`);
    }
  });
  await cdp.send('Runtime.enable');
  page.on('pageerror', (error) => {
    const text = `${error.message}\n${error.stack ?? ''}`;
    if (/chrome-extension:\/\/|Termlight/.test(text)) errors.push(`pageerror: ${text}`);
    else pageErrors.push(`pageerror: ${text}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    const text = `${message.text()} @ ${where}`;
    if (where.startsWith('chrome-extension://') || /Termlight/i.test(message.text())) errors.push(`console error: ${text}`);
    else if (!/favicon\.ico$/.test(where)) pageErrors.push(`console error: ${text}`);
  });
  const worker = await serviceWorker(context);
  worker.on('console', (message) => {
    if (message.type() === 'error') errors.push(`service worker console error: ${message.text()}`);
  });
  await worker.evaluate(() => {
    const scope = globalThis as unknown as { __termlightSafetyErrors?: string[] } & typeof globalThis;
    if (scope.__termlightSafetyErrors) return;
    const seen: string[] = (scope.__termlightSafetyErrors = []);
    scope.addEventListener('error', (event) => seen.push(`error: ${(event as ErrorEvent).message}`));
    scope.addEventListener('unhandledrejection', (event) => seen.push(`unhandled rejection: ${String((event as PromiseRejectionEvent).reason)}`));
  });
  return {
    errors,
    pageErrors,
    extensionContexts,
    cdp,
    serviceWorkerErrors: () =>
      worker.evaluate(() => (globalThis as unknown as { __termlightSafetyErrors?: string[] }).__termlightSafetyErrors ?? []),
  };
}

/**
 * Evaluates an expression in a fresh isolated world of the page's main frame: pristine built-ins and
 * the same DOM and CSS.highlights registry, for reading a page that broke its own built-ins.
 */
export async function evaluateInCleanWorld<T>(cdp: CDPSession, expression: string): Promise<T> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'termlight-safety-reader' });
  const result = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, returnByValue: true, awaitPromise: true });
  if (result.exceptionDetails) throw new Error(`clean-world evaluate failed: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
  return result.result.value as T;
}

/** In a clean world: texts of the ranges in Termlight's exact-match highlight. */
export const CLEAN_HIGHLIGHT_TEXTS = `(() => {
  const highlight = CSS.highlights.get('termlight-term');
  if (!highlight) return [];
  const texts = [];
  for (const r of highlight) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    texts.push(range.toString());
  }
  return texts;
})()`;

/** In a clean world: the viewport centre of the first occurrence of a text (light DOM and open shadow roots). */
export const cleanPointOf = (needle: string) => `((needle) => {
  const roots = [document.body];
  while (roots.length > 0) {
    const root = roots.shift();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === 1) { if (node.shadowRoot) roots.push(node.shadowRoot); continue; }
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const rect = range.getClientRects()[0];
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
  }
  return null;
})(${JSON.stringify(needle)})`;

/** In a clean world: whether Termlight is active here, its highlight count, and the centre of its first visible range. */
export const CLEAN_HIGHLIGHT_STATE = `(() => {
  const highlight = CSS.highlights.get('termlight-term');
  if (!highlight) return { active: false, count: 0, first: null };
  let first = null;
  for (const r of highlight) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    const rect = range.getClientRects()[0];
    if (rect && rect.top >= 0 && rect.bottom <= innerHeight && rect.left >= 0 && rect.right <= innerWidth) {
      first = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
      break;
    }
  }
  return { active: true, count: highlight.size, first };
})()`;
