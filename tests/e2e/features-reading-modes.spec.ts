import type { BrowserContext, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './a11y-helpers';
import {
  expect,
  FIXTURES,
  hoverTerm,
  highlightedTexts,
  intersects,
  pointOf,
  popover,
  popoverRect,
  rectOf,
  selectText,
  sendFromBackground,
  serviceWorker,
  tabIdOf,
  test,
  waitForHighlight,
} from './fixtures';
import { setStubVoices, spoken, stubSpeech, touchDrag } from './reading-helpers';

const ARTICLE = `${FIXTURES}/article.html`;
const KEYBOARD = `${FIXTURES}/keyboard.html`;
/** Longer than the popover's hover delays (150 ms to open, 350 ms to close): a change would have happened. */
const SETTLE_MS = 700;

async function send(context: BrowserContext, page: Page, message: Record<string, unknown>): Promise<unknown> {
  return sendFromBackground(context, await tabIdOf(context, page), message);
}

/** Every highlighted term of the page in page order (plain terms and misspellings). */
function termsInPageOrder(page: Page): Promise<Array<{ text: string; bottom: number }>> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const name of ['termlight-term', 'termlight-misspelling']) {
      for (const r of CSS.highlights.get(name) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        ranges.push(range);
      }
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => ({ text: r.toString(), bottom: r.getBoundingClientRect().bottom }));
  });
}

const revealed = (page: Page) => highlightedTexts(page, 'termlight-revealed');

test.describe('pin', () => {
  test('keeps the popover open across pointer moves, clicks and scrolling, docked clear of its term; shows the next term pointed at; Esc releases it', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await hoverTerm(page, 'hypercalcemia');
    const pin = popover(page).getByRole('button', { name: 'Pin' });
    await expect(pin).toHaveAttribute('aria-pressed', 'false');
    await pin.click();
    await expect(popover(page)).toHaveAttribute('data-layout', 'pinned');
    await expect(popover(page).getByRole('button', { name: 'Pinned' })).toHaveAttribute('aria-pressed', 'true');

    // Docked to a corner of the viewport, not over its term.
    const viewport = page.viewportSize()!;
    const docked = async () => {
      const box = await popoverRect(page);
      const atSide = Math.abs(box.left - 8) < 1 || Math.abs(viewport.width - 8 - box.right) < 1;
      const atEdge = Math.abs(box.top - 8) < 1 || Math.abs(viewport.height - 8 - box.bottom) < 1;
      return atSide && atEdge;
    };
    await expect.poll(docked).toBe(true);
    expect(intersects(await popoverRect(page), await rectOf(page, 'hypercalcemia'))).toBe(false);

    // The pointer leaves for plain text, and clicks there: it stays.
    const plain = await pointOf(page, 'Healthy bone is rebuilt');
    await page.mouse.move(plain.x, plain.y, { steps: 4 });
    await page.mouse.click(plain.x, plain.y);
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');

    // Scrolling the term out of view: still open, still docked.
    await page.mouse.wheel(0, 2000);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(100);
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page)).toBeVisible();
    await expect.poll(docked).toBe(true);
    await expectNoSeriousViolations(page, 'termlight-ui');

    // The next term pointed at is shown in the pinned popover.
    await hoverTerm(page, 'Radiotherapy', 'radiation therapy');
    await expect(popover(page)).toHaveAttribute('data-layout', 'pinned');
    expect(intersects(await popoverRect(page), await rectOf(page, 'Radiotherapy'))).toBe(false);

    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);

    // Pinned again, the pin releases it: back beside the term, and it closes when the pointer leaves.
    await page.mouse.move(5, 5);
    await hoverTerm(page, 'Radiotherapy', 'radiation therapy');
    await popover(page).getByRole('button', { name: 'Pin' }).click();
    await popover(page).getByRole('button', { name: 'Pinned' }).click();
    await expect(popover(page)).toHaveAttribute('data-layout', 'anchored');
    const away = await pointOf(page, 'Our family spent the weekend');
    await page.mouse.move(away.x, away.y, { steps: 4 });
    await expect(popover(page)).toHaveCount(0);
  });
});

