import {
  expect,
  FIXTURES,
  highlightedTexts,
  openPopup,
  pageTerms,
  tabIdOf,
  test,
  waitForHighlight,
} from './fixtures';

const ARTICLE = `${FIXTURES}/article.html`;

test.describe('toolbar popup', () => {
  test('search finds a term from a misspelled query and is keyboard-navigable', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    const popup = await openPopup(context, extensionId, page);
    const search = popup.getByRole('combobox', { name: 'Look up a term' });
    await expect(search).toBeFocused(); // the popup opens ready to type

    await search.pressSequentially('osteoclsat');
    const options = popup.getByRole('option');
    await expect(options.first()).toBeVisible();
    // The closest name ranks first (a swapped letter beats a longer near-miss such as "osteoblastic").
    await expect(options.first().locator('.result-headword')).toHaveText('osteoclast');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await expect(search).toHaveAttribute('aria-activedescendant', 'result-0');
    await search.press('Enter');
    const chosen = popup.getByTestId('popup-definition');
    await expect(chosen.locator('h2')).toHaveText('osteoclast');
    await expect(chosen.getByTestId('definition')).toContainText('bone');
    // Choosing collapses the list so the definition moves up into view; ArrowDown opens it again.
    await expect(search).toHaveAttribute('aria-expanded', 'false');
    await expect(options).toHaveCount(0);
    await search.press('ArrowDown');
    await expect(options.first()).toBeVisible();

    // ArrowDown then ArrowUp comes back; Enter chooses the brand name's entry.
    await search.fill('');
    await search.pressSequentially('zometa');
    await expect(options.first().locator('.result-headword')).toHaveText('zoledronic acid');
    await search.press('ArrowDown');
    await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
    await search.press('ArrowUp');
    await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    await expect(chosen.locator('h2')).toHaveText('zoledronic acid');
    await expect(chosen.getByTestId('definition')).toContainText('bone');
  });

  test('shows how many terms were found on the current page', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const tabId = await tabIdOf(context, page);
    const reported = await pageTerms(context, tabId);
    const popup = await openPopup(context, extensionId, page);

    const list = popup.getByRole('list', { name: 'Terms on this page' });
    const items = list.getByRole('button');
    await expect(items).toHaveCount(reported.count);
    expect(reported.count).toBeGreaterThanOrEqual(10);
    await expect(popup.getByTestId('page-count')).toHaveText(`${reported.count} terms found on this page`);
    const listed = await items.allTextContents();
    for (const headword of ['hypercalcemia', 'osteoclast', 'zoledronic acid', 'denosumab', 'anemia']) {
      expect(listed).toContain(headword);
    }
    // A listed term opens its definition in the popup.
    await list.getByRole('button', { name: 'denosumab' }).click();
    await expect(popup.getByTestId('popup-definition').locator('h2')).toHaveText('denosumab');
  });

  test('the site switch removes and restores highlights at once, and the choice persists', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    const popup = await openPopup(context, extensionId, page);
    const siteSwitch = popup.getByRole('switch', { name: /Highlight terms on this site/ });
    await expect(siteSwitch).toBeChecked();
    await expect(popup.getByText('127.0.0.1')).toBeVisible();

    await siteSwitch.uncheck();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await expect.poll(() => highlightedTexts(page, 'termlight-misspelling')).toEqual([]);
    await expect(popup.getByTestId('page-count')).toHaveText('0 terms found on this page');

    await siteSwitch.check();
    await waitForHighlight(page, 'hypercalcemia');
    await waitForHighlight(page, 'zolendronic acid', 'termlight-misspelling');
    await expect(popup.getByTestId('page-count')).not.toHaveText('0 terms found on this page');

    // Off again, then reload: the content script starts, reads the stored choice, and stays off.
    await siteSwitch.uncheck();
    await expect.poll(() => highlightedTexts(page)).toEqual([]);
    await page.reload();
    const tabId = await tabIdOf(context, page);
    const afterReload = await pageTerms(context, tabId);
    expect(afterReload.active).toBe(false);
    expect(afterReload.count).toBe(0);
    expect(await highlightedTexts(page)).toEqual([]);

    // A fresh popup shows the switch off for this site.
    await popup.reload();
    await expect(popup.getByRole('switch', { name: /Highlight terms on this site/ })).not.toBeChecked();
  });
});
