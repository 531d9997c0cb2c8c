import {
  expect,
  expectedOf,
  FIXTURES,
  highlightedTexts,
  highlightsOverlapping,
  openPopup,
  pageTerms,
  pointOf,
  popover,
  selectText,
  sendFromBackground,
  tabIdOf,
  test,
  waitForHighlight,
} from './fixtures';

interface HealthExpected {
  highlighted: string[];
  misspellings: string[];
  quiet: string[];
  pageWords: Record<string, string>;
  senses: Record<string, string[]>;
}
interface QuietExpected {
  highlighted?: string[];
  quiet: string[];
  englishQuote?: string[];
}

/** Nothing said about health, no highlight: every quiet phrase of the fixture overlaps no highlight of any kind. */
async function expectQuiet(page: Parameters<typeof highlightsOverlapping>[0], phrases: string[]): Promise<void> {
  for (const phrase of phrases) expect(await highlightsOverlapping(page, phrase), phrase).toEqual([]);
}

test.describe('precision', () => {
  test('a page about health: abbreviations, brands and misspellings are shown; names, ordinary senses and other languages are not', async ({ page }) => {
    await page.goto(`${FIXTURES}/precision-health.html`);
    const expected = await expectedOf<HealthExpected>(page);
    await waitForHighlight(page, 'TBI'); // an abbreviation: shown once the page's health signal is on
    const terms = await highlightedTexts(page);
    for (const text of expected.highlighted) expect(terms, text).toContain(text);
    // Misspellings come a moment after the health signal: the near-English words they are checked
    // against are asked of the background only then (src/page/reading.ts).
    await expect.poll(() => highlightedTexts(page, 'termlight-misspelling')).toEqual(expected.misspellings);
    await expectQuiet(page, expected.quiet);
  });

  test('the popover names the page\'s word, and lists both senses of an abbreviation the page does not decide', async ({ page }) => {
    await page.goto(`${FIXTURES}/precision-health.html`);
    const expected = await expectedOf<HealthExpected>(page);
    await waitForHighlight(page, 'TBI');
    for (const [word, sentence] of Object.entries(expected.pageWords)) {
      const at = await pointOf(page, word, '#health');
      await page.mouse.move(at.x, at.y);
      await expect(popover(page).getByTestId('page-word')).toHaveText(sentence);
      await page.keyboard.press('Escape');
      await expect(popover(page)).toHaveCount(0);
    }
    // The headword itself needs no such line.
    const plain = await pointOf(page, 'hypercalcemia', '#health');
    await page.mouse.move(plain.x, plain.y);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await expect(popover(page).getByTestId('page-word')).toHaveCount(0);
    await page.keyboard.press('Escape');

    const tbi = await pointOf(page, 'TBI', '#health');
    await page.mouse.move(tbi.x, tbi.y);
    await expect(popover(page).getByTestId('senses')).toBeVisible();
    await expect(popover(page).getByTestId('sense').locator('button')).toHaveText(expected.senses.TBI!);
    // Each sense opens its own full explanation.
    await popover(page).getByRole('button', { name: expected.senses.TBI![1]! }).click();
    await expect(popover(page).locator('h2')).toHaveText(expected.senses.TBI![1]!);
  });

  test('a page that is not about health: no abbreviation, Roman numeral, name, misspelling or ordinary sense', async ({ page }) => {
    await page.goto(`${FIXTURES}/precision-software.html`);
    const expected = await expectedOf<QuietExpected>(page);
    await waitForHighlight(page, 'hypercalcemia');
    expect(await highlightedTexts(page)).toEqual(expected.highlighted);
    expect(await highlightedTexts(page, 'termlight-misspelling')).toEqual([]);
    await expectQuiet(page, expected.quiet);
  });

  test('a page in French: only its English quote is read; the popup says so; the keyboard path still explains', async ({ context, extensionId, page }) => {
    await page.goto(`${FIXTURES}/precision-french.html`);
    const expected = await expectedOf<QuietExpected>(page);
    await waitForHighlight(page, 'hypercalcemia');
    expect(await highlightedTexts(page)).toEqual(expected.englishQuote);
    expect(await highlightedTexts(page, 'termlight-misspelling')).toEqual([]);
    await expectQuiet(page, expected.quiet);

    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByTestId('not-english')).toContainText('This page is not in English');
    // Search still works there.
    await popup.getByRole('combobox', { name: 'Look up a term' }).fill('denosumab');
    await expect(popup.getByRole('option').first()).toContainText('denosumab');
    await popup.close();

    await page.bringToFront();
    await selectText(page, 'dénosumab');
    expect(await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection' })).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('denosumab');
  });

  test('a page with no lang attribute, in a language only the background detector knows, is not read', async ({ context, extensionId, page }) => {
    await page.goto(`${FIXTURES}/precision-unlabelled.html`);
    const expected = await expectedOf<QuietExpected>(page);
    const tabId = await tabIdOf(context, page);
    await expect.poll(async () => ((await pageTerms(context, tabId)) as { language?: { code: string; read: boolean } }).language, { timeout: 10_000 }).toEqual({ code: 'hu', read: false });
    expect(await highlightedTexts(page)).toEqual([]);
    await expectQuiet(page, expected.quiet);
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByTestId('not-english')).toBeVisible();
  });
});
