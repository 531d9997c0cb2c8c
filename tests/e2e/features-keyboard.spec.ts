import type { BrowserContext, Page } from '@playwright/test';
import { expect, FIXTURES, popover, selectText, sendFromBackground, tabIdOf, test, waitForHighlight } from './fixtures';

const KEYBOARD = `${FIXTURES}/keyboard.html`;

/**
 * The shortcut (commands.onCommand) and the context menu both make the background send
 * {type: 'explain-selection'} to the tab's content script. Headless Chromium cannot press extension
 * shortcuts, so the tests send that same message from the service worker.
 */
async function explain(context: BrowserContext, page: Page, text?: string): Promise<unknown> {
  const tabId = await tabIdOf(context, page);
  return sendFromBackground(context, tabId, { type: 'explain-selection', ...(text === undefined ? {} : { text }) });
}

async function openKeyboardPage(page: Page): Promise<void> {
  await page.goto(KEYBOARD);
  await waitForHighlight(page, 'hypercalcemia');
}

test.describe('keyboard path', () => {
  test('a selected term opens its definition with focus in the popover; Esc closes it and focus returns', async ({ context, page }) => {
    await openKeyboardPage(page);
    // A keyboard user is on a control, then selects the words (selection does not move focus).
    await page.locator('#notes').focus();
    await selectText(page, 'hypercalcemia');
    await expect(page.locator('#notes')).toBeFocused();

    expect(await explain(context, page)).toBe(true);
    await expect(popover(page)).toBeVisible();
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await expect(popover(page).getByTestId('definition')).toContainText('calcium');
    await expect(popover(page)).toBeFocused(); // keyboard users land in the popover
    await expect(popover(page)).toHaveAttribute('role', 'dialog');
    await expect(popover(page)).toHaveAccessibleName('hypercalcemia');

    // Its controls are reachable with Tab from there.
    await page.keyboard.press('Tab');
    const focusedInside = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.textContent ?? null);
    expect(focusedInside).not.toBeNull();

    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);
    await expect(page.locator('#notes')).toBeFocused(); // focus goes back where it was
  });

  test('an unknown selection offers the closest glossary entries, and choosing one explains it', async ({ context, page }) => {
    await openKeyboardPage(page);
    await selectText(page, 'banana bread');
    expect(await explain(context, page)).toBe(true);

    const unknown = popover(page).getByTestId('unknown');
    await expect(unknown.locator('h2')).toHaveText('Not in the Termlight glossary');
    await expect(unknown).toContainText('“banana bread” is not a term Termlight knows.');
    await expect(popover(page)).toBeFocused();
    const suggestions = unknown.getByRole('listitem').getByRole('button');
    await expect(suggestions.first()).toBeVisible();
    const count = await suggestions.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);

    // Choose the first with the keyboard: the popover now explains that entry and keeps focus.
    const headword = (await suggestions.first().textContent())!.trim();
    await suggestions.first().press('Enter');
    await expect(popover(page).locator('h2')).toHaveText(headword);
    await expect(popover(page).getByTestId('definition')).not.toBeEmpty();
    await expect(popover(page).getByTestId('unknown')).toHaveCount(0);
    await expect(popover(page)).toBeFocused();
  });

  test('the context menu sends the selected text: it is explained even when the page selection is gone', async ({ context, page }) => {
    await openKeyboardPage(page);
    await page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await explain(context, page, 'osteoclast')).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('osteoclast');
    await expect(popover(page).getByTestId('definition')).toContainText('bone');
    await expect(popover(page)).toBeFocused();
    // It is placed inside the viewport although there is no selection to point at.
    const box = (await popover(page).boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);

    // A misspelled selection from the context menu is explained as its probable meaning.
    expect(await explain(context, page, 'zolendronic acid')).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('zoledronic acid');
    await expect(popover(page).getByTestId('probably')).toContainText('Probably means zoledronic acid');
  });

  test('with nothing selected, the shortcut explains the term at the caret, or says what to do', async ({ context, page }) => {
    await openKeyboardPage(page);
    // No selection and no text: the reader is told how to use it.
    await page.evaluate(() => getSelection()?.removeAllRanges());
    expect(await explain(context, page)).toBe(true);
    await expect(popover(page)).toContainText('Select a word or phrase on the page first');
    await expect(popover(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);

    // A caret (collapsed selection, as in caret browsing) inside a term explains that term.
    await page.evaluate(() => {
      const text = document.querySelector('#cells')!.firstChild as Text;
      const at = text.data.indexOf('osteoclast') + 4;
      getSelection()!.collapse(text, at);
    });
    expect(await explain(context, page)).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('osteoclast');
    await expect(popover(page)).toBeFocused();
  });
});
