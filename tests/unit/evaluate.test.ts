import { describe, expect, it } from 'vitest';
import { scorePage } from '../../src/cli/evaluate';

const match = (text: string, kind: 'exact' | 'misspelling' = 'exact') => ({ text, id: 'x', term: 'x', kind });

describe('scorePage', () => {
  it('counts a gold surface found exactly or covered by a longer match', () => {
    const score = scorePage(
      [
        { surface: 'lymph nodes', concept: 'lymph node' },
        { surface: 'NSCLC', concept: 'nsclc' },
        { surface: 'femur', concept: 'femur' },
      ],
      [match('enlarged lymph  nodes'), match('nsclc'), match('bones'), match('osteoid'), match('desonsumab', 'misspelling')],
      new Set(['bone']),
    );
    expect(score).toMatchObject({ gold: 3, found: 2, misses: ['femur'], noise: ['bones'], extras: ['desonsumab', 'osteoid'] });
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.misspellings).toEqual([{ text: 'desonsumab', id: 'x', term: 'x' }]);
  });

  it('does not count a surface inside a longer word', () => {
    expect(scorePage([{ surface: 'PET', concept: 'pet' }], [match('petite')], new Set()).found).toBe(0);
  });
});
