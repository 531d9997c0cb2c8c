import { describe, expect, it } from 'vitest';
import { compileGlossary } from '../../src/glossary/compile';
import { containsPhrase, isTrustedUrl, lintGlossary } from '../../src/glossary/lint';
import type { SourcedEntry } from '../../src/glossary/load';
import { gradeLevel } from '../../src/glossary/readability';
import { GlossaryEntrySchema } from '../../src/glossary/schema';
import { EVERYDAY } from './helpers';

const sourced = (fields: Record<string, unknown>): SourcedEntry => ({
  file: 'test.yaml',
  entry: GlossaryEntrySchema.parse({
    category: 'general',
    definition: 'A short plain thing to say.',
    sources: ['NCI Dictionary of Cancer Terms'],
    everyday: false,
    ...fields,
  }),
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

  it('requires sources in an accepted form with a page to link, and the everyday kind', () => {
    const problems = lint([
      sourced({ id: 'unsourced', headword: 'unsourced term', sources: undefined }),
      sourced({ id: 'odd-source', headword: 'odd source term', sources: ['Wikipedia'] }),
      sourced({ id: 'unlinked', headword: 'unlinked term', sources: ['FDA label: Xgeva'] }),
      sourced({ id: 'class', headword: 'kinase inhibitor', category: 'drug', sources: ['NCI Drug Dictionary'] }),
      sourced({ id: 'unkind', headword: 'unkind term', everyday: undefined }),
      sourced({ id: 'stray', headword: 'stray term', everydayAliases: ['not an alias'] }),
    ]);
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml unsourced: field "sources" is required/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml odd-source: source "Wikipedia" is not in an accepted form/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml unlinked: no source can link it/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml class: "kinase inhibitor" looks like a group of medicines/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml unkind: field "everyday" is required/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml stray: everydayAliases: "not an alias" is not an alias/));
  });

  it('flags doses and near-copies of another entry', () => {
    const problems = lint([
      sourced({ id: 'dosed', headword: 'dosed term', definition: 'A pill. Most people take 20 mg of it.' }),
      sourced({ id: 'scheduled', headword: 'scheduled term', more: 'It is given twice a day by mouth.' }),
      sourced({ id: 'first', headword: 'first term', definition: 'A small gland in the neck that makes hormones for growth.' }),
      sourced({ id: 'second', headword: 'second term', definition: 'It is a small gland in the neck that makes hormones for growth too.' }),
      sourced({ id: 'third', headword: 'third term', definition: 'A small gland near the neck that makes a hormone for sleep.' }),
    ]);
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml dosed: definition states a dose or schedule \("20 mg"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml scheduled: more states a dose or schedule \("twice a day"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml second: definition shares 8 words in a row with "first"/));
    expect(problems.filter((p) => p.includes('words in a row'))).toHaveLength(1);
  });

  it('flags how a medicine is taken, but not the rhythm of the body or a screening plan', () => {
    const problems = lint([
      sourced({ id: 'with-food', headword: 'food pill', category: 'drug', definition: 'A medicine for heartburn, taken with food.' }),
      sourced({ id: 'shot', headword: 'bone shot', category: 'drug', definition: 'A shot that slows bone loss.', more: 'It is given every few months.' }),
      sourced({ id: 'cycle', headword: 'egg release', category: 'biology', definition: 'The release of an egg, about every four weeks.' }),
    ]);
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml with-food: definition states a dose or schedule \("taken with food"\)/));
    expect(problems).toContainEqual(expect.stringMatching(/^test\.yaml shot: more states a dose or schedule \("every few months"\)/));
    expect(problems.filter((p) => p.includes('cycle'))).toEqual([]);
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
