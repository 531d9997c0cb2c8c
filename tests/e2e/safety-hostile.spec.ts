import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensurePageScript, expect, FIXTURES, tabIdOf, test, waitForHighlight } from './fixtures';
import {
  CLEAN_HIGHLIGHT_STATE,
  CLEAN_HIGHLIGHT_TEXTS,
  cleanPointOf,
  evaluateInCleanWorld,
  pointIn,
  popoverIn,
  popoverStyle,
  watchErrors,
} from './safety-helpers';

/**
 * Hostile pages: page CSS cannot restyle the popover, page scripts that break built-ins cannot break
 * the content script (it runs in an isolated world), the page's own handlers keep working, and no
 * fixture page makes Termlight log an error or throw.
 */

test('hostile page CSS (`* { all: unset !important }`, `div { display: none !important }`, …) does not change the popover', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // The same term on a well-behaved page gives the popover's normal computed style.
  await page.goto(`${FIXTURES}/safety-dom.html`);
  await waitForHighlight(page, 'hypercalcemia');
  let point = await pointIn(page, page, 'hypercalcemia');
  await page.mouse.move(point.x, point.y);
  await expect(popoverIn(page).locator('h2')).toHaveText('hypercalcemia');
  const normal = await popoverStyle(page);
  expect(normal.position).toBe('fixed');
  expect(normal.fontSize).toBe('15px');

  await page.goto(`${FIXTURES}/safety-hostile-css.html`);
  await waitForHighlight(page, 'hypercalcemia');
  await waitForHighlight(page, 'osteoporosis');
  point = await pointIn(page, page, 'hypercalcemia');
  await page.mouse.move(point.x, point.y);
  await expect(popoverIn(page)).toBeVisible();
  await expect(popoverIn(page).locator('h2')).toHaveText('hypercalcemia');
  expect(await popoverStyle(page)).toEqual(normal);
  // Nothing of the page is painted over it: the topmost element at its centre is inside the popover.
  const onTop = await popoverIn(page).evaluate((el) => {
    const box = el.getBoundingClientRect();
    const hit = (el.getRootNode() as ShadowRoot).elementFromPoint(box.left + box.width / 2, box.top + 12);
    return hit !== null && el.contains(hit);
  });
  expect(onTop).toBe(true);
  await page.keyboard.press('Escape');
  await expect(popoverIn(page)).toHaveCount(0);
});

test('page scripts that break Array, JSON and DOM built-ins break neither Termlight nor the page’s own handlers', async ({ context, page }) => {
  const watch = await watchErrors(context, page);
  await page.goto(`${FIXTURES}/safety-hostile-js.html`);
  // The page really did break its built-ins (checked in its own main world).
  const probe = await watch.cdp.send('Runtime.evaluate', {
    expression: `[(() => { try { [1].map((x) => x); return 'map works'; } catch { return 'map broken'; } })(), JSON.stringify({ a: 1 }), typeof MutationObserver === 'function' && (() => { try { new MutationObserver(() => {}); return 'observer works'; } catch { return 'observer broken'; } })()].join('|')`,
    returnByValue: true,
  });
  expect(probe.result.value).toBe('map broken|"hostile"|observer broken');

  // Termlight highlights as usual (read from a fresh isolated world: the page's own world is broken).
  await expect
    .poll(() => evaluateInCleanWorld<string[]>(watch.cdp, CLEAN_HIGHLIGHT_TEXTS))
    .toEqual(expect.arrayContaining(['hypercalcemia', 'osteoporosis', 'bone metastases']));

  const clicks = page.locator('#clicks');
  const keys = page.locator('#keys');
  const hover = async (word: string) => {
    const point = (await evaluateInCleanWorld<{ x: number; y: number }>(watch.cdp, cleanPointOf(word)))!;
    await page.mouse.move(point.x, point.y);
    await expect(popoverIn(page)).toBeVisible();
    await expect(popoverIn(page).locator('h2')).toHaveText(word);
  };

  // A popover opens; the page's key handler still sees keys while it is open, including Escape that closes it.
  await hover('hypercalcemia');
  await page.keyboard.press('x');
  await expect(keys).toHaveText('1');
  await expect(popoverIn(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(popoverIn(page)).toHaveCount(0);
  await expect(keys).toHaveText('2');

  // With a popover open, a click on the page's button reaches the page's handler and closes the popover.
  await hover('osteoporosis');
  await page.locator('#counter').click();
  await expect(clicks).toHaveText('1');
  await expect(popoverIn(page)).toHaveCount(0);

  // After the popover opened and closed, handlers still work.
  await page.locator('#counter').click();
  await page.keyboard.press('y');
  await expect(clicks).toHaveText('2');
  await expect(keys).toHaveText('3');

  expect(watch.errors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  expect(await watch.serviceWorkerErrors()).toEqual([]);
});

const PAGES_DIR = fileURLToPath(new URL('../fixtures/pages/', import.meta.url));

test('no console error or uncaught exception from Termlight on any fixture page', async ({ context, page }) => {
  test.setTimeout(180_000);
  const pages = readdirSync(PAGES_DIR).filter((name) => name.endsWith('.html')).sort();
  expect(pages.length).toBeGreaterThan(5);
  const watch = await watchErrors(context, page);
  const visits = [...pages, 'safety-csp.html?csp=strict', 'safety-components.html?csp=strict', 'safety-frame.html?csp=strict'];
  let popovers = 0;
  for (const name of visits) {
    await test.step(name, async () => {
      await page.goto(`${FIXTURES}/${name}`);
      // The main script runs on every page here: on pages without a term (where the page gate keeps it
      // out) it is started as the popup starts it, so that no page escapes this check.
      expect(await ensurePageScript(context, await tabIdOf(context, page))).toBe(true);
      // Wait until Termlight is active here and its highlights have stopped changing.
      let last = -1;
      await expect
        .poll(async () => {
          const state = await evaluateInCleanWorld<{ active: boolean; count: number }>(watch.cdp, CLEAN_HIGHLIGHT_STATE);
          const settled = state.active && state.count === last;
          last = state.count;
          return settled;
        }, { intervals: [250], timeout: 15_000 })
        .toBe(true);
      // Open a popover on the first term in view (a message round trip to the background) and close it.
      const { first } = await evaluateInCleanWorld<{ first: { x: number; y: number; text: string } | null }>(watch.cdp, CLEAN_HIGHLIGHT_STATE);
      if (first) {
        await page.mouse.move(first.x, first.y);
        await expect(popoverIn(page), `popover for "${first.text}" on ${name}`).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(popoverIn(page)).toHaveCount(0);
        await page.mouse.move(1, 1);
        popovers++;
      }
      // Buttons that change the page (text arriving after load, a page's own counters).
      for (const button of await page.locator('body button[type="button"]').all()) {
        if (await button.isVisible()) await button.click();
      }
      expect(watch.errors, `Termlight errors on ${name}`).toEqual([]);
      if (/^(safety|fuzz)-/.test(name)) expect(watch.pageErrors, `page errors on ${name}`).toEqual([]);
      watch.pageErrors.length = 0;
    });
  }
  expect(popovers).toBeGreaterThan(5);
  expect(await watch.serviceWorkerErrors()).toEqual([]);
  expect(watch.errors).toEqual([]);

  // The watcher does see Termlight's world: an error logged there is reported.
  const [termlightWorld] = [...watch.extensionContexts.keys()];
  expect(termlightWorld).toBeDefined();
  await watch.cdp.send('Runtime.evaluate', { expression: `console.error('safety probe')`, contextId: termlightWorld! });
  await expect.poll(() => watch.errors.join('\n')).toContain('safety probe');
});
