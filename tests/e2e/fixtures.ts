import { test as base, expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { extensionId, launchWithExtension } from '../browser';
import { FIXTURE_PORT } from '../../playwright.config';
import * as probes from '../shared/page-probes';
import { textBoxes, type Box } from '../shared/page-probes';

export type { HighlightedRange } from '../shared/page-probes';

export const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;

/** Each test gets a fresh Chromium profile with the built Termlight loaded. */
export const test = base.extend<{ context: BrowserContext; extensionId: string; page: Page; windowSize: { width: number; height: number } | undefined }>({
  /** `test.use({ windowSize: { width: 375, height: 667 } })`: a phone-sized window (default: 1100 x 800). */
  windowSize: [undefined, { option: true }],
  // `test.use({ hasTouch: true })` (Playwright's own option) gives the profile a touch screen.
  context: async ({ hasTouch, windowSize }, use) => {
    const context = await launchWithExtension({ hasTouch, ...(windowSize ? { viewport: windowSize } : {}) });
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => use(await extensionId(context)),
  page: async ({ context }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    await use(page);
  },
});
export { expect };

/** Texts of the ranges Termlight registered under a highlight name (the registry is shared with the page). */
export function highlightedTexts(page: Page | Frame, name = 'termlight-term'): Promise<string[]> {
  return probes.highlightedTexts(page, name);
}

/** Waits until Termlight has highlighted `text` on the page. */
export async function waitForHighlight(page: Page, text: string, name = 'termlight-term'): Promise<void> {
  await expect.poll(() => highlightedTexts(page, name), { timeout: 10_000 }).toContain(text);
}

/** Centre of the first line box of `text`'s first occurrence, scrolled into view, for pointing at it. */
export function pointOf(page: Page, text: string, root = 'body'): Promise<{ x: number; y: number }> {
  return probes.pointOf(page, text, root);
}

/** The open popover inside Termlight's shadow root (Playwright's CSS locators pierce open shadow roots). */
export const popover = (page: Page) => page.locator('termlight-ui [data-testid="popover"]');

// ---------------------------------------------------------------------------------------------
// Helpers for the feature tests (features-*.spec.ts): the extension's service worker, tabs,
// messages, the popup and options pages, selections, and where highlights are on the page.

type ExtensionApi = typeof import('wxt/browser').browser;

/** The extension's background service worker (MV3). */
export async function serviceWorker(context: BrowserContext) {
  const [existing] = context.serviceWorkers();
  return existing ?? (await context.waitForEvent('serviceworker'));
}

/**
 * The extension's id for the tab showing `page`. The extension has no "tabs" permission, so it cannot
 * see tab URLs (chrome.tabs.query({url}) finds nothing); instead the page is brought to the front and
 * the active tab asked for, exactly how the real toolbar popup finds its tab.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  const sw = await serviceWorker(context);
  let id: number | null = null;
  await expect
    .poll(async () => {
      id = await sw.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
        const [tab] = await api.tabs.query({ active: true, lastFocusedWindow: true });
        return tab?.id ?? null;
      });
      return id;
    })
    .not.toBeNull();
  return id!;
}

type BackgroundHooks = { termlightBackground: { ensurePageScript: (tabId: number, frameId?: number) => Promise<boolean> } };

/**
 * Starts Termlight's main script in a tab's frame as the popup, the side panel and the menus do before
 * they talk to a page (the page gate may have kept it out of a page with no term in sight).
 */
export async function ensurePageScript(context: BrowserContext, tabId: number, frameId = 0): Promise<boolean> {
  const sw = await serviceWorker(context);
  return sw.evaluate(([id, frame]) => (globalThis as unknown as BackgroundHooks).termlightBackground.ensurePageScript(id, frame), [tabId, frameId] as const);
}

/** Sends a message from the background to a tab's content script, as the background itself does (starting it first). */
export async function sendFromBackground<T = unknown>(context: BrowserContext, tabId: number, message: Record<string, unknown>): Promise<T> {
  const sw = await serviceWorker(context);
  return sw.evaluate(
    async ([id, msg]) => {
      const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      await (globalThis as unknown as BackgroundHooks).termlightBackground.ensurePageScript(id, 0);
      return (await api.tabs.sendMessage(id, msg, { frameId: 0 })) as T;
    },
    [tabId, message] as const,
  );
}

/**
 * Which frames of a tab run Termlight's main script, asked of the frames' isolated world (the mark the
 * main script leaves there, src/page/page-script.ts): nothing in the page is touched. Frame URLs.
 */
export async function framesWithPageScript(context: BrowserContext, tabId: number): Promise<string[]> {
  const sw = await serviceWorker(context);
  return sw.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const results = await api.scripting.executeScript({
      target: { tabId: id, allFrames: true },
      func: () => ((globalThis as unknown as Record<string, unknown>).termlightPageScript === true ? location.href : null),
    });
    return results.map((r) => r.result as string | null).filter((url): url is string => url !== null).sort();
  }, tabId);
}

