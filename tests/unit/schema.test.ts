import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GlossaryError, loadGlossary, parseGlossaryText } from '../../src/glossary/load';
import { fixture } from './helpers';

describe('glossary schema', () => {
  it('accepts a valid file and fills defaults', () => {
    const { entries, problems } = parseGlossaryText(readFileSync(fixture('good.yaml'), 'utf8'), 'good.yaml');
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(20);
    const osteoclast = entries[0]!.entry;
    expect(osteoclast.aliases).toEqual([]);
    expect(osteoclast.searchOnly).toBe(false);
  });

  it('names the file, the entry and the field of every problem', () => {
    const { problems } = parseGlossaryText(readFileSync(fixture('bad-fields.yaml'), 'utf8'), 'bad-fields.yaml');
    expect(problems).toContainEqual(expect.stringMatching(/^bad-fields\.yaml: entry "Osteoclast": field "id": must be lower-case kebab-case/));
    expect(problems).toContainEqual(expect.stringMatching(/^bad-fields\.yaml: entry "bad-category": field "category"/));
    expect(problems).toContainEqual(expect.stringMatching(/^bad-fields\.yaml: entry "markup": field "definition": must be plain text/));
    expect(problems).toContainEqual(expect.stringMatching(/^bad-fields\.yaml: entry #4: field "id"/));
  });

  it('reports unparseable YAML with the file name', () => {
    const { problems } = parseGlossaryText(readFileSync(fixture('bad-yaml.yaml'), 'utf8'), 'bad-yaml.yaml');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^bad-yaml\.yaml: not valid YAML/);
  });

  it('fails loading with one error that lists every problem', () => {
    expect(() => loadGlossary([fixture('good.yaml'), fixture('bad-fields.yaml')])).toThrow(GlossaryError);
    try {
      loadGlossary([fixture('bad-fields.yaml')]);
    } catch (error) {
      expect((error as GlossaryError).problems.length).toBeGreaterThanOrEqual(4);
    }
  });
});