test.describe('listen', () => {
  test('is offered with an on-device English voice, and reads the headword, then the definition; Esc stops it; L listens', async ({ context, page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await stubSpeech(page, [
      { name: 'Online English', lang: 'en-US', localService: false, default: true },
      { name: 'Amélie', lang: 'fr-FR', localService: true },
      { name: 'Daniel', lang: 'en-GB', localService: true },
    ]);
    await hoverTerm(page, 'hypercalcemia');
    const definition = (await popover(page).getByTestId('definition').textContent())!.trim();
    await popover(page).getByRole('button', { name: 'Listen' }).click();
    await expect.poll(async () => (await spoken(page)).spoken).toEqual([
      { text: 'hypercalcemia', voice: 'Daniel', lang: 'en-GB', rate: 0.9 },
      { text: definition, voice: 'Daniel', lang: 'en-GB', rate: 0.9 },
    ]);
    await expect(popover(page).getByRole('button', { name: 'Stop', exact: true })).toBeVisible();
    const cancelsBefore = (await spoken(page)).cancels;

    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);
    expect((await spoken(page)).cancels).toBeGreaterThan(cancelsBefore);

    // From the keyboard: L listens.
    await selectText(page, 'osteoblasts');
    await send(context, page, { type: 'explain-selection' });
    await expect(popover(page)).toBeFocused();
    await page.keyboard.press('l');
    await expect.poll(async () => (await spoken(page)).spoken.slice(2).map((u) => u.text)[0]).toBe('osteoblast');
  });

  test('is absent when only online voices exist, and appears when an on-device voice loads later', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    // Headless Chromium has no voices at all: no button either.
    await hoverTerm(page, 'hypercalcemia');
    await expect(popover(page).getByTestId('popover-tools')).toBeVisible();
    await expect(popover(page).getByTestId('listen')).toHaveCount(0);
    await page.keyboard.press('Escape');

    await stubSpeech(page, [
      { name: 'Online US', lang: 'en-US', localService: false, default: true },
      { name: 'Online UK', lang: 'en-GB', localService: false },
      { name: 'Thomas', lang: 'fr-FR', localService: true },
    ]);
    await page.mouse.move(5, 5);
    await hoverTerm(page, 'hypercalcemia');
    await expect(popover(page).getByTestId('popover-tools')).toBeVisible();
    await expect(popover(page).getByTestId('listen')).toHaveCount(0);

    await setStubVoices(page, [{ name: 'Samantha', lang: 'en-US', localService: true }]);
    await expect(popover(page).getByRole('button', { name: 'Listen' })).toBeVisible();
    await popover(page).getByRole('button', { name: 'Listen' }).click();
    await expect.poll(async () => (await spoken(page)).spoken.map((u) => u.voice)).toEqual(['Samantha', 'Samantha']);
  });
});

test.describe('phones and touch (375 x 667)', () => {
  test.use({ hasTouch: true, windowSize: { width: 375, height: 667 } });

  test('a tap opens a bottom sheet inside the screen, clear of its term; a tap elsewhere closes it', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await expect(popover(page)).toHaveAttribute('data-layout', 'sheet');
    await popover(page).getByRole('button', { name: /More about/ }).click();
    await expect.poll(async () => intersects(await popoverRect(page), await rectOf(page, 'hypercalcemia'))).toBe(false);
    const box = await popoverRect(page);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(375);
    expect(box.right - box.left).toBeGreaterThan(370); // across the screen
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(Math.abs(box.bottom - 667)).toBeLessThan(1); // at its foot
    const sideways = await popover(page).evaluate((e) => e.scrollWidth - e.clientWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    await expectNoSeriousViolations(page, 'termlight-ui');

    // The page above the sheet (the body's margin: no text there).
    await page.touchscreen.tap(6, 6);
    await expect(popover(page)).toHaveCount(0);
  });

  test('every control of the sheet is at least 44 x 44 px', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page).getByTestId('notebook-actions')).toBeVisible();
    await popover(page).getByRole('button', { name: 'Keys' }).click();
    const small = await popover(page).evaluate((element) =>
      [...element.querySelectorAll('button, a, input, textarea')]
        .filter((e) => e.getClientRects().length > 0)
        .map((e) => ({ name: e.textContent!.trim() || e.getAttribute('aria-label'), box: e.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ name, box }) => `${name}: ${box.width}x${box.height}`),
    );
    expect(small).toEqual([]);
    const count = await popover(page).locator('button:visible, a:visible').count();
    expect(count).toBeGreaterThan(6);
  });

  test('scrolling with a finger that starts on a term opens nothing', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    for (const term of ['osteoblasts', 'hypercalcemia']) {
      const at = await pointOf(page, term);
      const before = await page.evaluate(() => scrollY);
      await touchDrag(page, at, { x: at.x, y: at.y - 150 });
      await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(before + 50); // it really scrolled
      await page.waitForTimeout(SETTLE_MS);
      await expect(popover(page)).toHaveCount(0);
    }
  });

  test('a swipe down on the sheet closes it; a short one does not', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page)).toHaveAttribute('data-layout', 'sheet');
    const box = await popoverRect(page);
    const start = { x: 187, y: box.top + 12 };
    await touchDrag(page, start, { x: start.x, y: start.y + 20 });
    await page.waitForTimeout(SETTLE_MS);
    await expect(popover(page)).toBeVisible();
    await touchDrag(page, start, { x: start.x + 10, y: start.y + 160 });
    await expect(popover(page)).toHaveCount(0);
  });
});

test.describe('touch on a wide screen', () => {
  test.use({ hasTouch: true });

  test('a tap opens the popover beside its term, with controls at least 44 px tall', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.touchscreen.tap(at.x, at.y);
    await expect(popover(page)).toHaveAttribute('data-layout', 'anchored');
    const heights = await popover(page).evaluate((element) =>
      [...element.querySelectorAll('button, a')].filter((e) => e.getClientRects().length > 0).map((e) => Math.min(e.getBoundingClientRect().height, e.getBoundingClientRect().width)),
    );
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
  });
});

