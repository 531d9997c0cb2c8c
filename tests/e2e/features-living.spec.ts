import { expect, expectedOf, FIXTURES, highlightedTexts, pageTerms, tabIdOf, test, waitForHighlight } from './fixtures';

const LIVING = `${FIXTURES}/living.html`;

interface LivingExpected {
  initial: string[];
  added: string[];
  removed: string[];
}

test.describe('living pages', () => {
  test('text added after load is highlighted and highlights of removed text go away', async ({ context, page }) => {
    await page.goto(LIVING);
    const expected = await expectedOf<LivingExpected>(page);
    for (const term of [...expected.initial, ...expected.removed]) await waitForHighlight(page, term);
    for (const term of expected.added) expect(await highlightedTexts(page)).not.toContain(term);

    // The page's own script appends a paragraph and removes another, like infinite scroll does.
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect(page.getByText(expected.added[0]!, { exact: false })).toBeVisible();
    await expect(page.locator('#to-remove')).toHaveCount(0);

    for (const term of expected.added) await waitForHighlight(page, term);
    await expect.poll(() => highlightedTexts(page)).not.toContain(expected.removed[0]);
    const texts = await highlightedTexts(page);
    for (const term of expected.initial) expect(texts).toContain(term); // untouched text keeps its highlights
    // No range is left pointing at text that left the document.
    const detached = await page.evaluate(() => [...(CSS.highlights.get('termlight-term') ?? [])].filter((r) => !r.startContainer.isConnected).length);
    expect(detached).toBe(0);

    // What the popup lists follows the page too.
    const found = await pageTerms(context, await tabIdOf(context, page));
    const ids = found.terms.map((t) => t.id);
    expect(ids).toContain('vertebroplasty');
    expect(ids).not.toContain('kyphoplasty');
    expect(ids).toContain('osteoporosis');
  });

  test('text edited in place and terms inserted inside a paragraph are found', async ({ page }) => {
    await page.goto(LIVING);
    await waitForHighlight(page, 'osteoporosis');

    // A single-page app rewrites a text node's data: the old term goes, the new one is highlighted.
    await page.evaluate(() => {
      const p = document.querySelector('#feed p')!;
      (p.firstChild as Text).data = 'Older adults with hypercalcemia may feel thirsty.';
    });
    await waitForHighlight(page, 'hypercalcemia');
    await expect.poll(() => highlightedTexts(page)).not.toContain('osteoporosis');

    // An inline element inserted into an existing paragraph joins that paragraph's text.
    await page.evaluate(() => {
      const em = document.createElement('em');
      em.textContent = ' denosumab';
      document.querySelector('#to-remove')!.append(' They may also be offered', em, '.');
    });
    await waitForHighlight(page, 'denosumab');
    expect(await highlightedTexts(page)).toContain('kyphoplasty'); // the rest of the paragraph is still highlighted
  });
});
