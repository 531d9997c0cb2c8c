import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile';
import { containsPhrase, isTrustedUrl, lintGlossary } from '../../src/glossary/lint';
import type { SourcedEntry } from '../../src/glossary/load';
import { gradeLevel } from '../../src/glossary/readability';
import { GlossaryEntrySchema } from '../../src/glossary/schema';
import { EVERYDAY } from './helpers';

const sourced = (fields: Record<string, unknown>): SourcedEntry => ({
  file: 'test.yaml',
  entry: GlossaryEntrySchema.parse({ category: 'general', definition: 'A short plain thing to say.', ...fields }),
});

function lint(entries: SourcedEntry[]) {
  const compiled = compileGlossary(entries.map((e) => e.entry), EVERYDAY);
  return lintGlossary(entries, compiled, EVERYDAY).problems.map((p) => `${p.file} ${p.id}: ${p.reason}`);
}

describe('glossary lint', () => {
  it('passes a clean entry', () => {
    expect(lint([sourced({ id: 'osteoclast', headword: 'osteoclast', definition: 'A bone cell that breaks down old bone.' })])).toEqual([]);
  });

  it('names file, entry and reason for each rule', () => {
    const problems = lint([
      sourced({ id: 'dup', headword: 'first term' }),
      sourced({ id: 'dup', headword: 'second term' }),
      sourced({ id: 'hard', headword: 'hard term', definition: 'Pathophysiological immunohistochemical characterization necessitates comprehensive multidisciplinary interdisciplinary consideration.' }),
      sourced({ id: 'self', headword: 'osteoporosis', definition: 'Osteoporosis is when bones get thin.' }),
      sourced({ id: 'dangling', headword: 'dangling term', related: ['nowhere'] }),
      sourced({ id: 'untrusted', headword: 'untrusted term', url: 'https://example.com/page' }),
      sourced({ id: 'everyday', headword: 'cancer' }),
    ]);
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml dup: id "dup" is used twice/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml hard: definition reads at grade/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml self: definition uses the term itself/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml dangling: related id "nowhere" does not exist/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml untrusted: url .* is not on a trusted host/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml everyday: "cancer" is an everyday word/));
  });

  it('computes reading grades and recognises trusted hosts', () => {
    expect(gradeLevel('A cell that eats old bone.')).toBeLessThan(4);
    expect(gradeLevel('Immunohistochemistry characterizes neoplastic differentiation.')).toBeGreaterThan(12);
    expect(isTrustedUrl('https://medlineplus.gov/ency/article/000001.htm')).toBe(true);
    expect(isTrustedUrl('https://www.cancer.gov/x')).toBe(true);
    expect(isTrustedUrl('http://www.cancer.gov/x')).toBe(false);
    expect(isTrustedUrl('https://cancer.gov.evil.example/x')).toBe(false);
    expect(containsPhrase('Bone marrows make blood.', 'bone marrow')).toBe(true);
    expect(containsPhrase('A bone that marrows', 'bone marrow')).toBe(false);
  });
});
