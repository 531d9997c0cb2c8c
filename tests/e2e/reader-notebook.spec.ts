import { PRECISION_PDFS } from '../pdf/make-pdfs';
import { expectNoAxeViolations, openSidePanel, storedNotebook } from './notebook-helpers';
import { popover, sendFromBackground, tabIdOf, test } from './fixtures';
import { expect, highlighted, openReader, PDF, pointAtTextLayer, readerUrl } from './reader-helpers';

test.describe.configure({ timeout: 180_000 });

/** The reader's own figures (src/reader/app.ts): set once the whole document was matched for "Terms in this document". */
const indexed = (page: import('@playwright/test').Page) => expect(page.locator('html[data-indexed="true"]')).toBeAttached();

test.describe('Termlight reader: the web page rules, and the notebook', () => {
  test('a French PDF gets no highlights and says why; the keyboard path still explains a word', async ({ context, page, extensionId }) => {
    await openReader(page, extensionId, 'french.pdf');
    await indexed(page);
    await expect(page.getByTestId('not-english')).toHaveText(/This document is in French, not English, so Termlight underlines nothing in it/);
    await expect(page.locator('#terms-status')).toHaveText(/this document is in French/);
    expect(await highlighted(page)).toEqual([]);
    expect(await highlighted(page, 'termlight-misspelling')).toEqual([]);
    await expect(page.locator('#terms-list li')).toHaveCount(0);
    // Selecting a word and asking still explains it (Alt+Shift+E reaches the page as this message).
    await page.evaluate(() => {
      const span = [...document.querySelectorAll('.textLayer span')].find((s) => s.textContent!.includes('denosumab'))!;
      const node = span.firstChild as Text;
      const at = node.data.indexOf('denosumab');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'denosumab'.length);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    expect(await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection' })).toBe(true);
    await expect(popover(page).locator('h2')).toHaveText('denosumab');
  });

  test('an English PDF about health: abbreviations, the misspelling and "orbital" of the eye are shown; "orbital" of a satellite is not', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'precision-health.pdf');
    await indexed(page);
    await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining([...PRECISION_PDFS.health.highlighted]));
    const texts = await highlighted(page);
    expect(texts.filter((t) => t === 'orbital')).toHaveLength(PRECISION_PDFS.health.orbital);
    expect(await highlighted(page, 'termlight-misspelling')).toEqual([...PRECISION_PDFS.health.misspellings]);
    // The highlighted "orbital" is the fracture's: pointing at the satellite's opens nothing.
    const satellite = await pointAtTextLayer(page, 'orbital satellite');
    await page.mouse.move(satellite.x - 20, satellite.y);
    await page.mouse.move(satellite.x - 15, satellite.y);
    await page.waitForTimeout(600);
    await expect(popover(page)).toHaveCount(0);
    const fracture = await pointAtTextLayer(page, 'orbital fracture');
    await page.mouse.move(fracture.x - 30, fracture.y);
    await page.mouse.move(fracture.x - 25, fracture.y);
    await expect(popover(page).locator('h2')).toHaveText(/orbit/);
  });

  test('an English PDF not about health: no abbreviation, misspelling or ordinary sense', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'precision-software.pdf');
    await indexed(page);
    await expect.poll(() => highlighted(page)).toEqual([...PRECISION_PDFS.software.highlighted]);
    expect(await highlighted(page, 'termlight-misspelling')).toEqual([]);
    await expect(page.locator('#terms-list li')).toHaveCount(1);
    await expect(page.locator('#terms-list li[data-term="hypercalcemia"]')).toHaveCount(1);
  });

  test('saving from the reader keeps the sentence and "page N of <title>", the notebook lists it, and its link reopens the page', async ({ context, page, extensionId }) => {
    await openReader(page, extensionId, 'terms.pdf');
    await indexed(page);
    await page.getByRole('button', { name: 'hypercalcemia, page 2' }).click();
    await expect.poll(() => highlighted(page)).toContain('hypercalcemia');
    const at = await pointAtTextLayer(page, 'hypercalcemia by');
    await page.mouse.move(at.x - 30, at.y);
    await page.mouse.move(at.x - 25, at.y);
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await popover(page).getByRole('button', { name: /^Save/ }).click();
    await expect(popover(page).getByTestId('saved-mark')).toContainText('page 2 of Bone health handout');

    const saved = (await storedNotebook(context)).hypercalcemia!;
    const link = `${readerUrl(extensionId, PDF('terms.pdf'))}#page=2`;
    expect(saved.contexts).toEqual([
      expect.objectContaining({ written: 'hypercalcemia', sentence: 'Right column: too much calcium in the blood is called hypercalcemia by doctors.', title: 'page 2 of Bone health handout', url: link }),
    ]);

    // The side panel's notebook shows it with its sentence, under its source.
    const panel = await openSidePanel(context, extensionId);
    await expect(panel.getByTestId('notebook-entries')).toContainText('Right column: too much calcium in the blood is called hypercalcemia by doctors.');
    const source = panel.getByTestId('context').getByRole('link', { name: 'page 2 of Bone health handout' });
    await expect(source).toHaveAttribute('href', link);

    // The link reopens the reader at that page, even though the reader was last left on page 1.
    await page.bringToFront();
    await page.locator('#page-number').fill('1');
    await page.locator('#page-number').press('Enter');
    await expect(page.locator('#page-number')).toHaveValue('1');
    // The remembered page is written as the page changes: wait until it says 1.
    await expect.poll(() => page.evaluate(async () => Object.values((await (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.storage.local.get('readerPositions')).readerPositions as Record<string, { page: number }>).map((p) => p.page))).toEqual([1]);
    const reopened = await context.newPage();
    await reopened.goto(link);
    await expect(reopened.locator('#page-number')).toHaveValue('2');
  });

  test('the side panel’s “On this page” lists the document’s terms with their pages; choosing one goes to its page and opens its popover; Save all keeps “page N of <title>”', async ({ context, page, extensionId }) => {
    await openReader(page, extensionId, 'terms.pdf');
    await indexed(page);
    const panel = await openSidePanel(context, extensionId, page, 'page');
    const rows = panel.getByTestId('page-terms').locator('li');
    // In the order of the page each term first appears on: page 1's terms, then page 2's.
    await expect(panel.locator('li[data-term="hypercalcemia"]')).toBeVisible();
    const order = await rows.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-term')));
    expect(order.indexOf('osteoclast')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('osteoclast')).toBeLessThan(order.indexOf('hypercalcemia'));
    const hypercalcemia = panel.locator('li[data-term="hypercalcemia"]');
    await expect(hypercalcemia.getByTestId('term-pages')).toHaveText('· page 2');
    await expect(panel.locator('li[data-term="osteoclast"]').getByTestId('term-pages')).toHaveText('· page 1');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Bone health handout');

    // The reader was left on page 1: choosing the term goes to page 2, marks it and opens its popover.
    await expect(page.locator('#page-number')).toHaveValue('1');
    await hypercalcemia.getByRole('button', { name: 'hypercalcemia' }).click();
    await expect(page.locator('#page-number')).toHaveValue('2');
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await expect
      .poll(() => page.evaluate(() => [...(CSS.highlights.get('termlight-revealed') ?? [])].map((r) => (r.startContainer as Text).data.slice(r.startOffset, r.endOffset))))
      .toEqual(['hypercalcemia']);

    await panel.getByTestId('save-all').click();
    await expect(panel.getByRole('status').filter({ hasText: /^Saved \d+ terms/ })).toBeVisible();
    const saved = await storedNotebook(context);
    expect(saved.hypercalcemia!.contexts).toEqual([
      expect.objectContaining({
        sentence: 'Right column: too much calcium in the blood is called hypercalcemia by doctors.',
        title: 'page 2 of Bone health handout',
        url: `${readerUrl(extensionId, PDF('terms.pdf'))}#page=2`,
      }),
    ]);
    expect(saved.osteoclast!.contexts[0]).toEqual(expect.objectContaining({ title: 'page 1 of Bone health handout' }));
    await expectNoAxeViolations(panel);
  });
});
