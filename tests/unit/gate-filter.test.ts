import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildGlossary, type BuiltGlossary } from '../../src/glossary/build';
import { surfaceVariants } from '../../src/glossary/compile';
import { encodeGateFilter, gateFilterKeys } from '../../src/glossary/gate-filter';
import { CandidateFilter, candidateWords, MARK } from '../../src/match/candidates';
import { isShortAbbreviation } from '../../src/match/evidence';
import { abbreviationPlural } from '../../src/match/inflect';
import { TermMatcher } from '../../src/match/matcher';
import { collectRuns } from '../../src/page/collect';
import { PageEvidence } from '../../src/page/page-evidence';
import { articlePage, GENERATED, vocabulary } from '../../scripts/bench/pages';

/**
 * The page gate's filter must never keep out a page the matcher would show a term on: a false open
 * only costs the main script's start, a false close loses the reader's highlights.
 */
let glossary: BuiltGlossary;
let filter: CandidateFilter;
let matcher: TermMatcher;

beforeAll(() => {
  glossary = buildGlossary(process.cwd());
  filter = CandidateFilter.fromBase64(encodeGateFilter(glossary.termIndex));
  // Everyday surfaces too: a setting turns them on, and the gate does not read settings.
  matcher = new TermMatcher(glossary.termIndex, { includeEveryday: true });
}, 60_000);

/** Every run of a page's text, as the content script reads it. */
function runsOf(html: string): string[] {
  const { document } = parseHTML(/<html/i.test(html) ? html : `<!doctype html><html><body>${html}</body></html>`);
  return [...collectRuns(document.body ?? document.documentElement)].map((run) => run.text);
}

/** Whether the matcher finds a term in `text` that shows on the strength of the text alone. */
const showsAlone = (text: string) => matcher.findInText(text, undefined, { misspellings: false }).some((m) => m.needs === undefined);

/**
 * What a page shows, read as the content script reads it: its runs' matches that the page's evidence
 * supports once the whole page is read (misspellings need a page about health: they are looked for too).
 */
function pageShowsTerms(runs: string[]): boolean {
  const evidence = new PageEvidence();
  const found = runs.flatMap((text) => matcher.findInText(text, evidence));
  return found.some((match) => evidence.supports(match));
}