test.describe('term to term with the keyboard', () => {
  test('N and P (and ] and [) visit every highlighted term in page order, scrolling each into view, focus moving along', async ({ context, page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'anaemia');
    const order = (await termsInPageOrder(page)).map((t) => t.text);
    expect(order.length).toBeGreaterThan(10);

    await selectText(page, order[0]!);
    await send(context, page, { type: 'explain-selection' });
    await expect(popover(page)).toBeFocused();
    const seen: string[] = [order[0]!];
    for (let i = 1; i < order.length; i++) {
      await page.keyboard.press(i % 2 ? 'n' : ']');
      await expect.poll(() => revealed(page)).toEqual([order[i]]);
      await expect(popover(page)).toBeFocused();
      seen.push((await revealed(page))[0]!);
      const term = (await page.evaluate(() => {
        const r = [...CSS.highlights.get('termlight-revealed')!][0]!;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const { top, bottom } = range.getBoundingClientRect();
        return { top, bottom };
      }))!;
      expect(term.top).toBeGreaterThanOrEqual(0);
      expect(term.bottom).toBeLessThanOrEqual(page.viewportSize()!.height);
    }
    expect(seen).toEqual(order);

    // Past the last term: back to the first. Then backwards.
    await page.keyboard.press('n');
    await expect.poll(() => revealed(page)).toEqual([order[0]]);
    await page.keyboard.press('p');
    await expect.poll(() => revealed(page)).toEqual([order[order.length - 1]]);
    await page.keyboard.press('[');
    await expect.poll(() => revealed(page)).toEqual([order[order.length - 2]]);
    await expect(popover(page)).toBeFocused();
  });

  test('the Keys help lists the keys', async ({ page }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await hoverTerm(page, 'hypercalcemia');
    const toggle = popover(page).getByRole('button', { name: 'Keys' });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const help = popover(page).getByTestId('keys-help');
    await expect(help).toContainText('next highlighted term');
    await expect(help).toContainText('previous highlighted term');
    await expect(help).toContainText('Alt+Shift+J');
  });

  test('"Explain the next term" starts from the reading position: the top of the viewport, or after the selection', async ({ context, page }) => {
    const sw = await serviceWorker(context);
    const command = await sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands: Record<string, { description: string }> } } } }).chrome.runtime.getManifest().commands['explain-next-term']);
    expect(command?.description).toBe('Explain the next term from where you are reading');

    await page.setViewportSize({ width: 1100, height: 400 }); // short enough to scroll the article
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'anaemia');
    // Scroll so that the Tests section starts the viewport: the first term at or below its top.
    await page.evaluate(() => {
      const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Tests')!;
      scrollTo(0, heading.getBoundingClientRect().top + scrollY - 4);
    });
    const first = (await termsInPageOrder(page)).find((t) => t.bottom > 0)!;
    expect(first.text).toBe('PET scan');
    expect(await send(context, page, { type: 'explain-next-term' })).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('positron emission tomography');
    await expect.poll(() => revealed(page)).toEqual(['PET scan']);
    await expect(popover(page)).toBeFocused();
    // Again, while it is open: the term after it.
    expect(await send(context, page, { type: 'explain-next-term' })).toBe(true);
    await expect.poll(() => revealed(page)).toEqual(['MRI']);
    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);

    // After a selection: the first term after it.
    await selectText(page, 'Healthy bone is rebuilt');
    expect(await send(context, page, { type: 'explain-next-term' })).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('osteoclast');
    await expect(popover(page)).toBeFocused();
  });
});

test.describe('screen readers', () => {
  test('from the keyboard: a labelled non-modal dialog that takes focus and gives it back; on hover: no focus taken, nothing announced', async ({ context, page }) => {
    await page.goto(KEYBOARD);
    await waitForHighlight(page, 'hypercalcemia');
    await page.locator('#notes').focus();
    await page.evaluate(() => getSelection()?.removeAllRanges());
    // No term follows the focused button: the command starts again from the top of the page.
    expect(await send(context, page, { type: 'explain-next-term' })).toBe(true);
    const dialog = page.getByRole('dialog', { name: 'hypercalcemia' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toBeFocused();
    await expect(dialog).not.toHaveAttribute('aria-modal', /.*/);
    await expect(dialog.getByRole('button', { name: 'Pin' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keys' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeVisible();
    await expect(dialog.getByRole('link', { name: /Learn more/ })).toBeVisible();
    await expectNoSeriousViolations(page, 'termlight-ui');
    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);
    await expect(page.locator('#notes')).toBeFocused();

    // Pointing opens the same dialog without moving focus, and no live region announces it.
    const at = await pointOf(page, 'osteoclast');
    await page.mouse.move(at.x, at.y);
    await expect(page.getByRole('dialog', { name: 'osteoclast' })).toBeVisible();
    await expect(page.locator('#notes')).toBeFocused();
    const announcing = await page.evaluate(() => {
      const shadow = document.querySelector('termlight-ui')!.shadowRoot!;
      return [...shadow.querySelectorAll('[aria-live], [role="status"], [role="alert"]')].filter((e) => e.textContent!.trim() !== '').length;
    });
    expect(announcing).toBe(0);
  });
});
