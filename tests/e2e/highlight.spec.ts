import { expect, FIXTURES, highlightedTexts, pointOf, popover, test, waitForHighlight } from './fixtures';

test('highlights known terms without changing the page body', async ({ page }) => {
  await page.goto(`${FIXTURES}/article.html`);
  const before = await page.evaluate(() => document.body.outerHTML);
  await waitForHighlight(page, 'Osteoclasts');
  const texts = await highlightedTexts(page);
  for (const term of ['bone metastases', 'hypercalcemia', 'non-small cell lung cancer', 'NSCLC', 'vertebrae', 'anaemia']) {
    expect(texts).toContain(term);
  }
  // The only lower-case "osteoclasts" on the page is inside a textarea, which is not reading text.
  expect(texts).not.toContain('osteoclasts');
  expect(texts).not.toContain('pet'); // "my pet dog" is not a PET scan
  expect(texts).not.toContain('Tumour'); // an everyday word is never highlighted on its own
  expect(await page.evaluate(() => document.body.outerHTML)).toBe(before);
});

test('pointing at a term explains it; Esc closes it; plain text opens nothing', async ({ page }) => {
  await page.goto(`${FIXTURES}/article.html`);
  await waitForHighlight(page, 'hypercalcemia');
  const term = await pointOf(page, 'hypercalcemia');
  await page.mouse.move(term.x, term.y);
  await expect(popover(page)).toBeVisible();
  await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
  await expect(popover(page).getByTestId('definition')).toContainText('calcium');
  const learnMore = popover(page).getByRole('link', { name: /Learn more: NCI Dictionary of Cancer Terms/ });
  await expect(learnMore).toHaveAttribute('href', 'https://www.cancer.gov/publications/dictionaries/cancer-terms/search/hypercalcemia/?searchMode=Begins');
  await page.keyboard.press('Escape');
  await expect(popover(page)).toHaveCount(0);

  const plain = await pointOf(page, 'spent the weekend');
  await page.mouse.move(plain.x, plain.y);
  await page.waitForTimeout(600);
  await expect(popover(page)).toHaveCount(0);
});
