import { hyphenatedGaps, tokenize } from '../match/tokenize';
import { abbreviationPlural, inflections } from '../match/inflect';
import { deriveStageWords } from '../match/evidence';
import { deriveSpellingData } from '../match/misspell';
import { normalizeToken } from '../match/normalize';
import { learnMoreUrl } from './learn-more';
import { CATEGORY_LABELS, type Category, type GlossaryEntry } from './schema';
import { SURFACE_FLAGS, type Definition, type SurfaceRow, type TermIndex } from './types';

export interface CompiledGlossary {
  termIndex: TermIndex;
  definitions: Definition[];
  /** Keys claimed by more than one entry without an ambiguity declaration (reported by lint). */
  conflicts: Array<{ key: string; ids: string[] }>;
}

interface Candidate {
  key: string;
  entry: number;
  exactCase: string | null;
  cues: string[] | null;
  unless: string[];
  everyday: boolean;
  /** Written by an author, as opposed to derived (inflection, hyphen variant). */
  explicit: boolean;
  /** The surface as the author wrote it (its capitals tell a brand or a name). */
  written: string;
}

// Prefixes that pages write both joined and hyphenated: "nonsteroidal" / "non-steroidal".
const SPLITTABLE_PREFIXES = ['non', 'anti', 'intra', 'extra', 'post', 'pre', 'peri', 'sub', 'multi'];

export function compileGlossary(entries: GlossaryEntry[], everydayWords: ReadonlySet<string>, nearWords: string[] = []): CompiledGlossary {
  const candidates: Candidate[] = [];
  entries.forEach((entry, index) => {
    if (!entry.searchOnly) candidates.push(...entryCandidates(entry, index));
  });
  const { rows, cueSets, unlessSets, conflicts } = resolveCandidates(candidates, entries, everydayWords);
  const headwordOf = new Map(entries.map((e) => [e.id, e.headword]));
  const isWordTarget = misspellingTargets(entries, candidates);
  return {
    termIndex: {
      entries: entries.map((e) => [e.id, e.headword]),
      surfaces: rows,
      cueSets,
      unlessSets,
      nearWords,
      spelling: deriveSpellingData(rows, ([key, entry, , , flags]) => (flags & SURFACE_FLAGS.everyday) === 0 && isWordTarget(key, entry)),
    },
    definitions: entries.map((entry) => toDefinition(entry, headwordOf)),
    conflicts,
  };
}

/**
 * The kinds of entry a misspelled word may stand for: a medicine, a condition, a symptom, a body part.
 * A reader who writes "recours" or "transfered" meant an everyday word, not a treatment or a care term.
 */
export const MISSPELLING_CATEGORIES: ReadonlySet<Category> = new Set(['drug', 'condition', 'symptom', 'anatomy']);

/**
 * Which single-word surfaces a misspelling may be flagged as: of a category above, and written in lower
 * case by the glossary (a brand or an eponym is capitalized, and so is its misspelling, which is a name).
 */
function misspellingTargets(entries: GlossaryEntry[], candidates: Candidate[]): (key: string, entry: number) => boolean {
  const targets = new Set<string>();
  const names = new Set<string>();
  for (const c of candidates) {
    if (c.exactCase !== null) continue;
    const signature = `${c.entry}\u0000${c.key}`;
    if (c.written !== c.written.toLowerCase()) names.add(signature);
    else if (MISSPELLING_CATEGORIES.has(entries[c.entry]!.category)) targets.add(signature);
  }
  return (key, entry) => {
    const signature = `${entry}\u0000${key}`;
    return targets.has(signature) && !names.has(signature);
  };
}

function entryCandidates(entry: GlossaryEntry, index: number): Candidate[] {
  const ambiguityOf = (surface: string) => entry.ambiguous.find((a) => a.surface.toLowerCase() === surface.toLowerCase());
  const cuesFor = (surface: string) => ambiguityOf(surface)?.cues.map(normalizeCue) ?? null;
  const unlessFor = (surface: string) => ambiguityOf(surface)?.unless.map(normalizeCue) ?? [];
  const out: Candidate[] = [];
  for (const surface of [entry.headword, ...entry.aliases]) {
    const cues = cuesFor(surface);
    const unless = unlessFor(surface);
    const everyday = isEverydaySurface(entry, surface);
    surfaceVariants(surface).forEach((tokens, i) =>
      out.push({ key: keyOf(tokens), entry: index, exactCase: null, cues, unless, everyday, explicit: i === 0, written: surface }),
    );
  }
  for (const abbreviation of entry.abbreviations) {
    const cues = cuesFor(abbreviation);
    const unless = unlessFor(abbreviation);
    const everyday = isEverydaySurface(entry, abbreviation);
    const tokens = tokenize(abbreviation).map((t) => t.raw);
    const forms = [tokens];
    const plural = abbreviationPlural(tokens[tokens.length - 1] ?? '');
    if (plural) forms.push([...tokens.slice(0, -1), plural]);
    forms.forEach((form, i) =>
      out.push({ key: keyOf(form), entry: index, exactCase: form.join(' '), cues, unless, everyday, explicit: i === 0, written: abbreviation }),
    );
  }
  return out.filter((c) => c.key.length > 0);
}

/** A surface takes its entry's kind (everyday or needs explaining) unless the entry lists it as an exception. */
export function isEverydaySurface(entry: Pick<GlossaryEntry, 'everyday' | 'everydayAliases' | 'jargonAliases'>, surface: string): boolean {
  const listed = (list: string[]) => list.some((s) => s.toLowerCase() === surface.toLowerCase());
  if (entry.everyday) return !listed(entry.jargonAliases);
  return listed(entry.everydayAliases);
}

