import {
  detachedRangeCountInPage,
  expectedOf,
  highlightedTexts,
  highlightsOverlapping,
  pointOf,
  popoverState,
  serialize,
  serializeInPage,
  serializeSource,
  UI_HOST,
  type Serialized,
} from '../shared/page-probes';
import { expect, FIXTURES, POLL, test, useFirefoxPerFile, waitForHighlight, waitForNoPopover, waitForPopover } from './fixtures';

/**
 * Termlight on web pages in real Firefox ESR: the same fixture pages and expectations as the Chromium
 * suite (tests/e2e), read through the shared probes.
 */
useFirefoxPerFile();

interface ArticleExpected {
  terms: string[];
  misspellings: Array<{ text: string; id: string }>;
  plain: string[];
}

test('Firefox: a fixture article gets exactly its expected terms highlighted, and its plain sentence none', async ({ page }) => {
  await page.goto(`${FIXTURES}/article.html`);
  const expected = await expectedOf<ArticleExpected>(page);
  const lower = (texts: string[]) => texts.map((t) => t.toLowerCase());
  await expect.poll(async () => lower(await highlightedTexts(page)), POLL).toEqual(expect.arrayContaining(lower(expected.terms)));
  const texts = await highlightedTexts(page);
  // The only lower-case "osteoclasts" is inside a textarea, which is not reading text.
  expect(texts).toContain('Osteoclasts');
  expect(texts).not.toContain('osteoclasts');
  expect(texts).not.toContain('pet'); // "my pet dog" is not a PET scan
  expect(texts).not.toContain('Tumour'); // an everyday word is never highlighted on its own
  for (const misspelling of expected.misspellings) await waitForHighlight(page, misspelling.text, 'termlight-misspelling');
  for (const sentence of expected.plain) expect(await highlightsOverlapping(page, sentence)).toEqual([]);
});

test('Firefox: pointing at a term opens its popover; Esc closes it; plain text opens nothing', async ({ page }) => {
  await page.goto(`${FIXTURES}/article.html`);
  await waitForHighlight(page, 'hypercalcemia');
  const term = await pointOf(page, 'hypercalcemia');
  await page.mouse.move(term.x, term.y);
  const shown = await waitForPopover(page, 'hypercalcemia');
  expect(shown.definition).toContain('calcium');
  // It opens beside the word, inside the viewport.
  expect(shown.rect!.left).toBeGreaterThanOrEqual(0);
  expect(shown.rect!.right).toBeLessThanOrEqual(1100);

  await page.keyboard.press('Escape');
  await waitForNoPopover(page);

  const plain = await pointOf(page, 'spent the weekend');
  await page.mouse.move(plain.x, plain.y);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than the hover delay: still nothing
  expect((await popoverState(page)).open).toBe(false);
});

test('Firefox: the page DOM is unchanged by highlighting, and a popover adds only the one UI host', async ({ page }) => {
  // The DOM at DOMContentLoaded, before any content script (document_idle) ran.
  await page.evaluateOnNewDocument(`addEventListener('DOMContentLoaded', () => {
    window.__termlightBefore = (${serializeInPage.toString()})([null, false]);
  }, { once: true });`);
  await page.goto(`${FIXTURES}/safety-dom.html`);
  const source = await serializeSource(page, await (await fetch(`${FIXTURES}/safety-dom.html`)).text());
  const expected = await expectedOf<{ terms: string[]; notHighlighted: string[] }>(page);

  const lower = (texts: string[]) => texts.map((t) => t.toLowerCase());
  await expect.poll(async () => lower(await highlightedTexts(page)), POLL).toEqual(expect.arrayContaining(lower(expected.terms)));
  for (const absent of expected.notHighlighted) expect(await highlightedTexts(page)).not.toContain(absent);

  const before = (await page.evaluate(() => (window as unknown as { __termlightBefore: Serialized }).__termlightBefore)) as Serialized;
  expect(before.html).toBe(source.html);
  const highlighted = await serialize(page);
  expect(highlighted.hosts).toBe(0); // no UI host until a popover is needed
  expect(highlighted.html).toBe(source.html);

  const term = await pointOf(page, 'hypercalcemia');
  await page.mouse.move(term.x, term.y);
  await waitForPopover(page, 'hypercalcemia');
  const open = await serialize(page, { skipUiHost: true });
  expect(open.hosts).toBe(1);
  expect(open.html).toBe(source.html);
  expect(await page.evaluate(() => [document.documentElement.lastElementChild?.localName, document.documentElement.lastElementChild?.previousElementSibling?.localName])).toEqual([UI_HOST, 'body']);

  await page.keyboard.press('Escape');
  await waitForNoPopover(page);
  const closed = await serialize(page, { skipUiHost: true });
  expect(closed.hosts).toBe(1);
  expect(closed.html).toBe(source.html);
});

test('Firefox: a living page: text added after load is highlighted, removed text loses its highlights', async ({ firefox, page }) => {
  await page.goto(`${FIXTURES}/living.html`);
  const expected = await expectedOf<{ initial: string[]; added: string[]; removed: string[] }>(page);
  for (const term of [...expected.initial, ...expected.removed]) await waitForHighlight(page, term);
  for (const term of expected.added) expect(await highlightedTexts(page)).not.toContain(term);

  // The page's own script appends a paragraph and removes another, like infinite scroll does.
  await page.click('#more');
  await expect.poll(() => page.evaluate(() => document.getElementById('to-remove') === null), POLL).toBe(true);
  for (const term of expected.added) await waitForHighlight(page, term);
  await expect.poll(() => highlightedTexts(page), POLL).not.toContain(expected.removed[0]);
  const texts = await highlightedTexts(page);
  for (const term of expected.initial) expect(texts).toContain(term);
  expect(await page.evaluate(detachedRangeCountInPage, 'termlight-term')).toBe(0);

  // What the popup lists follows the page too.
  const tabId = await firefox.tabIdOf(page);
  const found = await firefox.sendToContentScript<{ terms: Array<{ id: string }> }>(tabId, { type: 'page-terms' });
  const ids = found.terms.map((t) => t.id);
  expect(ids).toContain('vertebroplasty');
  expect(ids).not.toContain('kyphoplasty');
  expect(ids).toContain('osteoporosis');
});
