import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, type BuiltGlossary } from '../../src/glossary/build';
import { scanFile } from '../../src/cli/scan-file';
import { TermMatcher } from '../../src/match/matcher';

let glossary: BuiltGlossary;
let matcher: TermMatcher;
beforeAll(() => {
  glossary = buildGlossary(process.cwd());
  matcher = new TermMatcher(glossary.termIndex);
});

/** [page text, entry id] of each match in `text`. */
const find = (text: string) => matcher.findInText(text).map((m) => [text.slice(m.start, m.end), glossary.termIndex.entries[m.entry]![0]]);
const ids = (text: string) => find(text).map(([, id]) => id);

describe('ambiguous words on the shipped glossary', () => {
  it('highlights the medical sense and maps it to the right entry', () => {
    expect(find('The drug is given IV over 15 minutes through a drip.')).toEqual([['IV', 'intravenous']]);
    expect(ids('She has stage IV cancer that has spread to her bones.')).toContain('stage-4');
    expect(find('He broke the radius near the wrist.')).toEqual([['radius', 'radius']]);
    expect(find('The tumor had grown into the orbit, behind the eye.')).toContainEqual(['orbit', 'orbit']);
    expect(find('Children with ALL get chemotherapy for this leukemia.')).toContainEqual(['ALL', 'acute-lymphoblastic-leukemia']);
    expect(find('A CT scan of the chest showed a lesion.')).toContainEqual(['CT scan', 'computed-tomography']);
    expect(find('Her CA 15-3 tumor marker rose.')).toContainEqual(['CA 15-3', 'ca-15-3']);
    expect(find('A lymph node in the neck was swollen.')).toEqual([['lymph node', 'lymph-node']]);
  });

  it('leaves the everyday sense alone', () => {
    for (const text of [
      'Henry IV was king of England.',
      'We ALL went to the park.',
      'The satellite is in orbit around Earth.',
      'The stage was set for the concert.',
      'She finished grade 8 last year.',
      'Each node in the network sends data.',
      'We moved to CA last summer, near Hartford, CT.',
      'She will lead the team.',
      'The radius of the circle is 5 cm.',
      'My pet cat sleeps all day.',
    ]) {
      expect(find(text), text).toEqual([]);
    }
  });

  it('tells both senses apart on one fixture page', () => {
    const results = scanFile(join(process.cwd(), 'tests/fixtures/pages/senses.html'), glossary, matcher);
    const texts = results.map((r) => r.text);
    expect(texts.filter((t) => t === 'radius')).toHaveLength(1);
    expect(results.filter((r) => r.id === 'positron-emission-tomography').map((r) => r.text)).toEqual(['PET scan', 'PET']);
    expect(texts.some((t) => /pet rabbit|every pet/i.test(t))).toBe(false);
  });
});
