import { describe, expect, it } from 'vitest';
import { findGaps } from '../../src/glossary/gaps';
import { TermMatcher } from '../../src/match/matcher';
import { testGlossary } from './helpers';

describe('glossary gaps', () => {
  const { compiled } = testGlossary();
  const medical = new Set(['gout', 'uric', 'arthritis', 'osteoclast', 'inflammation', 'joint']);
  const options = {
    isMedicalWord: (w: string) => medical.has(w),
    everydayWords: new Set(['joint']),
    matcher: new TermMatcher(compiled.termIndex, { includeEveryday: true }),
  };

  it('lists medical-looking words and phrases that match no entry, most frequent first', () => {
    const gaps = findGaps(
      [
        ['Gout is a kind of arthritis. Uric acid builds up in a joint.', 'Gout flares hurt. Osteoclast cells are fine.'],
        ['More gout here, and uric acid again.'],
      ],
      options,
    );
    expect(gaps[0]).toEqual({ text: 'gout', count: 3, pages: 2 });
    expect(gaps.map((g) => g.text)).toEqual(expect.arrayContaining(['arthritis', 'uric', 'uric acid']));
    // Matched by the glossary, or an everyday word: not a gap.
    expect(gaps.map((g) => g.text)).not.toContain('osteoclast');
    expect(gaps.map((g) => g.text)).not.toContain('joint');
    // A phrase seen once, or across punctuation, is not reported.
    expect(gaps.map((g) => g.text)).not.toContain('gout flares');
    expect(gaps.map((g) => g.text)).not.toContain('arthritis uric');
  });

  it('counts plural and singular as one gap', () => {
    const gaps = findGaps([['Inflammation and more inflammations.']], options);
    expect(gaps).toEqual([{ text: 'inflammation', count: 2, pages: 1 }]);
  });
});

describe('npm run glossary -- --gaps', () => {
  it('prints the gaps of a page, most frequent first', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync('npx', ['tsx', 'src/cli/glossary.ts', '--gaps', 'tests/fixtures/gaps/rare-signs.html'], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(/^count\s+pages\s+word or phrase/);
    const texts = lines.slice(1).map((l) => l.trim().split(/\s{2,}/)[2]);
    // Words so rare that no patient glossary explains them: they stay gaps however the glossary grows.
    expect(texts[0]).toBe('dysdiadochokinesia');
    expect(texts).toContain('xanthochromia');
    expect(texts).not.toContain('osteoclasts');
  });
});