describe('the candidate filter', () => {
  it('round-trips through base64', () => {
    expect(filter.size).toBe(gateFilterKeys(glossary.termIndex).length);
    expect(filter.size).toBeGreaterThan(20_000);
  });

  it('passes every surface of every entry in the compiled index that a run can show on its own (inflections and abbreviation plurals included)', () => {
    const index = glossary.termIndex;
    let checked = 0;
    const missed = index.surfaces.filter(([key, , exactCase, cueSet]) => {
      if (exactCase === null && cueSet < 0) {
        checked++;
        return !filter.has(MARK.plain, ...candidateWords(key));
      }
      // As a page writes it (an abbreviation in its exact case: CT, CTs, PET-CT), with each of its
      // cues beside it when it has some, wherever the matcher shows it.
      const written = exactCase ?? key;
      const texts = cueSet < 0 ? [written] : index.cueSets[cueSet]!.flatMap((cue) => [`${written} ${cue}`, `${cue}s and ${written}`]);
      return texts.some((text) => {
        if (!showsAlone(text)) return false;
        checked++;
        return !filter.textHasCandidate(text);
      });
    });
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(30_000);
  });

  it('passes every written surface of every entry, as a page writes it, wherever the matcher shows it', () => {
    const missed: string[] = [];
    let checked = 0;
    for (const { entry } of glossary.sources) {
      const written = [entry.headword, ...entry.aliases].flatMap((surface) => surfaceVariants(surface).map((tokens) => tokens.join(' ')));
      for (const abbreviation of entry.abbreviations) {
        written.push(abbreviation);
        const plural = abbreviationPlural(abbreviation);
        if (plural) written.push(plural);
      }
      for (const text of written) {
        const sentence = `Read about ${text} here.`;
        if (!showsAlone(sentence)) continue;
        checked++;
        if (!filter.textHasCandidate(sentence)) missed.push(text);
      }
    }
    expect(missed).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  it('leaves out only short abbreviations without cues, which a page shows only with the support of other terms', () => {
    // "SRE" alone is not shown; beside its expansion it is, and the expansion opens the gate.
    const sre = glossary.termIndex.surfaces.find(([, , exactCase, cueSet]) => exactCase !== null && cueSet < 0 && isShortAbbreviation(exactCase))!;
    const [id, headword] = glossary.termIndex.entries[sre[1]]!;
    expect(id).toBeTruthy();
    expect(pageShowsTerms([`The ${sre[2]} was noted.`])).toBe(false);
    expect(filter.textHasCandidate(`The ${sre[2]} was noted.`)).toBe(false);
    expect(filter.textHasCandidate(`The ${headword} (${sre[2]}) was noted.`)).toBe(true);
  });

  it('opens on every fixture page and generated bench page that shows a term, and on every run that shows one alone', () => {
    const pagesDir = join(process.cwd(), 'tests/fixtures/pages');
    const pages = readdirSync(pagesDir)
      .filter((name) => name.endsWith('.html'))
      .map((name) => ({ name, html: readFileSync(join(pagesDir, name), 'utf8') }));
    const vocab = vocabulary(glossary.termIndex);
    // The 5 MB page is the 1 MB page's text five times over: the smaller pages say the same.
    for (const spec of GENERATED.filter((s) => s.name !== '5mb')) pages.push({ name: spec.name, html: articlePage(spec, vocab) });
    const missedRuns: string[] = [];
    const missedPages: string[] = [];
    let runsWithTerms = 0;
    let pagesWithTerms = 0;
    for (const { name, html } of pages) {
      const runs = runsOf(html);
      if (pageShowsTerms(runs)) {
        pagesWithTerms++;
        if (!runs.some((text) => filter.textHasCandidate(text))) missedPages.push(name);
      }
      for (const text of runs) {
        if (!showsAlone(text)) continue;
        runsWithTerms++;
        if (!filter.textHasCandidate(text)) missedRuns.push(`${name}: ${text.slice(0, 80)}`);
      }
    }
    expect(missedPages).toEqual([]);
    expect(missedRuns).toEqual([]);
    expect(pagesWithTerms).toBeGreaterThan(15);
    expect(runsWithTerms).toBeGreaterThan(1000);
  }, 120_000);

  it('keeps the no-terms bench page closed: ordinary English has no candidate', () => {
    const spec = GENERATED.find((s) => s.name === 'no-terms')!;
    const runs = runsOf(articlePage(spec, vocabulary(glossary.termIndex)));
    expect(runs.length).toBeGreaterThan(100);
    expect(runs.filter((text) => filter.textHasCandidate(text))).toEqual([]);
  });

  it('finds a term across an inline element and across the words of a phrase, not in unrelated words', () => {
    expect(runsOf('<p>Her <b>oste</b>oclast count</p>').some((t) => filter.textHasCandidate(t))).toBe(true);
    expect(filter.textHasCandidate('The bone marrow was sampled.')).toBe(true);
    expect(filter.textHasCandidate('We walked to the station and bought bread.')).toBe(false);
    // Abbreviations in their exact case only: "DOEs" is one, "does" is not.
    expect(filter.textHasCandidate('What it does is simple.')).toBe(false);
    // A word with context cues opens only with a cue word in its run: "port" of a chemotherapy port.
    expect(filter.textHasCandidate('The server listens on port 8080.')).toBe(false);
    expect(filter.textHasCandidate('A port was placed for her chemotherapy.')).toBe(true);
  });
});

describe("the background's half of the gate", () => {
  it('answers for a batch of runs: open when any run may hold a term or was too long to send, closed otherwise', async () => {
    const { gateChecker } = await import('../../src/background/gate-check');
    const { OPEN_ANYWAY } = await import('../../src/page/gate-limits');
    const mayHoldTerm = gateChecker(encodeGateFilter(glossary.termIndex));
    expect(mayHoldTerm(['The weather was mild all week.', 'Trains ran on time.'])).toBe(false);
    expect(mayHoldTerm(['The weather was mild all week.', 'She was treated for hypercalcemia.'])).toBe(true);
    expect(mayHoldTerm(['Nothing here.', OPEN_ANYWAY])).toBe(true);
    expect(mayHoldTerm([])).toBe(false);
  });
});
