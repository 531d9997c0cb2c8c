import type { SourcedEntry } from './load';
import { isKnownSource, learnMoreRoute } from './learn-more';
import type { GlossaryEntry } from './schema';

/** How many words in a row two entries may share before one looks copied from the other. */
export const NEAR_COPY_WORDS = 8;

/**
 * Checks on what an entry says and where its facts come from: sources named in an accepted form
 * with a page to link, the everyday kind decided, no dose, no near-copy of another entry's text.
 */
export function contentProblems(entry: GlossaryEntry): string[] {
  return [...sourceProblems(entry), ...kindProblems(entry), ...doseProblems(entry)];
}

function sourceProblems(entry: GlossaryEntry): string[] {
  if (!entry.sources || entry.sources.length === 0) return ['field "sources" is required: name the references its facts were checked against'];
  const problems = entry.sources
    .filter((s) => !isKnownSource(s))
    .map((s) => `source "${s}" is not in an accepted form ("NCI Dictionary of Cancer Terms", "NCI Drug Dictionary", "MedlinePlus: <topic>", "FDA label: <brand>", "NHLBI: <topic>"...)`);
  const route = learnMoreRoute(entry);
  if (!entry.url && !route) {
    problems.push('no source can link it: add one with a page for it (NCI Dictionary of Cancer Terms, NCI Drug Dictionary for single medicines, or MedlinePlus)');
  }
  if (route?.route === 'nci-drugs' && looksLikeDrugClass(entry.headword)) {
    problems.push(`"${entry.headword}" looks like a group of medicines: set drugClass: true (the NCI Drug Dictionary lists single medicines)`);
  }
  if (entry.url && /%2F/i.test(new URL(entry.url).pathname)) problems.push(`url ${entry.url} has an encoded slash in its path`);
  return problems;
}

function looksLikeDrugClass(headword: string): boolean {
  return /\b(inhibitors?|blockers?|agonists?|antagonists?|analogs?|analogues?)$/i.test(headword);
}

function kindProblems(entry: GlossaryEntry): string[] {
  const problems: string[] = [];
  if (entry.everyday === undefined) problems.push('field "everyday" is required: true when a lay adult reads the headword without help');
  const names = new Set([...entry.aliases, ...entry.abbreviations].map((s) => s.toLowerCase()));
  for (const [field, list, allowed] of [
    ['everydayAliases', entry.everydayAliases, entry.everyday !== true],
    ['jargonAliases', entry.jargonAliases, entry.everyday === true],
  ] as const) {
    if (list.length > 0 && !allowed) problems.push(`field "${field}" does not fit an entry with everyday: ${entry.everyday}`);
    for (const s of list) if (!names.has(s.toLowerCase())) problems.push(`${field}: "${s}" is not an alias or abbreviation of this entry`);
  }
  return problems;
}

// An amount with a unit, or how often to take something: a dose, which Termlight never states.
const DOSE_PATTERNS = [
  /\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ug|g|kg|ml|mL|l|IU|units?|milligrams?|micrograms?|grams?|milliliters?|millilitres?)(?:\s*\/\s*(?:kg|m2|m²|day|dose|hour))?\b/,
  /\b(?:once|twice|three times|four times|\d+ times)\s+(?:a|per|each|every)\s+(?:day|daily|week|month)\b/i,
  /\bevery\s+\d+\s+(?:hours?|days?|weeks?)\b/i,
];

// How a medicine is taken: fine to say of a body rhythm or a screening plan, but in a medicine's entry
// it reads as an instruction ("taken with food", "every few months"), which a reader could act on.
const MEDICINE_SCHEDULE_PATTERNS = [
  /\bevery\s+(?:\d+|few|other|one|two|three|four|five|six|eight|ten|twelve)(?:\s+(?:to|or)\s+\w+)?\s+(?:hours?|days?|weeks?|months?|years?)\b/i,
  /\b(?:once|twice)\s+(?:daily|weekly|monthly|nightly|yearly|a year)\b/i,
  /\b(?:taken|given|used|applied|swallowed)\s+(?:once\s+)?(?:daily|weekly|monthly|nightly|at bedtime)\b/i,
  /\b(?:taken|given|swallowed)\s+(?:with|without)\s+(?:food|meals?|milk|water)\b/i,
  /\bon an empty stomach\b/i,
  /\b(?:for|over)\s+(?:\d+|one|two|three|four|five|six|seven|ten|fourteen)\s+(?:to\s+\w+\s+)?(?:days|weeks)\b/i,
];

function doseProblems(entry: GlossaryEntry): string[] {
  const patterns = entry.category === 'drug' ? [...DOSE_PATTERNS, ...MEDICINE_SCHEDULE_PATTERNS] : DOSE_PATTERNS;
  const problems: string[] = [];
  for (const [field, text] of [['definition', entry.definition], ['more', entry.more ?? '']] as const) {
    const hit = patterns.map((p) => text.match(p)?.[0]).find(Boolean);
    if (hit) problems.push(`${field} states a dose or schedule ("${hit}"): Termlight never gives doses`);
  }
  return problems;
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** Definitions that share a run of NEAR_COPY_WORDS or more words with another entry's text. */
export function nearCopies(sources: readonly SourcedEntry[]): Array<{ file: string; id: string; other: string; run: string }> {
  const owner = new Map<string, string>();
  for (const { entry } of sources) {
    for (const text of [entry.definition, entry.more ?? '']) {
      for (const shingle of shingles(text)) if (!owner.has(shingle)) owner.set(shingle, entry.id);
    }
  }
  const found: Array<{ file: string; id: string; other: string; run: string }> = [];
  for (const { entry, file } of sources) {
    for (const shingle of shingles(entry.definition)) {
      const other = owner.get(shingle);
      if (other !== undefined && other !== entry.id) {
        found.push({ file, id: entry.id, other, run: shingle });
        break;
      }
    }
  }
  return found;
}

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + NEAR_COPY_WORDS <= w.length; i++) out.add(w.slice(i, i + NEAR_COPY_WORDS).join(' '));
  return out;
}
