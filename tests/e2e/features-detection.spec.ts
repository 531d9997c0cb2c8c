import {
  expect,
  expectedOf,
  FIXTURES,
  highlightedRanges,
  highlightedTexts,
  highlightsOverlapping,
  pointOf,
  popover,
  test,
  waitForHighlight,
} from './fixtures';

interface SensesExpected {
  medical: Array<{ text: string; id: string }>;
  everyday: string[];
}
interface ArticleExpected {
  terms: string[];
  misspellings: Array<{ text: string; id: string }>;
  plain: string[];
}

test.describe('detection', () => {
  test('ambiguous words are highlighted in their medical sense only', async ({ page }) => {
    await page.goto(`${FIXTURES}/senses.html`);
    const expected = await expectedOf<SensesExpected>(page);
    await waitForHighlight(page, 'radius');
    const ranges = await highlightedRanges(page);

    for (const { text } of expected.medical) {
      // Found in the medical section: on its own or as the start of a longer term ("PET scan").
      const inMedical = ranges.filter((r) => r.within === 'medical' && (r.text === text || r.text.startsWith(`${text} `)));
      expect(inMedical.length, `"${text}" in the medical section`).toBeGreaterThan(0);
    }
    expect(await highlightsOverlapping(page, 'another PET with a CT')).toContain('PET'); // the bare abbreviation too
    // Not in their everyday sense ("within a radius of five miles", "my pet rabbit"): that section has no highlight at all.
    for (const phrase of expected.everyday) expect(await highlightsOverlapping(page, phrase), phrase).toEqual([]);
    expect(ranges.filter((r) => r.within === 'everyday')).toEqual([]);
    expect(await highlightedTexts(page, 'termlight-misspelling')).toEqual([]);

    // Pointing at the medical "PET" explains positron emission tomography.
    const pet = await pointOf(page, 'PET', '#medical');
    await page.mouse.move(pet.x, pet.y);
    await expect(popover(page).locator('h2')).toHaveText(/positron emission tomography/i);
    await page.keyboard.press('Escape');

    // Pointing at the everyday "pet" opens nothing.
    const everydayPet = await pointOf(page, 'pet', '#everyday');
    await page.mouse.move(everydayPet.x, everydayPet.y);
    await page.waitForTimeout(600); // longer than the hover delay: a popover would be open by now
    await expect(popover(page)).toHaveCount(0);
  });

  test('a misspelling is highlighted as one and explained with its probable meaning', async ({ page }) => {
    await page.goto(`${FIXTURES}/article.html`);
    const expected = await expectedOf<ArticleExpected>(page);
    const { text: misspelled } = expected.misspellings[0]!;
    await waitForHighlight(page, misspelled, 'termlight-misspelling');
    expect(await highlightedTexts(page)).not.toContain(misspelled); // under its own highlight name only
    expect(await highlightedTexts(page)).toContain('zoledronic acid'); // the correct spelling is a plain term

    const at = await pointOf(page, misspelled);
    await page.mouse.move(at.x, at.y);
    await expect(popover(page)).toBeVisible();
    const probably = popover(page).getByTestId('probably');
    await expect(probably).toContainText('Probably means zoledronic acid');
    await expect(probably).toContainText(`"${misspelled}"`);
    await expect(popover(page).locator('h2')).toHaveText('zoledronic acid');
    const definition = popover(page).getByTestId('definition');
    await expect(definition).toContainText('bone');
    // The note comes above the definition.
    const noteBox = (await probably.boundingBox())!;
    const definitionBox = (await definition.boundingBox())!;
    expect(noteBox.y + noteBox.height).toBeLessThanOrEqual(definitionBox.y);
  });

  test('a misspelling read before the page shows it is about health is flagged once it does', async ({ page }) => {
    // Misspellings are looked for only on a page about health; text read before that is read again then.
    await page.goto(`${FIXTURES}/misspelling-first.html`);
    const expected = await expectedOf<{ misspellings: Array<{ text: string }>; term: string; health: string }>(page);
    const { text: misspelled } = expected.misspellings[0]!;
    // One term is not a page about health: the scan (which reads the misspelling first) shows no misspelling.
    await waitForHighlight(page, expected.term);
    expect(await highlightedTexts(page, 'termlight-misspelling')).toEqual([]);
    await page.evaluate((html) => document.querySelector('main')!.insertAdjacentHTML('beforeend', html), expected.health);
    await waitForHighlight(page, misspelled, 'termlight-misspelling');
    expect(await highlightedTexts(page)).toEqual(expect.arrayContaining([expected.term, 'hypercalcemia']));

    // The same page with its health paragraph there from the start (after the misspelling): one scan.
    await page.goto(`${FIXTURES}/misspelling-first.html?health`);
    await waitForHighlight(page, misspelled, 'termlight-misspelling');
    expect(await highlightedTexts(page)).toEqual(expect.arrayContaining([expected.term, 'hypercalcemia']));
  });

  test('every term the article expects is highlighted and its plain sentence is not', async ({ page }) => {
    await page.goto(`${FIXTURES}/article.html`);
    const expected = await expectedOf<ArticleExpected>(page);
    await waitForHighlight(page, 'hypercalcemia');
    const texts = (await highlightedTexts(page)).map((t) => t.toLowerCase());
    for (const term of expected.terms) expect(texts, term).toContain(term.toLowerCase());
    for (const sentence of expected.plain) expect(await highlightsOverlapping(page, sentence), sentence).toEqual([]);
  });
});
