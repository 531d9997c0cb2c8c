import { ensurePageScript, expect, FIXTURES, tabIdOf, test } from './fixtures';
import { mulberry32, PageGenerator, type Vocabulary } from './fuzz-generator';
import { mutateAndCompare } from './fuzz-mutations';
import { serializeInPage, watchErrors } from './safety-helpers';

/**
 * Generated-DOM fuzz test in the real browser: 1,000 random pages per run (seeded; replay a failure
 * with FUZZ_SEED=n), built as subtrees of one loaded fixture page, PER_BATCH at a time side by side
 * (each batch replacing the previous one), each batch waited on until Termlight's highlights settle.
 * Checked for every batch:
 * - no console error or uncaught exception from Termlight (and none from the page);
 * - every highlight range is non-empty, inside the fuzz container (so nothing stale from an earlier
 *   batch survives), not inside an element Termlight must skip, not across a block boundary, on word
 *   boundaries, and its text is one of the term surfaces the generator inserted, or whole words of one
 *   (compared by words, case- and diacritic-insensitively, so "non-small", "non&nbsp;small" and a split
 *   "non-<em>sm</em>all" compare alike);
 * - every term the generator wrote plainly in reading text is highlighted exactly (unless its block has
 *   Hebrew or Arabic letters: a run mostly in another script is another language, not read);
 * - the container's DOM (open shadow roots included) is unchanged by Termlight.
 * Then each batch is edited in place (fuzz-mutations.ts) and Termlight's incrementally maintained
 * highlights must equal those of a fresh scan of the same DOM.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 0x7e41);
const PAGES = 1000;
const PER_BATCH = 20;
/** In-place DOM edits per batch in the second (differential) phase. */
const EDITS = 12;

interface BatchResult {
  violations: string[];
  timedOut: boolean;
  domChanged: boolean;
  highlights: number;
  expected: number;
  misspellings: number;
}

