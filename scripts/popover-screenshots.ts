/**
 * Writes docs/popover-dark.png (a dark page with its popover) and docs/phone.png (a phone-sized
 * touch screen with the bottom sheet), headless, after `npm run build`.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension } from '../tests/browser';
import { startFixtureServer } from '../tests/server';

const PORT = Number(process.env.TERMLIGHT_PORT ?? 4178) + 61;
const BASE = `http://127.0.0.1:${PORT}`;

/** The centre of the first line of `text` on the page, scrolled into view. */
async function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      node.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`${needle} not found`);
  }, text);
}

async function shoot(options: { hasTouch: boolean; viewport: { width: number; height: number } }, run: (page: Page) => Promise<void>): Promise<void> {
  const context: BrowserContext = await launchWithExtension(options);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await run(page);
  } finally {
    await context.close();
  }
}

const popover = (page: Page) => page.locator('termlight-ui [data-testid="popover"]');
const highlighted = (page: Page, term: string) =>
  page.waitForFunction((t) => [...(CSS.highlights.get('termlight-term') ?? [])].some((r) => r.startContainer.textContent?.slice(r.startOffset, r.endOffset) === t), term, { timeout: 60_000 });

const server = await startFixtureServer(PORT);
try {
  await shoot({ hasTouch: false, viewport: { width: 900, height: 700 } }, async (page) => {
    await page.emulateMedia({ colorScheme: 'light' }); // the page's own dark background decides
    await page.goto(`${BASE}/dark.html`);
    await highlighted(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.mouse.move(at.x, at.y);
    await popover(page).locator('h2').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/popover-dark.png' });
  });
  await shoot({ hasTouch: true, viewport: { width: 375, height: 667 } }, async (page) => {
    await page.goto(`${BASE}/article.html`);
    await highlighted(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await popover(page).locator('h2').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/phone.png' });
  });
  console.log('Wrote docs/popover-dark.png and docs/phone.png');
} finally {
  await server.close();
}
