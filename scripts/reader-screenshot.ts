/** Writes docs/reader.png: the reader on the test handout with a popover open (after `npm run build`). */
import { extensionId, launchWithExtension } from '../tests/browser';
import { startFixtureServer } from '../tests/server';

const PORT = Number(process.env.TERMLIGHT_PORT ?? 4178) + 60;
const server = await startFixtureServer(PORT);
const context = await launchWithExtension({});
try {
  const id = await extensionId(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.setViewportSize({ width: 1200, height: 760 });
  await page.goto(`chrome-extension://${id}/reader.html?src=${encodeURIComponent(`http://127.0.0.1:${PORT}/pdf/terms.pdf`)}`);
  await page.waitForFunction(() => document.documentElement.dataset.indexed === 'true', null, { timeout: 120_000 });
  await page.waitForFunction(() => (CSS.highlights.get('termlight-term')?.size ?? 0) > 3, null, { timeout: 60_000 });
  const at = await page.evaluate(() => {
    const span = [...document.querySelectorAll('.textLayer span')].find((s) => s.textContent?.startsWith('clast'))!;
    const r = span.getBoundingClientRect();
    return { x: r.left + 12, y: r.top + r.height / 2 };
  });
  await page.mouse.move(at.x, at.y);
  await page.locator('termlight-ui [data-testid="popover"] h2').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/reader.png' });
} finally {
  await context.close();
  await server.close();
}
