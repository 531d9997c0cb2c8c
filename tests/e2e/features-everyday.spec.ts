import { expect, expectedOf, FIXTURES, highlightedTexts, openOptions, popover, selectText, sendFromBackground, tabIdOf, test, waitForHighlight } from './fixtures';

const EVERYDAY_PAGE = `${FIXTURES}/everyday.html`;

interface Expected {
  everyday: string[];
  jargon: string[];
}

test.describe('everyday health words', () => {
  test('are not underlined by default; words that need explaining are, even when they contain an everyday phrase', async ({ page }) => {
    await page.goto(EVERYDAY_PAGE);
    const { everyday, jargon } = await expectedOf<Expected>(page);
    for (const term of jargon) await waitForHighlight(page, term);
    const shown = await highlightedTexts(page);
    for (const term of everyday) expect(shown, term).not.toContain(term);
  });

  test('"Also underline everyday health words" underlines them on the open page at once, and turning it off hides them again', async ({ context, page, extensionId }) => {
    await page.goto(EVERYDAY_PAGE);
    const { everyday, jargon } = await expectedOf<Expected>(page);
    await waitForHighlight(page, 'hypercalcemia');

    const options = await openOptions(context, extensionId);
    const setting = options.getByRole('checkbox', { name: 'Also underline everyday health words' });
    await expect(setting).not.toBeChecked();
    await expect(setting).toHaveAccessibleDescription(/words most adults already know/);
    await setting.check();
    for (const term of [...everyday, ...jargon]) await waitForHighlight(page, term);

    await setting.uncheck();
    // The page is matched again with the new rule (its highlights go and come back): judge the state it settles in.
    const settled = async () => {
      const shown = await highlightedTexts(page);
      return { everydayShown: everyday.filter((term) => shown.includes(term)), jargonMissing: jargon.filter((term) => !shown.includes(term)) };
    };
    await expect.poll(settled).toEqual({ everydayShown: [], jargonMissing: [] });
  });

  test('the keyboard path still explains an everyday word that is not underlined', async ({ context, page }) => {
    await page.goto(EVERYDAY_PAGE);
    await waitForHighlight(page, 'hypercalcemia');
    await selectText(page, 'bone pain');
    const tabId = await tabIdOf(context, page);
    expect(await sendFromBackground(context, tabId, { type: 'explain-selection' })).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('bone pain');
  });
});
