import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary } from '../../src/glossary/build';
import type { SurfaceRow, TermIndex } from '../../src/glossary/types';
import { canonical, differences, encodeTermIndex } from '../../src/match/index-encode';
import { BLOCK, CompactTermIndex, FrontCodedWords, MARK, headerChar, type CompactTermIndexData } from '../../src/match/index-format';
import { jsonIndexReader } from '../../src/match/index-reader';
import { TermMatcher } from '../../src/match/matcher';
import { testGlossary } from './helpers';

/** Front-codes a sorted list the way the encoder does (flags left out), for FrontCodedWords alone. */
function frontCoded(words: string[]): FrontCodedWords {
  let text = '';
  words.forEach((word, i) => {
    const previous = words[i - 1] ?? '';
    let shared = 0;
    if (i % BLOCK === 0) text += String.fromCharCode(MARK);
    else while (shared < 15 && word[shared] !== undefined && word[shared] === previous[shared]) shared++;
    text += headerChar(shared) + word.slice(shared);
  });
  return new FrontCodedWords(text);
}

function firstWords(index: TermIndex): string[] {
  return [...new Set(index.surfaces.map(([key]) => key.split(' ')[0]!))];
}

describe('FrontCodedWords', () => {
  const words = [
    'a', 'ab', 'abc', 'abd', 'b', 'bone', 'bones', 'osteo', 'osteoclast', 'osteoclastogenesis', 'osteoclastogenesisx',
    'osteoclastogenesisy', 'osteoclastomas', 'osteoclasts', 'x1', 'zoledronic', 'zoledronicacid', 'ångström', 'ärger', 'é',
  ].sort();
  const list = frontCoded(words);

  it('finds every word by its rank, across blocks and past the 15-letter shared-prefix cap', () => {
    words.forEach((word, i) => expect(list.find(word)).toBe(i));
  });

  it('finds no word that is not in the list: prefixes, extensions, neighbours, the empty string', () => {
    for (const missing of ['', 'aa', 'abe', 'bon', 'bonex', 'osteoclastogenesi', 'osteoclastogenesisz', 'osteoclastoma', 'zz', '0', 'é1', 'ab c']) {
      expect(list.find(missing)).toBe(-1);
    }
  });

  it('reads a word back by its number and lists the words with a prefix', () => {
    expect(words.map((_, i) => list.at(i))).toEqual(words);
    const found: string[] = [];
    list.withPrefix('os', (_, word) => found.push(word));
    expect(found).toEqual(words.filter((w) => w.startsWith('os')));
  });
});

describe('compact term index', () => {
  let real: TermIndex;
  let realData: CompactTermIndexData;
  beforeAll(() => {
    real = buildGlossary(process.cwd()).termIndex;
    realData = encodeTermIndex(real);
  }, 300_000);

  it('reads back exactly as compiled: the test glossary, with near words', () => {
    const { compiled } = testGlossary(['osteoclasm', 'denosumap', 'zebra']);
    const index = compiled.termIndex;
    expect(differences(canonical(index), canonical(new CompactTermIndex(encodeTermIndex(index)).toTermIndex()))).toBeUndefined();
  });

  it('reads back exactly as compiled: the real glossary (entries, rows, cue sets, near words, spelling data)', () => {
    const decoded = new CompactTermIndex(realData).toTermIndex();
    expect(differences(canonical(real), canonical(decoded))).toBeUndefined();
    expect(decoded.entries).toEqual(real.entries);
    expect(decoded.surfaces).toHaveLength(real.surfaces.length);
  });

  it('answers every look-up as the JSON index does, word by word', () => {
    const compact = new CompactTermIndex(realData);
    const json = jsonIndexReader(real);
    // Rows of one key keep their order (it settles ties); rows of different keys may come in any order.
    const byKey = (rows: readonly SurfaceRow[] | undefined) => [...(rows ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const word of firstWords(real)) expect(byKey(compact.rowsStartingWith(word)), word).toEqual(byKey(json.rowsStartingWith(word)));
    for (const word of ['kitchen', 'bonez', 'zzz', 'osteoclastx', '']) expect(compact.rowsStartingWith(word)).toEqual(json.rowsStartingWith(word));
    expect(compact.rowsStartingWith('osteoclastx')).toBeUndefined();
    for (const word of real.nearWords.slice(0, 500)) expect(compact.isNearWord(word)).toBe(true);
    for (const word of real.spelling.words) expect(compact.isGlossaryWord(word)).toBe(true);
    expect(compact.isNearWord('osteoclast')).toBe(false);
    expect(compact.isGlossaryWord('kitchen')).toBe(false);
    for (const [word, entry] of real.spelling.singleWords) expect(compact.singleWordEntry(word)).toBe(entry);
    for (const prefix of ['os', 'hy', 'ca', 'zo', 'qq']) {
      expect(compact.spellingTargets('single', prefix)).toEqual(json.spellingTargets('single', prefix));
      expect(compact.spellingTargets('phraseStart', prefix)).toEqual(json.spellingTargets('phraseStart', prefix));
    }
    for (const [id] of real.entries.slice(0, 50)) expect(compact.entryNumber(id)).toBe(json.entryNumber(id));
  });

  it('gives the matcher the same matches as the JSON index, misspellings included', () => {
    const surfaces = real.surfaces.filter((_, i) => i % 7 === 0).map(([key, , exactCase]) => exactCase ?? key);
    const text = `${surfaces.join('. ')}. Zolendronic acid, alkaline photophosphatase, osteoclsat and denosumap were noted near the spine fracture.`;
    const fromJson = new TermMatcher(real).findInText(text);
    const fromCompact = new TermMatcher(new CompactTermIndex(realData)).findInText(text);
    expect(fromCompact).toEqual(fromJson);
    expect(fromJson.filter((m) => m.kind === 'misspelling').length).toBeGreaterThan(2);
    expect(fromJson.length).toBeGreaterThan(surfaces.length / 2);
  });

  it('reads the same after its sections are inflated ahead with the platform zlib (ready)', async () => {
    const ahead = new CompactTermIndex(realData);
    await ahead.ready();
    const json = jsonIndexReader(real);
    for (const word of firstWords(real).slice(0, 300)) expect(ahead.rowsStartingWith(word)?.length, word).toBe(json.rowsStartingWith(word)?.length);
    expect(ahead.isNearWord(real.nearWords[0]!)).toBe(true);
    expect(ahead.cueSet(0)).toEqual(real.cueSets[0]);
  });

  it('decodes nothing until asked, and refuses an index of another format version', () => {
    const compact = new CompactTermIndex({ ...realData, words: 'not base64 at all!' });
    expect(compact.entryCount).toBe(real.entries.length);
    expect(compact.entry(0)).toEqual(real.entries[0]);
    expect(() => compact.rowsStartingWith('bone')).toThrow();
    expect(() => new CompactTermIndex({ ...realData, v: 999 })).toThrow(/format/);
  });

  it('is far smaller than the JSON index', () => {
    const compactBytes = Object.values(realData).reduce<number>((n, v) => n + String(v).length, 0);
    expect(compactBytes * 4).toBeLessThan(JSON.stringify(real).length);
  });
});
