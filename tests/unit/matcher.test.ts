import { describe, expect, it } from 'vitest';
import { inflections } from '../../src/match/inflect';
import { normalizeToken } from '../../src/match/normalize';
import { tokenize } from '../../src/match/tokenize';
import { testGlossary } from './helpers';

const { find } = testGlossary();

describe('tokenize and normalize', () => {
  it('splits on hyphens and drops possessive s', () => {
    expect(tokenize("non-small cell; Paget's disease").map((t) => t.raw)).toEqual(['non', 'small', 'cell', 'Paget', 'disease']);
  });
  it('reads letters and digits of any script as the Unicode word pattern does', () => {
    // Exactly the tokens of /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu, possessive s dropped (a tokenizer
    // that reads char codes instead must keep this: combining marks, surrogates, other scripts).
    const pattern = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
    const samples = [
      'naïve café Ångström, straße İstanbul',
      'x\u0301y e\u0301 \u0301abc 𝒜bc 𝟘1 ١٢٣ 日本語テキスト',
      'a\u200db 😀smile😀 ab\ud800cd x\udc00y',
      "CA-125 (p53) T2N0M0; 5'-UTR, 3 s",
    ];
    for (const text of samples) {
      const expected = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
      expect(tokenize(text)).toEqual(expected);
    }
    expect(tokenize("Paget's, Paget\u2019S and it").map((t) => t.raw)).toEqual(['Paget', 'Paget', 'and', 'it']);
    expect(tokenize("it's an 's")).toEqual([
      { start: 0, end: 2, raw: 'it' },
      { start: 5, end: 7, raw: 'an' },
      { start: 9, end: 10, raw: 's' },
    ]);
  });
  it('folds British spellings and diacritics onto one key', () => {
    expect(normalizeToken('Anaemia')).toBe('anemia');
    expect(normalizeToken('oesophagus')).toBe('esophagus');
    expect(normalizeToken('tumours')).toBe('tumors');
    expect(normalizeToken('metastasised')).toBe('metastasized');
    expect(normalizeToken('naïve')).toBe('naive');
  });
  it('generates Latin, Greek and English plurals', () => {
    expect(inflections('metastasis')).toContain('metastases');
    expect(inflections('vertebra')).toContain('vertebrae');
    expect(inflections('humerus')).toContain('humeri');
    expect(inflections('bacterium')).toContain('bacteria');
    expect(inflections('biopsy')).toContain('biopsies');
    expect(inflections('metastasize')).toEqual(expect.arrayContaining(['metastasizes', 'metastasized', 'metastasizing']));
  });
});

describe('TermMatcher', () => {
  it('matches inflected forms', () => {
    expect(find('Metastases to the vertebrae and humeri; bacteria too.')).toEqual([
      ['Metastases', 'metastasis', 'exact'],
      ['vertebrae', 'vertebra', 'exact'],
      ['humeri', 'humerus', 'exact'],
      ['bacteria', 'bacterium', 'exact'],
    ]);
    expect(find('The cancer metastasizes.')).toEqual([['metastasizes', 'metastasis', 'exact']]);
  });

  it('matches possessives, hyphen-or-space variants and British spellings', () => {
    expect(find("Paget's disease of bone")).toEqual([["Paget's disease of bone", 'pagets-disease-of-bone', 'exact']]);
    expect(find('non small cell lung cancer')[0]).toEqual(['non small cell lung cancer', 'non-small-cell-lung-cancer', 'exact']);
    expect(find('Non-Small-Cell Lung Cancers')[0]![1]).toBe('non-small-cell-lung-cancer');
    expect(find('anaemia of the oesophagus')).toEqual([
      ['anaemia', 'anemia', 'exact'],
      ['oesophagus', 'esophagus', 'exact'],
    ]);
    expect(find('non-steroidal anti-inflammatory drugs')[0]![1]).toBe('nsaid');
  });

  it('compares words case-insensitively and abbreviations case-sensitively', () => {
    expect(find('OSTEOCLAST and Osteoblast')).toHaveLength(2);
    expect(find('She had a PET scan.')).toEqual([['PET scan', 'positron-emission-tomography', 'exact']]);
    expect(find('Results of the PET were clear.')).toEqual([['PET', 'positron-emission-tomography', 'exact']]);
    expect(find('We walked my pet dog.')).toEqual([]);
    expect(find('NSAIDs and NSCLC')).toEqual([
      ['NSAIDs', 'nsaid', 'exact'],
      ['NSCLC', 'non-small-cell-lung-cancer', 'exact'],
    ]);
    expect(find('nsclc')).toEqual([]);
  });

  it('prefers the longest match', () => {
    expect(find('positron emission tomography')).toEqual([['positron emission tomography', 'positron-emission-tomography', 'exact']]);
  });

  it('highlights an ambiguous word only when a context cue is near', () => {
    expect(find('A break in the radius, just above the wrist.')).toEqual([['radius', 'radius', 'exact']]);
    expect(find('Shops within a radius of five miles.')).toEqual([]);
  });

  it('flags likely misspellings of glossary words, never correct words', () => {
    expect(find('She was given desonsumab.')).toEqual([['desonsumab', 'denosumab', 'misspelling']]);
    expect(find('alkaline photophosphatase levels')).toEqual([['alkaline photophosphatase', 'alkaline-phosphatase', 'misspelling']]);
    expect(find('Osteoclasts')[0]![2]).toBe('exact');
    expect(find('a vertibra')).toEqual([['vertibra', 'vertebra', 'misspelling']]);
    // A cell's name is not a word a reader means to write: only medicines, conditions, symptoms and body parts are targets.
    expect(find('ostoclast')).toEqual([]);
    // An English word near a glossary word is listed by the build and never flagged.
    const { find: findWithNear } = testGlossary(['humorous']);
    expect(findWithNear('a humorous story')).toEqual([]);
  });
});