/** Token lists a page may use for one written surface: as written, hyphen-joined, prefix-split, inflected. */
export function surfaceVariants(surface: string): string[][] {
  const tokens = tokenize(surface);
  const words = tokens.map((t) => t.raw.toLowerCase());
  if (words.length === 0) return [];
  const gaps = hyphenatedGaps(surface, tokens);
  const spellings = [words];
  if (gaps.some(Boolean)) spellings.push(joinHyphenated(words, gaps));
  const split = splitPrefixes(words);
  if (split) spellings.push(split);
  const variants = new Map<string, string[]>();
  for (const spelling of spellings) {
    variants.set(spelling.join(' '), spelling);
    for (const form of inflections(spelling[spelling.length - 1]!)) {
      const inflected = [...spelling.slice(0, -1), form];
      variants.set(inflected.join(' '), inflected);
    }
  }
  return [...variants.values()];
}

function joinHyphenated(words: string[], gaps: boolean[]): string[] {
  const joined = [words[0]!];
  gaps.forEach((hyphen, i) => {
    if (hyphen) joined[joined.length - 1] += words[i + 1]!;
    else joined.push(words[i + 1]!);
  });
  return joined;
}

function splitPrefixes(words: string[]): string[] | null {
  let changed = false;
  const out = words.flatMap((word) => {
    const prefix = SPLITTABLE_PREFIXES.find((p) => word.startsWith(p) && word.length - p.length >= 4);
    if (!prefix) return [word];
    changed = true;
    return [prefix, word.slice(prefix.length)];
  });
  return changed ? out : null;
}

function keyOf(tokens: string[]): string {
  return tokens.map(normalizeToken).join(' ');
}

/** Cues compare as normalized words; a cue that is only a punctuation mark (":") is kept as written. */
function normalizeCue(cue: string): string {
  const tokens = tokenize(cue);
  return tokens.length === 0 ? cue.trim() : keyOf(tokens.map((t) => t.raw));
}

function resolveCandidates(candidates: Candidate[], entries: GlossaryEntry[], everydayWords: ReadonlySet<string>) {
  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    if (isEverydayWord(candidate, everydayWords)) continue;
    const list = byKey.get(candidate.key) ?? [];
    list.push(candidate);
    byKey.set(candidate.key, list);
  }
  const rows: SurfaceRow[] = [];
  const cueSets: string[][] = [];
  const unlessSets: string[][] = [];
  const cueSetIndex = new Map<string, number>();
  const conflicts: CompiledGlossary['conflicts'] = [];
  for (const [key, list] of byKey) {
    const kept = keepWinners(list);
    for (const group of groupBy(kept, (c) => c.exactCase ?? '')) {
      const ids = [...new Set(group.map((c) => entries[c.entry]!.id))];
      if (ids.length > 1 && group.some((c) => c.cues === null)) conflicts.push({ key, ids });
    }
    const seen = new Set<string>();
    for (const c of kept) {
      const signature = `${c.entry}\u0000${c.exactCase}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      const cueSet = c.cues ? internCues(c.cues, c.unless, cueSets, unlessSets, cueSetIndex) : -1;
      rows.push([key, c.entry, c.exactCase, cueSet, c.everyday ? SURFACE_FLAGS.everyday : 0]);
    }
  }
  return { rows, cueSets, unlessSets, conflicts };
}

/** Explicit surfaces beat derived ones; among equals every entry is kept (ambiguity is resolved later). */
function groupBy<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.values()];
}

function keepWinners(list: Candidate[]): Candidate[] {
  const explicit = list.filter((c) => c.explicit);
  if (explicit.length === 0) return list;
  const explicitEntries = new Set(explicit.map((c) => c.entry));
  return list.filter((c) => c.explicit || explicitEntries.has(c.entry));
}

function isEverydayWord(candidate: Candidate, everydayWords: ReadonlySet<string>): boolean {
  if (candidate.exactCase !== null || candidate.key.includes(' ')) return false;
  const k = candidate.key;
  return everydayWords.has(k) || everydayWords.has(k.replace(/e?s$/, '')) || everydayWords.has(k.replace(/ies$/, 'y'));
}

function internCues(cues: string[], unless: string[], cueSets: string[][], unlessSets: string[][], index: Map<string, number>): number {
  const signature = `${cues.join('|')}\u0000${unless.join('|')}`;
  let n = index.get(signature);
  if (n === undefined) {
    n = cueSets.length;
    cueSets.push(cues);
    unlessSets.push(unless);
    index.set(signature, n);
  }
  return n;
}

function toDefinition(entry: GlossaryEntry, headwordOf: ReadonlyMap<string, string>): Definition {
  // A medicine's brand names are the aliases the glossary writes capitalized (Xgeva, Prolia).
  const brands = entry.category === 'drug' ? entry.aliases.filter((a) => a !== a.toLowerCase()) : [];
  return {
    id: entry.id,
    headword: entry.headword,
    category: entry.category,
    categoryLabel: CATEGORY_LABELS[entry.category],
    ...(entry.pronunciation ? { pronunciation: entry.pronunciation } : {}),
    definition: entry.definition,
    ...(entry.more ? { more: entry.more } : {}),
    aliases: [...entry.aliases, ...entry.abbreviations],
    ...(entry.abbreviations.length > 0 ? { abbreviations: entry.abbreviations } : {}),
    ...(brands.length > 0 ? { brands } : {}),
    related: entry.related.filter((id) => headwordOf.has(id)).map((id) => ({ id, headword: headwordOf.get(id)! })),
    url: learnMoreUrl(entry),
    searchOnly: entry.searchOnly,
  };
}
