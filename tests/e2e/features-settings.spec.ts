import type { Page } from '@playwright/test';
import {
  expect,
  expectedOf,
  FIXTURES,
  highlightedRanges,
  highlightedTexts,
  openOptions,
  pointOf,
  popover,
  termlightHighlightNames,
  test,
  waitForHighlight,
} from './fixtures';

const ARTICLE = `${FIXTURES}/article.html`;

/** Points at `term` and chooses "I know this word" in its popover. */
async function markKnown(page: Page, term: string): Promise<void> {
  await page.bringToFront();
  const at = await pointOf(page, term);
  await page.mouse.move(at.x, at.y);
  await expect(popover(page).locator('h2')).toHaveText(term);
  await popover(page).getByTestId('known').click();
}

const lacks = (page: Page, term: string) => expect.poll(() => highlightedTexts(page)).not.toContain(term);

test.describe('known words', () => {
  test('"I know this word" hides the term at once in every open tab; Undo brings it back', async ({ context, page }) => {
    await page.goto(ARTICLE);
    const other = await context.newPage();
    await other.goto(ARTICLE);
    for (const p of [page, other]) await waitForHighlight(p, 'hypercalcemia');

    await markKnown(page, 'hypercalcemia');
    await expect(popover(page)).toHaveCount(0); // the popover closes on the choice
    await lacks(page, 'hypercalcemia');
    await lacks(other, 'hypercalcemia'); // the other tab follows without a reload
    for (const p of [page, other]) expect(await highlightedTexts(p)).toContain('Osteoclasts'); // only that term goes

    const toast = page.getByTestId('toast');
    await expect(toast).toHaveRole('status');
    await expect(toast).toContainText('Termlight will stop highlighting “hypercalcemia”.');
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect(toast).toHaveCount(0);
    for (const p of [page, other]) await waitForHighlight(p, 'hypercalcemia');
  });

  test('the options page lists known words and "Highlight again" restores them on open pages', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await markKnown(page, 'hypercalcemia');
    await lacks(page, 'hypercalcemia');

    const options = await openOptions(context, extensionId);
    const known = options.getByTestId('known-list');
    await expect(known.getByRole('listitem')).toHaveCount(1);
    await expect(known.getByRole('listitem')).toContainText('hypercalcemia');

    // Marking a second word in the page shows up on the already open options page.
    await markKnown(page, 'denosumab');
    await expect(known.getByRole('listitem')).toHaveCount(2);
    await lacks(page, 'denosumab');

    await known.getByRole('listitem').filter({ hasText: 'hypercalcemia' }).getByRole('button', { name: 'Highlight again' }).click();
    await expect(known.getByRole('listitem')).toHaveCount(1);
    await waitForHighlight(page, 'hypercalcemia');
    expect(await highlightedTexts(page)).not.toContain('denosumab');
  });
});

test.describe('options change highlighting on open pages without a reload', () => {
  test('highlight style: underline, soft background, off', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    await waitForHighlight(page, 'hypercalcemia');
    await waitForHighlight(page, 'zolendronic acid', 'termlight-misspelling');
    expect(await termlightHighlightNames(page)).toEqual(['termlight-misspelling', 'termlight-term']);
    const underlined = (await highlightedTexts(page)).sort();

    const options = await openOptions(context, extensionId);
    await expect(options.getByTestId('style-underline')).toBeChecked();
    await options.getByRole('radio', { name: 'Soft background' }).check();
    await expect.poll(() => termlightHighlightNames(page)).toEqual(['termlight-misspelling-soft', 'termlight-term-soft']);
    expect((await highlightedTexts(page, 'termlight-term-soft')).sort()).toEqual(underlined); // the same terms, drawn differently
    expect(await highlightedTexts(page, 'termlight-misspelling-soft')).toContain('zolendronic acid');
    expect(await page.evaluate(() => CSS.highlights.has('termlight-term'))).toBe(false);

    await options.getByRole('radio', { name: /^Off/ }).check();
    await expect.poll(() => termlightHighlightNames(page)).toEqual([]);

    await options.getByRole('radio', { name: 'Dotted underline' }).check();
    await expect.poll(() => termlightHighlightNames(page)).toEqual(['termlight-misspelling', 'termlight-term']);
    expect((await highlightedTexts(page)).sort()).toEqual(underlined);

    // The choice is stored: the options page shows it after a reload.
    await options.getByRole('radio', { name: 'Soft background' }).check();
    await options.reload();
    await expect(options.getByTestId('style-background')).toBeChecked();
  });

  test('"Only the first time" leaves one highlight per term, the first one', async ({ context, page, extensionId }) => {
    interface Repeats {
      repeated: Array<{ text: string; count: number; first: string }>;
      once: Array<{ text: string; within: string }>;
    }
    await page.goto(`${FIXTURES}/repeats.html`);
    const { repeated, once } = await expectedOf<Repeats>(page);
    const counts = async () => {
      const ranges = await highlightedRanges(page);
      return [...repeated, ...once].map((t) => ranges.filter((r) => r.text === t.text).length);
    };
    const everyTime = [...repeated.map((t) => t.count), ...once.map(() => 1)];
    await expect.poll(counts).toEqual(everyTime);

    const options = await openOptions(context, extensionId);
    await options.getByRole('radio', { name: /Only the first time/ }).check();
    await expect.poll(counts).toEqual([...repeated, ...once].map(() => 1));
    const ranges = await highlightedRanges(page);
    for (const term of repeated) expect(ranges.find((r) => r.text === term.text)!.within, term.text).toBe(term.first);
    for (const term of once) expect(ranges.find((r) => r.text === term.text)!.within, term.text).toBe(term.within);

    // Back to every time: the repeats come back, also in a paragraph that kept another highlight meanwhile.
    await options.getByRole('radio', { name: /Every time/ }).check();
    await expect.poll(counts).toEqual(everyTime);
  });

  test('pausing everywhere removes every highlight; resuming restores them', async ({ context, page, extensionId }) => {
    await page.goto(ARTICLE);
    const other = await context.newPage();
    await other.goto(`${FIXTURES}/senses.html`);
    await waitForHighlight(page, 'hypercalcemia');
    await waitForHighlight(other, 'radius');

    const options = await openOptions(context, extensionId);
    const pause = options.getByRole('switch', { name: 'Pause Termlight everywhere' });
    await pause.check();
    for (const p of [page, other]) await expect.poll(() => termlightHighlightNames(p)).toEqual([]);

    // While paused, pointing at a former term opens nothing.
    await page.bringToFront();
    const at = await pointOf(page, 'hypercalcemia');
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(600); // longer than the hover delay: a popover would be open by now
    await expect(popover(page)).toHaveCount(0);

    await pause.uncheck();
    await waitForHighlight(page, 'hypercalcemia');
    await waitForHighlight(other, 'radius');
  });
});