/** Runs in the page: builds one batch, waits for Termlight to settle, checks every highlight. */
async function runBatch({ html, surfaces, fragments }: { html: string; surfaces: string[]; fragments: string[] }): Promise<BatchResult> {
  const INLINE = new Set(['a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'ruby', 'output']);
  const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'rt', 'rp']);
  const canon = (text: string) => (text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
  // A term's words may also match on their own when the generator broke or glued the rest of it
  // ("basket<b>bone metastases</b>" leaves "metastases", "vertebra<br>e" leaves "vertebra"): any run of
  // whole words of a surface, or of a piece of a term the generator broke, is fine.
  const known = new Set<string>();
  for (const words of [...surfaces, ...fragments].map((surface) => canon(surface).split(' '))) {
    for (let i = 0; i < words.length; i++) for (let j = i + 1; j <= words.length; j++) known.add(words.slice(i, j).join(' '));
  }
  const root = document.getElementById('fuzz-root')!;
  const serialize = (window as unknown as { __serialize: (a: [string, boolean]) => { html: string } }).__serialize;
  const parentOf = (node: Node): Node | null => node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  const scopes = (): ParentNode[] => {
    const found: ParentNode[] = [root];
    for (let i = 0; i < found.length; i++) for (const e of found[i]!.querySelectorAll('*')) if (e.shadowRoot) found.push(e.shadowRoot);
    return found;
  };
  const all = (selector: string) => scopes().flatMap((scope) => [...scope.querySelectorAll(selector)]);
  const textOf = (r: AbstractRange) => {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range;
  };

  root.setHTMLUnsafe(html); // declarative shadow roots too
  for (const span of all('[data-lone]')) span.append(document.createTextNode((span as HTMLElement).dataset.lone === 'high' ? '\ud83d' : '\udc00'));
  const before = serialize(['#fuzz-root', false]).html;
  // Terms written plainly in reading text near the viewport must be highlighted exactly.
  const band = { top: -1.4 * innerHeight, bottom: 2.4 * innerHeight };
  // Text mostly in another script (Hebrew, Arabic) is another language, which Termlight does not read: a
  // term inside a block with such letters may or may not be highlighted (its run may be mostly them).
  const blockAround = (node: Element): Element => {
    let e: Element = node;
    while (INLINE.has(e.localName) && e.parentElement) e = e.parentElement;
    return e;
  };
  const otherScript = /[\p{Script=Hebrew}\p{Script=Arabic}]/u;
  const expected = all('[data-expect]').filter((span) => {
    const rect = span.getBoundingClientRect();
    if (otherScript.test(blockAround(span).textContent ?? '')) return false;
    // Termlight registers ranges only near the viewport: vertically within 150%, horizontally within it.
    return rect.height > 0 && rect.bottom > band.top && rect.top < band.bottom && rect.right > 0 && rect.left < innerWidth;
  });

  const started = performance.now();
  let ranges: AbstractRange[] = [];
  let stable = 0;
  let timedOut = false;
  for (let last = -1; ; ) {
    await new Promise((resolve) => setTimeout(resolve, 40));
    ranges = [...(CSS.highlights.get('termlight-term') ?? [])];
    const missing = expected.filter((span) => !ranges.some((r) => span.contains(r.startContainer) && span.contains(r.endContainer) && textOf(r).toString() === span.textContent));
    stable = missing.length === 0 && ranges.length === last ? stable + 1 : 0;
    last = ranges.length;
    if (stable >= 3) break;
    if (performance.now() - started > 10_000) {
      timedOut = true;
      return { violations: missing.map((s) => `not highlighted: "${s.textContent}" in page ${s.closest('[data-page]')?.getAttribute('data-page') ?? '(shadow)'}`), timedOut, domChanged: false, highlights: ranges.length, expected: expected.length, misspellings: 0 };
    }
  }

  const violations: string[] = [];
  const inside = (node: Node) => {
    for (let n: Node | null = node; n; n = parentOf(n)) if (n === root) return true;
    return false;
  };
  const pageOf = (node: Node) => {
    for (let n: Node | null = node; n; n = parentOf(n)) if (n instanceof Element && n.hasAttribute('data-page')) return n.getAttribute('data-page');
    return '?';
  };
  const skippedAncestor = (node: Node) => {
    for (let n: Node | null = node; n && n !== root; n = parentOf(n)) {
      if (!(n instanceof Element)) continue;
      if (SKIPPED.has(n.localName) || n.hasAttribute('hidden') || (n.getAttribute('contenteditable') ?? 'false') !== 'false') return n.localName;
    }
    return null;
  };
  const blockOf = (node: Node) => {
    let n: Node | null = node.parentNode;
    while (n instanceof Element && INLINE.has(n.localName)) n = n.parentNode;
    return n;
  };
  // Misspelling highlights: the generator writes no misspellings, but a term broken inside a word
  // ("vertebro\u200bplasty") may leave a fragment close to a glossary word; it must be such a fragment.
  const fragmentOfSurface = (text: string) => text !== '' && surfaces.some((surface) => canon(surface).includes(text));
  const misspellings = [...(CSS.highlights.get('termlight-misspelling') ?? [])];
  for (const [list, kind, accept] of [[ranges, 'term', (t: string) => known.has(t)], [misspellings, 'misspelling', fragmentOfSurface]] as const) {
    for (const r of list) {
      const range = textOf(r);
      const text = range.toString();
      const where = `${kind} "${text}" (page ${pageOf(r.startContainer)})`;
      if (!text) violations.push(`empty range ${where}`);
      if (!r.startContainer.isConnected || !inside(r.startContainer) || !inside(r.endContainer)) {
        violations.push(`range outside the current fuzz pages ${where}`);
        continue;
      }
      if (!accept(canon(text))) violations.push(`not an inserted term surface: ${where}`);
      const skipped = skippedAncestor(r.startContainer) ?? skippedAncestor(r.endContainer);
      if (skipped) violations.push(`highlighted inside <${skipped}>: ${where}`);
      const blockInside = [...range.cloneContents().querySelectorAll('*')].find((e) => !INLINE.has(e.localName));
      if (blockInside || blockOf(r.startContainer) !== blockOf(r.endContainer)) violations.push(`crosses a block boundary (${blockInside?.localName ?? 'different blocks'}): ${where}`);
      if (r.startContainer instanceof Text && /[\p{L}\p{N}]\p{M}*$/u.test(r.startContainer.data.slice(0, r.startOffset))) violations.push(`starts inside a word: ${where}`);
      if (r.endContainer instanceof Text && /^[\p{L}\p{N}\p{M}]/u.test(r.endContainer.data.slice(r.endOffset))) violations.push(`ends inside a word: ${where}`);
    }
  }
  return { violations, timedOut, domChanged: serialize(['#fuzz-root', false]).html !== before, highlights: ranges.length, expected: expected.length, misspellings: misspellings.length };
}

test(`fuzz: ${PAGES} random DOM pages (seed ${SEED})`, async ({ context, page }) => {
  test.setTimeout(240_000);
  const watch = await watchErrors(context, page);
  await page.goto(`${FIXTURES}/fuzz-host.html`);
  const vocabulary = JSON.parse((await page.locator('#termlight-expected').textContent())!) as Vocabulary;
  await page.evaluate(`window.__serialize = ${serializeInPage.toString()}`);
  // The host page has no term of its own, so the page gate keeps the main script out: it is started
  // as the popup starts it, so that every batch is read by a running Termlight (features-gate.spec.ts
  // tests the gate opening on a page that gains terms).
  expect(await ensurePageScript(context, await tabIdOf(context, page))).toBe(true);
  // Termlight is active on this page (its highlight is registered) before the first batch.
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('termlight-term'))).toBe(true);

  const generator = new PageGenerator(mulberry32(SEED), vocabulary);
  let highlights = 0;
  let expected = 0;
  let edited = 0;
  for (let first = 0; first < PAGES; first += PER_BATCH) {
    const pages = Array.from({ length: Math.min(PER_BATCH, PAGES - first) }, (_, i) => generator.page(first + i));
    const result = await page.evaluate(runBatch, { html: pages.map((p) => p.html).join(''), surfaces: vocabulary.terms, fragments: pages.flatMap((p) => p.fragments) });
    const context = `seed ${SEED}, pages ${first}-${first + pages.length - 1}`;
    const details = () => {
      const named = new Set([...result.violations.join(' ').matchAll(/page (\d+)/g)].map((m) => Number(m[1])));
      const shown = pages.filter((_, i) => named.has(first + i)).slice(0, 3);
      return `${context}\n${result.violations.slice(0, 10).join('\n')}\n--- pages named above:\n${(shown.length ? shown : pages.slice(0, 1)).map((p) => p.html).join('\n')}`;
    };
    expect(result.timedOut, details()).toBe(false);
    expect(result.violations, details()).toEqual([]);
    expect(result.domChanged, `${context}: Termlight changed the DOM`).toBe(false);
    expect(watch.errors, context).toEqual([]);
    expect(watch.pageErrors, context).toEqual([]);
    highlights += result.highlights;
    expected += result.expected;

    // Then the page edits itself in place: Termlight's incremental result must equal a fresh scan.
    const mutated = await page.evaluate(mutateAndCompare, { seed: SEED ^ (first * 7919), words: [...vocabulary.terms, ...vocabulary.filler], edits: EDITS });
    const mutationDetails = `${context}, after ${EDITS} in-place edits:\ninvalid ${mutated.invalid.join(', ')}\nstale ${mutated.onlyIncremental.join(', ')}\nmissed ${mutated.onlyFresh.join(', ')}\nedits:\n${mutated.log.join('\n')}`;
    expect(mutated.timedOut, mutationDetails).toBe(false);
    expect([...mutated.invalid, ...mutated.onlyIncremental, ...mutated.onlyFresh], mutationDetails).toEqual([]);
    expect(watch.errors, context).toEqual([]);
    expect(watch.pageErrors, context).toEqual([]);
    edited += mutated.highlights;
  }
  // The run really exercised Termlight: thousands of highlights, every plain term found.
  expect(expected).toBeGreaterThan(PAGES);
  expect(highlights).toBeGreaterThan(2 * PAGES);
  expect(await watch.serviceWorkerErrors()).toEqual([]);
  expect(edited).toBeGreaterThan(PAGES);
  console.log(`fuzz seed ${SEED}: ${PAGES} pages, ${highlights} highlights checked, ${expected} plain terms found, ${edited} highlights compared after edits`);
});
