import type { Page } from '@playwright/test';
import {
  expect,
  expectedOf,
  FIXTURES,
  intersects,
  pointOf,
  popover,
  popoverRect,
  rectOf,
  selectText,
  sendFromBackground,
  tabIdOf,
  test,
  waitForHighlight,
} from './fixtures';

const ARTICLE = `${FIXTURES}/article.html`;
const EDGES = `${FIXTURES}/edges.html`;
/** Longer than the popover's hover delays (150 ms to open, 350 ms to close): a change would have happened. */
const SETTLE_MS = 700;

async function hoverTerm(page: Page, term: string, root = 'body'): Promise<void> {
  const at = await pointOf(page, term, root);
  await page.mouse.move(at.x, at.y);
  await expect(popover(page).locator('h2')).toHaveText(term);
}

test.describe('popover behaviour (mouse)', () => {
  test('stays open while the pointer moves from the term onto it (WCAG 1.4.13), closes when it leaves', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await hoverTerm(page, 'hypercalcemia');
    await expect(popover(page)).not.toBeFocused(); // pointing never steals focus from the page

    // Move across the gap onto the popover, in small steps, as a hand would.
    const box = (await popover(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page)).toBeVisible();
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');

    // The content is usable from there: a related term replaces the definition in place.
    const related = popover(page).locator('.related').getByRole('button').first();
    const relatedName = (await related.textContent())!.trim();
    await related.click();
    await expect(popover(page).locator('h2')).toHaveText(relatedName);

    // Leaving for plain text closes it.
    const plain = await pointOf(page, 'spent the weekend');
    await page.mouse.move(plain.x, plain.y, { steps: 4 });
    await expect(popover(page)).toHaveCount(0);
  });

  test('a click elsewhere on the page closes it', async ({ context, page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    // Opened from the keyboard, so that only the click (not the pointer leaving) can close it.
    await selectText(page, 'hypercalcemia');
    await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection' });
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page)).toBeVisible(); // not closed by anything but the reader

    // A click inside the popover keeps it open.
    await popover(page).getByTestId('definition').click();
    await expect(popover(page)).toBeVisible();

    const plain = await pointOf(page, 'Healthy bone is rebuilt');
    await page.mouse.click(plain.x, plain.y);
    await expect(popover(page)).toHaveCount(0);
  });

  test('never covers its term, and stays inside the viewport at the edges', async ({ page }) => {
    await page.goto(EDGES);
    const { terms } = await expectedOf<{ terms: Array<{ text: string; within: string }> }>(page);
    const viewport = page.viewportSize()!;
    for (const { text, within } of terms) {
      await waitForHighlight(page, text);
      await hoverTerm(page, text, `#${within}`);
      // Wait for the placement to settle: floating-ui positions it after the first render.
      await expect.poll(async () => intersects(await popoverRect(page), await rectOf(page, text, `#${within}`))).toBe(false);
      const box = await popoverRect(page);
      const term = await rectOf(page, text, `#${within}`);
      expect(intersects(box, term), `popover covers "${text}"`).toBe(false);
      expect(box.left, text).toBeGreaterThanOrEqual(0);
      expect(box.top, text).toBeGreaterThanOrEqual(0);
      expect(box.right, text).toBeLessThanOrEqual(viewport.width);
      expect(box.bottom, text).toBeLessThanOrEqual(viewport.height);
      await page.keyboard.press('Escape');
      await expect(popover(page)).toHaveCount(0);
      await page.mouse.move(viewport.width / 2, 150); // away from every term
    }
  });
});

test.describe('popover behaviour (touch)', () => {
  test.use({ hasTouch: true });

  test('a tap on a term opens its popover, beside the term; a tap elsewhere closes it', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    expect(intersects(await popoverRect(page), await rectOf(page, 'hypercalcemia'))).toBe(false);

    // A tap on another term switches to it: one the popover (larger on touch, 44 px targets) leaves clear.
    const open = await popoverRect(page);
    const viewport = page.viewportSize()!;
    let other: { x: number; y: number } | undefined;
    for (const candidate of ['osteoblasts', 'Osteoclasts', 'bone metastases', 'pathological fracture', 'vertebrae', 'anaemia']) {
      const box = await rectOf(page, candidate);
      if (intersects(box, open) || box.top < 0 || box.bottom > viewport.height) continue;
      other = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      break;
    }
    expect(other, 'a term clear of the popover').toBeDefined();
    await page.touchscreen.tap(other!.x, other!.y);
    await expect(popover(page).locator('h2')).not.toHaveText('hypercalcemia');
    await expect(popover(page)).toBeVisible();

    // A tap on the page beside the article (the popover may now cover the text near its term).
    await page.touchscreen.tap(20, viewport.height / 2);
    await expect(popover(page)).toHaveCount(0);

    // A tap on plain text opens nothing.
    const plain = await pointOf(page, 'Healthy bone is rebuilt');
    await page.touchscreen.tap(plain.x, plain.y);
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page)).toHaveCount(0);
  });
});
