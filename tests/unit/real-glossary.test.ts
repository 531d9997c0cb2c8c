import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, type BuiltGlossary } from '../../src/glossary/build';
import { definitionService } from '../../src/glossary/definitions';
import { TermMatcher } from '../../src/match/matcher';

// The shipped glossary, compiled as the build does.
let glossary: BuiltGlossary;
let matcher: TermMatcher;
beforeAll(() => {
  glossary = buildGlossary(process.cwd());
  matcher = new TermMatcher(glossary.termIndex);
});

describe('search over the shipped glossary', () => {
  it('is typo-tolerant and finds brand names', () => {
    const { suggest, lookup } = definitionService(glossary.definitions);
    expect(suggest('osteoclsat')[0]?.id).toBe('osteoclast');
    expect(suggest('zometa')[0]?.id).toBe('zoledronic-acid');
    expect(suggest('xgeva')[0]?.id).toBe('denosumab');
    expect(lookup('denosumab')?.headword).toBe('denosumab');
    expect(lookup('no-such-entry')).toBeNull();
  });
});

describe('misspelling detection on ordinary English', () => {
  const wordListPath = createRequire(join(process.cwd(), 'package.json'))('word-list') as string | { default: string };
  it('flags no word of a 274,000-word English list, in running text and capitalised', () => {
    const words = readFileSync(typeof wordListPath === 'string' ? wordListPath : wordListPath.default, 'utf8').split('\n').filter(Boolean);
    expect(words.length).toBeGreaterThan(270_000);
    const flagged: string[] = [];
    for (let i = 0; i < words.length; i += 500) {
      const chunk = words.slice(i, i + 500);
      const text = chunk.map((w, k) => (k % 3 === 0 ? w[0]!.toUpperCase() + w.slice(1) : w)).join(' ');
      for (const m of matcher.findInText(text)) if (m.kind === 'misspelling') flagged.push(text.slice(m.start, m.end));
    }
    expect(flagged).toEqual([]);
  });

  it('flags the real misspellings of the evaluation articles, mapped to the right entries', () => {
    const id = (text: string) => {
      const [m] = matcher.findInText(text);
      return m ? [glossary.termIndex.entries[m.entry]![0], m.kind] : undefined;
    };
    expect(id('desonsumab')).toEqual(['denosumab', 'misspelling']);
    expect(id('biophosphonates')).toEqual(['bisphosphonate', 'misspelling']);
    expect(id('alkaline photophosphatase')).toEqual(['alkaline-phosphatase', 'misspelling']);
  });
});

describe('suggestions for text that is no term', () => {
  it('still offers the closest entries', () => {
    const { suggest } = definitionService(glossary.definitions);
    const suggestions = suggest('banana bread');
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
  });
});
