import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileGlossary } from '../../src/glossary/compile';
import { parseGlossaryText } from '../../src/glossary/load';
import { TermMatcher } from '../../src/match/matcher';

// Vitest runs from the project root; happy-dom replaces the URL global, so paths are built from cwd.
export const fixture = (name: string) => join(process.cwd(), 'tests/fixtures/glossary', name);

export const EVERYDAY = new Set(['bone', 'cancer', 'blood', 'tumor', 'calcium', 'pet']);

/** The small hand-written test glossary, compiled and ready to match. */
export function testGlossary(nearWords: string[] = []) {
  const { entries, problems } = parseGlossaryText(readFileSync(fixture('good.yaml'), 'utf8'), 'good.yaml');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const compiled = compileGlossary(entries.map((e) => e.entry), EVERYDAY, nearWords);
  const matcher = new TermMatcher(compiled.termIndex);
  const idOf = (entry: number) => compiled.termIndex.entries[entry]![0];
  /** What the matcher finds in `text`, as [page text, entry id, kind]. */
  const find = (text: string) => matcher.findInText(text).map((m) => [text.slice(m.start, m.end), idOf(m.entry), m.kind]);
  return { entries, compiled, matcher, find };
}
