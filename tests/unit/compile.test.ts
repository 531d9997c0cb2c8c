import { describe, expect, it } from 'vitest';
import { compileGlossary, surfaceVariants } from '../../src/glossary/compile';
import { GlossaryEntrySchema } from '../../src/glossary/schema';
import { EVERYDAY, testGlossary } from './helpers';

const entry = (fields: Record<string, unknown>) => GlossaryEntrySchema.parse({ category: 'general', definition: 'A thing.', ...fields });

describe('compile', () => {
  it('derives plural, hyphen and prefix variants of a surface', () => {
    const variants = surfaceVariants('non-small cell lung cancer').map((v) => v.join(' '));
    expect(variants).toEqual(expect.arrayContaining(['non small cell lung cancer', 'nonsmall cell lung cancer', 'non small cell lung cancers']));
    expect(surfaceVariants('nonsteroidal drug').map((v) => v.join(' '))).toContain('non steroidal drug');
    expect(surfaceVariants('metastasis').map((v) => v.join(' '))).toContain('metastases');
  });

  it('keeps definitions out of the term index and resolves related ids to headwords', () => {
    const { compiled } = testGlossary();
    expect(JSON.stringify(compiled.termIndex)).not.toContain('breaks down old bone');
    const osteoclast = compiled.definitions.find((d) => d.id === 'osteoclast')!;
    expect(osteoclast.related).toEqual([{ id: 'osteoblast', headword: 'osteoblast' }]);
    expect(osteoclast.categoryLabel).toBe('Biology');
  });

  it('never indexes search-only entries or everyday words alone', () => {
    const { compiled } = testGlossary();
    const keys = compiled.termIndex.surfaces.map(([key]) => key);
    expect(keys).not.toContain('calcium');
    const everyday = compileGlossary([entry({ id: 'tumor', headword: 'tumor', aliases: ['primary tumor'] })], EVERYDAY);
    expect(everyday.termIndex.surfaces.map(([key]) => key)).toEqual(expect.arrayContaining(['primary tumor']));
    expect(everyday.termIndex.surfaces.map(([key]) => key)).not.toContain('tumor');
  });

  it('records abbreviations with their exact case', () => {
    const { compiled } = testGlossary();
    expect(compiled.termIndex.surfaces).toContainEqual(['nsclc', expect.any(Number), 'NSCLC', -1, 0]);
    expect(compiled.termIndex.surfaces).toContainEqual(['nsaids', expect.any(Number), 'NSAIDs', -1, 0]);
  });

  it('reports a surface claimed by two entries unless both declare it ambiguous', () => {
    const clash = compileGlossary(
      [entry({ id: 'a', headword: 'alpha term', aliases: ['shared name'] }), entry({ id: 'b', headword: 'beta term', aliases: ['shared name'] })],
      EVERYDAY,
    );
    expect(clash.conflicts).toContainEqual({ key: 'shared name', ids: ['a', 'b'] });
    const declared = compileGlossary(
      [
        entry({ id: 'a', headword: 'alpha term', aliases: ['shared name'], ambiguous: [{ surface: 'shared name', cues: ['x'] }] }),
        entry({ id: 'b', headword: 'beta term', aliases: ['shared name'], ambiguous: [{ surface: 'shared name', cues: ['y'] }] }),
      ],
      EVERYDAY,
    );
    expect(declared.conflicts).toEqual([]);
  });
});