/** What the content script reports about its page (the popup's `page-terms` message). */
export interface PageTermsReply {
  count: number;
  terms: Array<{ id: string; headword: string }>;
  active: boolean;
  hostname: string;
}

/** Asks the tab's content script what it found; retries until the content script answers. */
export async function pageTerms(context: BrowserContext, tabId: number): Promise<PageTermsReply> {
  let reply: PageTermsReply | undefined;
  await expect
    .poll(async () => {
      reply = await sendFromBackground<PageTermsReply | undefined>(context, tabId, { type: 'page-terms' }).catch(() => undefined);
      return reply !== undefined;
    })
    .toBe(true);
  return reply!;
}

/** The toolbar popup, opened as a page (a tab of its own) that speaks for the tab showing `page`. */
export async function openPopup(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const tabId = await tabIdOf(context, page);
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/** The options (settings) page. */
export async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Termlight settings' })).toBeVisible();
  return options;
}

/** Selects the first occurrence of `text` in the page's light DOM, as a reader dragging over it would. */
export function selectText(page: Page, text: string): Promise<void> {
  return probes.selectText(page, text);
}

/** Every range registered under a highlight name, with where it is on the page. */
export function highlightedRanges(page: Page | Frame, name = 'termlight-term'): Promise<probes.HighlightedRange[]> {
  return probes.highlightedRanges(page, name);
}

/** The names of Termlight's highlights currently in the page's registry. */
export function termlightHighlightNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('termlight-')).sort());
}

/** All texts highlighted by Termlight under any of its highlight names. */
export async function allHighlightedTexts(page: Page): Promise<string[]> {
  const names = await termlightHighlightNames(page);
  return (await Promise.all(names.map((n) => highlightedTexts(page, n)))).flat();
}

/** The expectations a fixture page carries in <script type="application/json" id="termlight-expected">. */
export function expectedOf<T>(page: Page): Promise<T> {
  return probes.expectedOf<T>(page);
}

/** Whether two boxes overlap (share any area). */
export function intersects(
  a: { left: number; top: number; right: number; bottom: number },
  b: { left: number; top: number; right: number; bottom: number },
): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/** Texts of Termlight highlights (any of its names) that overlap the first occurrence of `text` (case-insensitive). */
export function highlightsOverlapping(page: Page, text: string): Promise<string[]> {
  return probes.highlightsOverlapping(page, text);
}

/** The viewport box of the first occurrence of `text` under `root` (no scrolling). */
export async function rectOf(page: Page, text: string, root = 'body'): Promise<Box> {
  return (await textBoxes(page, text, root, false)).whole;
}

/** The popover's viewport box as left/top/right/bottom. */
export async function popoverRect(page: Page): Promise<{ left: number; top: number; right: number; bottom: number }> {
  const box = await popover(page).boundingBox();
  if (!box) throw new Error('no popover on the page');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** Points at a term and waits for its popover. */
export async function hoverTerm(page: Page, text: string, headword = text, highlight = 'termlight-term'): Promise<void> {
  await page.bringToFront(); // a background tab gets no animation frames, which hover uses
  await waitForHighlight(page, text, highlight);
  await page.mouse.move(0, 0);
  const at = await pointOf(page, text);
  await page.mouse.move(at.x, at.y);
  await expect(popover(page).locator('h2')).toHaveText(headword);
}
