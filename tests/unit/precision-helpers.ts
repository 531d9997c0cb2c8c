import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { compileGlossary } from '../../src/glossary/compile';
import { parseGlossaryText } from '../../src/glossary/load';
import { TermMatcher } from '../../src/match/matcher';
import { detectLanguage } from '../../src/page/language-detector';
import { readTree } from '../../src/page/reading';
import { EVERYDAY, fixture } from './helpers';

/** The precision fixture glossary (one entry per rule), with what a reader would see on a page of HTML. */
export function precisionGlossary(nearWords: string[] = []) {
  const { entries, problems } = parseGlossaryText(readFileSync(fixture('precision.yaml'), 'utf8'), 'precision.yaml');
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const compiled = compileGlossary(
    entries.map((e) => e.entry),
    EVERYDAY,
    nearWords,
  );
  const matcher = new TermMatcher(compiled.termIndex);
  const idOf = (entry: number) => compiled.termIndex.entries[entry]![0];
  /** The matcher alone, on one piece of text: [text, id, kind, needs]. */
  const find = (text: string) => matcher.findInText(text).map((m) => [text.slice(m.start, m.end), idOf(m.entry), m.kind, m.needs ?? null]);
  /** What a reader sees on a page: [text, id, kind], with the senses of an undecided abbreviation as "a|b". */
  const read = (body: string, lang?: string) => {
    const { document } = parseHTML(`<!doctype html><html${lang ? ` lang="${lang}"` : ''}><body>${body}</body></html>`);
    return readTree(document.body, matcher, detectLanguage).map((m) => [m.text, (m.senses ?? [m.entry]).map(idOf).join('|'), m.kind]);
  };
  return { entries, compiled, matcher, find, read };
}

/** Three unambiguous medical terms in a few words: a page about health. */
export const HEALTH_PAGE = '<p>Her hypercalcemia came from the metastatic spread; osteoclasts were busy, so she was given a bisphosphonate.</p>';
