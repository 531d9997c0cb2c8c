import { describe, expect, it } from 'vitest';
import { scanRun } from '../../src/page/scan';
import { joinLines, textContentText, textLayerRun } from '../../src/reader/text-runs';
import { testGlossary } from './helpers';

const { matcher, compiled } = testGlossary();
const idOf = (entry: number) => compiled.termIndex.entries[entry]![0];

/** A PDF.js-like text layer: one span per text item, <br> at line ends. */
function layer(html: string): HTMLElement {
  document.body.innerHTML = `<div class="textLayer">${html}</div>`;
  return document.body.firstElementChild as HTMLElement;
}

describe('joinLines', () => {
  it('reads a line end as a space, and a line-end hyphen between letters as nothing', () => {
    expect(joinLines('non-small cell', 'lung cancer')).toBe('non-small cell ');
    expect(joinLines('an osteo-', 'clast')).toBe('an osteo');
    expect(joinLines('ends with a space ', 'next')).toBe('ends with a space ');
    // A capital after the hyphen is a compound's second part or a name: keep the hyphen, add a space.
    expect(joinLines('anti-', 'VEGF')).toBe('anti- ');
    expect(joinLines('page 3-', '4')).toBe('page 3- ');
  });
});

describe('textLayerRun', () => {
  it('matches a term hyphenated at a line end, and maps it back to both nodes', () => {
    const root = layer('<span>cells called osteo-</span><br><span>clasts break down bone</span>');
    const run = textLayerRun(root)!;
    expect(run.text).toBe('cells called osteoclasts break down bone');
    const [match] = scanRun(run, matcher);
    expect(idOf(match!.entry)).toBe('osteoclast');
    expect(match!.startNode.data).toBe('cells called osteo-');
    expect(match!.startOffset).toBe('cells called '.length);
    expect(match!.endNode.data).toBe('clasts break down bone');
    expect(match!.endOffset).toBe('clasts'.length);
  });

  it('matches a phrase split over two lines (the line end reads as a space)', () => {
    const root = layer('<span>treated for non-small cell</span><br><span>lung cancer today</span>');
    const matches = scanRun(textLayerRun(root)!, matcher);
    const phrase = matches.find((m) => idOf(m.entry) === 'non-small-cell-lung-cancer');
    expect(phrase).toBeDefined();
    expect(phrase!.endNode.data).toBe('lung cancer today');
    expect(phrase!.endOffset).toBe('lung cancer'.length);
  });

  it('reads nested spans (marked content, find highlights) in order and skips an empty layer', () => {
    const root = layer('<span class="markedContent"><span>an </span><span>osteo<span class="highlight">clast</span></span></span>');
    const run = textLayerRun(root)!;
    expect(run.text).toBe('an osteoclast');
    expect(scanRun(run, matcher).map((m) => idOf(m.entry))).toEqual(['osteoclast']);
    expect(textLayerRun(layer('<br><span> </span>'))).toBeUndefined();
  });
});

describe('textContentText', () => {
  it('joins getTextContent items exactly like the text layer', () => {
    const items = [{ str: 'cells called osteo-', hasEOL: true }, { str: 'clasts and non-small cell', hasEOL: true }, { str: 'lung cancer', hasEOL: false }];
    expect(textContentText(items)).toBe('cells called osteoclasts and non-small cell lung cancer');
  });
});

describe('readerContext (saving from the reader)', () => {
  it('records the sentence around the term, across a line end, and "page N of <title>" with an address that reopens the page', async () => {
    const { readerContext, readerPageUrl, pageFromHash } = await import('../../src/reader/save-context');
    const run = textLayerRun(layer('<span>Bone is renewed. Old bone is cleared by an osteo-</span><br><span>clast, a large cell. New bone follows.</span>'))!;
    const [match] = scanRun(run, matcher);
    const url = readerPageUrl('chrome-extension://abc/reader.html?src=x#page=1', 'https://example.org/a b.pdf', 3);
    expect(url).toBe('chrome-extension://abc/reader.html?src=https%3A%2F%2Fexample.org%2Fa%20b.pdf#page=3');
    expect(readerContext(run, match!, { number: 3, title: 'Bone health handout', url })).toEqual({
      written: 'osteoclast',
      sentence: 'Old bone is cleared by an osteoclast, a large cell.',
      title: 'page 3 of Bone health handout',
      url,
    });
    // A local file has no address to reopen.
    expect(readerContext(run, match!, { number: 1, title: 'handout.pdf' }).url).toBe('');
    expect(pageFromHash('#page=12')).toBe(12);
    expect(pageFromHash('#zoom=2&page=7')).toBe(7);
    expect(pageFromHash('#page=0')).toBeUndefined();
    expect(pageFromHash('')).toBeUndefined();
  });
});
