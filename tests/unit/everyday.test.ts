import { describe, expect, it } from 'vitest';
import { isEverydaySurface } from '../../src/glossary/compile';
import { TermMatcher } from '../../src/match/matcher';
import { testGlossary } from './helpers';

describe('everyday words', () => {
  it('a surface takes its entry kind unless the entry lists it as an exception', () => {
    const everyday = { everyday: true, everydayAliases: [], jargonAliases: ['pulmonary carcinoma'] };
    expect(isEverydaySurface(everyday, 'lung cancer')).toBe(true);
    expect(isEverydaySurface(everyday, 'Pulmonary carcinoma')).toBe(false);
    const jargon = { everyday: false, everydayAliases: ['shortness of breath'], jargonAliases: [] };
    expect(isEverydaySurface(jargon, 'dyspnea')).toBe(false);
    expect(isEverydaySurface(jargon, 'shortness of breath')).toBe(true);
  });

  it('are not matched by default, while jargon and its jargon aliases are', () => {
    const { find } = testGlossary();
    expect(find('She has lung cancer and bone pain.')).toEqual([]);
    expect(find('Shortness of breath, or dyspnea, is common.')).toEqual([['dyspnea', 'dyspnea', 'exact']]);
    expect(find('A pulmonary carcinoma was found.')).toEqual([['pulmonary carcinoma', 'lung-cancer', 'exact']]);
  });

  it('never hide a jargon term inside or around them', () => {
    const { find } = testGlossary();
    // "bone pain" would win the longest match at "bone"; skipped, "pain crisis" still matches.
    expect(find('He had a bone pain crisis last night.')).toEqual([['pain crisis', 'pain-crisis', 'exact']]);
    // A jargon phrase containing an everyday one matches as a whole.
    expect(find('non-small cell lung cancer')).toEqual([['non-small cell lung cancer', 'non-small-cell-lung-cancer', 'exact']]);
  });

  it('are matched when the reader asks for everyday words too', () => {
    const { compiled } = testGlossary();
    const matcher = new TermMatcher(compiled.termIndex, { includeEveryday: true });
    const text = 'She has lung cancer and bone pain.';
    expect(matcher.findInText(text).map((m) => text.slice(m.start, m.end))).toEqual(['lung cancer', 'bone pain']);
  });
});
