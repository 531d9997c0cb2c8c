import { expectNoSeriousViolations, popoverContrastProblems } from './a11y-helpers';
import type { Page } from '@playwright/test';
import {
  expect,
  FIXTURES,
  openOptions,
  openPopup,
  pointOf,
  popover,
  selectText,
  sendFromBackground,
  tabIdOf,
  test,
  waitForHighlight,
} from './fixtures';

const ARTICLE = `${FIXTURES}/article.html`;

async function expectPopoverReadable(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoSeriousViolations(page, 'termlight-ui');
    expect(await popoverContrastProblems(page), colorScheme).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('accessibility (axe)', () => {
  test('the toolbar popup, with search results, a definition and the page list', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByTestId('page-count')).toContainText('terms found on this page');
    await popup.getByRole('combobox', { name: 'Look up a term' }).pressSequentially('zometa');
    await expect(popup.getByRole('option').first()).toBeVisible();
    await expectNoSeriousViolations(popup);

    await popup.getByRole('combobox').press('Enter');
    await expect(popup.getByTestId('popup-definition')).toBeVisible();
    await expectNoSeriousViolations(popup);

    // With the emulated dark colour scheme (the popup follows the system's).
    await popup.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(popup);
  });

  test('the options page, with known words and a site turned off', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const popup = await openPopup(context, extensionId, page);
    await popup.getByRole('switch', { name: /Highlight terms on this site/ }).uncheck();
    await popup.close();

    const options = await openOptions(context, extensionId);
    await expect(options.getByText('127.0.0.1')).toBeVisible();
    await expectNoSeriousViolations(options);
    await options.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousViolations(options);
  });

  test('the popover on a page: a definition, a misspelling, an unknown word and the toast', async ({ context, page }) => {
    // Four popovers, each checked by axe in both colour schemes: close to the default limit on a busy machine.
    test.slow();
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const at = await pointOf(page, 'hypercalcemia');
    await page.mouse.move(at.x, at.y);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await expectPopoverReadable(page);
    await page.keyboard.press('Escape');

    const misspelled = await pointOf(page, 'zolendronic acid');
    await page.mouse.move(misspelled.x, misspelled.y);
    await expect(popover(page).getByTestId('probably')).toBeVisible();
    await expectPopoverReadable(page);
    await page.keyboard.press('Escape');

    await selectText(page, 'spent the weekend');
    await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection' });
    await expect(popover(page).getByTestId('unknown')).toBeVisible();
    await expectPopoverReadable(page);
    await page.keyboard.press('Escape');

    await page.mouse.move(at.x, at.y);
    await popover(page).getByTestId('known').click();
    await expect(page.getByTestId('toast')).toBeVisible();
    await expectPopoverReadable(page);
  });
});
