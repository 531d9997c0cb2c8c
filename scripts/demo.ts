import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionId, launchWithExtension } from '../tests/browser';
import { startFixtureServer } from '../tests/server';

/**
 * npm run demo: Chromium with Termlight loaded on a demo article we wrote, served on 127.0.0.1.
 * With a display it stays open for you to explore; without one it runs headless, points at a term,
 * saves a screenshot of the open popover (and of the toolbar popup) and prints where.
 */
const PORT = Number(process.env.TERMLIGHT_DEMO_PORT ?? 4179);
const OUT = fileURLToPath(new URL('../.output/demo/', import.meta.url));
const headless = !process.env.DISPLAY || process.argv.includes('--headless');

const server = await startFixtureServer(PORT);
const context = await launchWithExtension({ headless });
const page = context.pages()[0] ?? (await context.newPage());
const url = `http://127.0.0.1:${PORT}/article.html`;
await page.goto(url);

if (!headless) {
  console.log(`Termlight is running in Chromium on ${url}. Point at an underlined term. Close the window to stop.`);
  await new Promise<void>((resolve) => context.on('close', () => resolve()));
  await server.close();
  process.exit(0);
}

await page.waitForFunction(() => (CSS.highlights.get('termlight-term')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
const point = await page.evaluate(() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf('hypercalcemia');
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + 'hypercalcemia'.length);
    const rect = range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  throw new Error('demo term not found');
});
await page.mouse.move(point.x, point.y);
const popover = page.locator('termlight-ui [data-testid="popover"]');
await popover.waitFor({ state: 'visible' });
await page.waitForTimeout(300); // let the fade-in finish before the picture
mkdirSync(OUT, { recursive: true });
const popoverShot = join(OUT, 'termlight-popover.png');
const box = (await popover.boundingBox())!;
const top = Math.max(0, Math.min(box.y, point.y) - 90);
const bottom = Math.max(box.y + box.height, point.y) + 90;
await page.screenshot({ path: popoverShot, clip: { x: 150, y: top, width: 800, height: bottom - top } });

// The extension has no "tabs" permission, so it finds its tab as the real popup does: the active one.
await page.bringToFront();
const tabId = await (await serviceWorker()).evaluate(async () => {
  const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
  return (await api.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
});
const popup = await context.newPage();
await popup.setViewportSize({ width: 390, height: 700 });
await popup.goto(`chrome-extension://${await extensionId(context)}/popup.html?tab=${tabId}`);
await popup.getByRole('combobox').fill('zometa');
await popup.keyboard.press('Enter');
await popup.getByTestId('popup-definition').waitFor();
const popupShot = join(OUT, 'termlight-popup.png');
await popup.getByTestId('page-count').waitFor();
await popup.screenshot({ path: popupShot, fullPage: true });

// The side panel with a notebook: the article's terms saved with "Save all", one note added.
const panel = await context.newPage();
await panel.setViewportSize({ width: 400, height: 900 });
await panel.goto(`chrome-extension://${await extensionId(context)}/sidepanel.html?tab=${tabId}&view=page`);
await panel.getByTestId('save-all').click();
await panel.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
await panel.getByRole('tab', { name: /Notebook/ }).click();
const card = panel.locator('.entry').nth(1);
await card.getByRole('button', { name: /note for/ }).click();
await card.getByTestId('entry-note-input').fill('Ask the team what this means for Dad.');
await card.getByTestId('entry-tags-input').fill('to ask');
await card.getByTestId('entry-save-note').click();
await card.getByTestId('entry-note').waitFor();
await panel.evaluate(() => window.scrollTo(0, 0));
const panelShot = join(OUT, 'termlight-sidepanel.png');
await panel.screenshot({ path: panelShot });

console.log(`Termlight demo: the popover explaining "hypercalcemia" on ${url}`);
console.log(popoverShot);
console.log(popupShot);
console.log(panelShot);
await context.close();
await server.close();

async function serviceWorker() {
  return context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
}
