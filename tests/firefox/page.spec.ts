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

test('Firefox: a fixture article gets exactly its expected terms highlighted, and its plain sentence none', async ({ tab }) => {
  await tab.goto(`${FIXTURES}/article.html`);
  const expected = await expectedOf<ArticleExpected>(tab);
  const lower = (texts: string[]) => texts.map((t) => t.toLowerCase());
  await expect.poll(async () => lower(await highlightedTexts(tab)), POLL).toEqual(expect.arrayContaining(lower(expected.terms)));
  const texts = await highlightedTexts(tab);
  // The only lower-case "osteoclasts" is inside a textarea, which is not reading text.
  expect(texts).toContain('Osteoclasts');
  expect(texts).not.toContain('osteoclasts');
  expect(texts).not.toContain('pet'); // "my pet dog" is not a PET scan
  expect(texts).not.toContain('Tumour'); // an everyday word is never highlighted on its own
  for (const misspelling of expected.misspellings) await waitForHighlight(tab, misspelling.text, 'termlight-misspelling');
  for (const sentence of expected.plain) expect(await highlightsOverlapping(tab, sentence)).toEqual([]);
});

test('Firefox: pointing at a term opens its popover; Esc closes it; plain text opens nothing', async ({ tab }) => {
  await tab.goto(`${FIXTURES}/article.html`);
  await waitForHighlight(tab, 'hypercalcemia');
  const term = await pointOf(tab, 'hypercalcemia');
  await tab.mouse.move(term.x, term.y);
  const shown = await waitForPopover(tab, 'hypercalcemia');
  expect(shown.definition).toContain('calcium');
  // It opens beside the word, inside the viewport.
  expect(shown.rect!.left).toBeGreaterThanOrEqual(0);
  expect(shown.rect!.right).toBeLessThanOrEqual(1100);

  await tab.keyboard.press('Escape');
  await waitForNoPopover(tab);

  const plain = await pointOf(tab, 'spent the weekend');
  await tab.mouse.move(plain.x, plain.y);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // longer than the hover delay: still nothing
  expect((await popoverState(tab)).open).toBe(false);
});

test('Firefox: the page DOM is unchanged by highlighting, and a popover adds only the one UI host', async ({ tab }) => {
  // The DOM at DOMContentLoaded, before any content script (document_idle) ran.
  await tab.evaluateOnNewDocument(`addEventListener('DOMContentLoaded', () => {
    window.__termlightBefore = (${serializeInPage.toString()})([null, false]);
  }, { once: true });`);
  await tab.goto(`${FIXTURES}/safety-dom.html`);
  const source = await serializeSource(tab, await (await fetch(`${FIXTURES}/safety-dom.html`)).text());
  const expected = await expectedOf<{ terms: string[]; notHighlighted: string[] }>(tab);

  const lower = (texts: string[]) => texts.map((t) => t.toLowerCase());
  await expect.poll(async () => lower(await highlightedTexts(tab)), POLL).toEqual(expect.arrayContaining(lower(expected.terms)));
  for (const absent of expected.notHighlighted) expect(await highlightedTexts(tab)).not.toContain(absent);

  const before = (await tab.evaluate(() => (window as unknown as { __termlightBefore: Serialized }).__termlightBefore)) as Serialized;
  expect(before.html).toBe(source.html);
  const highlighted = await serialize(tab);
  expect(highlighted.hosts).toBe(0); // no UI host until a popover is needed
  expect(highlighted.html).toBe(source.html);

  const term = await pointOf(tab, 'hypercalcemia');
  await tab.mouse.move(term.x, term.y);
  await waitForPopover(tab, 'hypercalcemia');
  const open = await serialize(tab, { skipUiHost: true });
  expect(open.hosts).toBe(1);
  expect(open.html).toBe(source.html);
  expect(await tab.evaluate(() => [document.documentElement.lastElementChild?.localName, document.documentElement.lastElementChild?.previousElementSibling?.localName])).toEqual([UI_HOST, 'body']);

  await tab.keyboard.press('Escape');
  await waitForNoPopover(tab);
  const closed = await serialize(tab, { skipUiHost: true });
  expect(closed.hosts).toBe(1);
  expect(closed.html).toBe(source.html);
});

test('Firefox: a living page: text added after load is highlighted, removed text loses its highlights', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/living.html`);
  const expected = await expectedOf<{ initial: string[]; added: string[]; removed: string[] }>(tab);
  for (const term of [...expected.initial, ...expected.removed]) await waitForHighlight(tab, term);
  for (const term of expected.added) expect(await highlightedTexts(tab)).not.toContain(term);

  // The page's own script appends a paragraph and removes another, like infinite scroll does.
  await tab.click('#more');
  await expect.poll(() => tab.evaluate(() => document.getElementById('to-remove') === null), POLL).toBe(true);
  for (const term of expected.added) await waitForHighlight(tab, term);
  await expect.poll(() => highlightedTexts(tab), POLL).not.toContain(expected.removed[0]);
  const texts = await highlightedTexts(tab);
  for (const term of expected.initial) expect(texts).toContain(term);
  expect(await tab.evaluate(detachedRangeCountInPage, 'termlight-term')).toBe(0);

  // What the popup lists follows the page too.
  const tabId = await firefox.tabIdOf(tab);
  const found = await firefox.sendToContentScript<{ terms: Array<{ id: string }> }>(tabId, { type: 'page-terms' });
  const ids = found.terms.map((t) => t.id);
  expect(ids).toContain('vertebroplasty');
  expect(ids).not.toContain('kyphoplasty');
  expect(ids).toContain('osteoporosis');
});

test('Firefox: the page gate keeps the main script out of ad frames; a page that gains a term and an article get highlights', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/gate-quiet.html`);
  // Long enough for the gate to read the page and recheck its frames (frame-gate.ts: 2 s).
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const tabId = await firefox.tabIdOf(tab);
  // Firefox opens Termlight's sidebar at install, and its "On this page" asks the tab's top frame,
  // which starts the main script there (as the popup would); the frames are never asked, and their
  // gates stay closed: a pixel, an ad with a line of text, a hidden ad.
  const top = `${FIXTURES}/gate-quiet.html`;
  expect((await firefox.framesWithPageScript(tabId)).filter((url) => url !== top)).toEqual([]);
  expect(await tab.evaluate(() => CSS.highlights.get('termlight-term')?.size ?? 0)).toBe(0);

  // The page gains a term: it is highlighted, and still no frame runs the main script.
  await tab.click('#load-more');
  await waitForHighlight(tab, 'osteoporosis');
  expect(await firefox.framesWithPageScript(tabId)).toEqual([top]);

  const article = await firefox.newPage();
  await article.goto(`${FIXTURES}/article.html`);
  await waitForHighlight(article, 'osteoblasts');
  expect(await firefox.framesWithPageScript(await firefox.tabIdOf(article))).toEqual([`${FIXTURES}/article.html`]);
});
