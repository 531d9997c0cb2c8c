import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { extensionId, launchWithExtension } from '../browser';
import { FIXTURE_PORT } from '../../playwright.config';

export const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;

/** Each test gets a fresh Chromium profile with the built Termlight loaded. */
export const test = base.extend<{ context: BrowserContext; extensionId: string; page: Page }>({
  context: async ({}, use) => {
    const context = await launchWithExtension();
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
export function highlightedTexts(page: Page, name = 'termlight-term'): Promise<string[]> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    if (!highlight) return [];
    return [...highlight].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range.toString();
    });
  }, name);
}

/** Waits until Termlight has highlighted `text` on the page. */
export async function waitForHighlight(page: Page, text: string, name = 'termlight-term'): Promise<void> {
  await expect.poll(() => highlightedTexts(page, name), { timeout: 10_000 }).toContain(text);
}

/** Centre of the first occurrence of `text` in the page's (light) DOM, for pointing at it. */
export async function pointOf(page: Page, text: string, root = 'body'): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ([needle, rootSelector]) => {
      const walker = document.createTreeWalker(document.querySelector(rootSelector)!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf(needle!);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle!.length);
        range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0]!;
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    [text, root] as const,
  );
  if (!point) throw new Error(`"${text}" not found on the page`);
  return point;
}

/** The open popover inside Termlight's shadow root (Playwright's CSS locators pierce open shadow roots). */
export const popover = (page: Page) => page.locator('termlight-ui [data-testid="popover"]');
