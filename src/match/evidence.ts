import type { Token } from './tokenize';

/**
 * The rules that decide whether a match has evidence of its medical sense, kept out of the trie
 * walk so they can change without touching how the index is read. Pure: text and tokens in,
 * answers out. What the page as a whole supports (an abbreviation's expansion seen elsewhere, a page
 * about health) is decided later by the page's evidence (src/page/page-evidence.ts).
 */

/** What a match still needs from the page before a reader sees it. */
export type Need =
  /** A short abbreviation: its expansion somewhere on the page, or a page about health. */
  | 'support'
  /** A probable misspelling: a page about health. */
  | 'health';

/** Facts the matcher reports while it reads a run, for the page's evidence. */
export interface EvidenceSink {
  /**
   * A word surface of `entry` (headword, alias or a long abbreviation form such as "PET scan") was
   * read in its medical sense, or an everyday one was read and skipped. `plain` when it is
   * unambiguous and needs explaining: those make up the page's health signal.
   */
  term(entry: number, plain: boolean): void;
  /** Words read (the health signal is a density), and the tokens themselves (a language guess reuses them). */
  words(count: number, tokens?: readonly Token[]): void;
  /**
   * The run has a word that could be a misspelling, and misspellings were not looked for (they show
   * only on a page about health, so a page's reading looks for them once it is one: see PageReading).
   */
  misspellingsUnchecked?(): void;
}

/** Longest abbreviation (without a plural s) that needs page support: SRE, RMS, TLS, NSCLC. */
export const SHORT_ABBREVIATION_MAX = 5;

/** A single-token abbreviation short enough to mean something else outside medicine. */
export function isShortAbbreviation(exactCase: string): boolean {
  if (exactCase.includes(' ')) return false;
  const base = /[A-Z0-9]s$/.test(exactCase) ? exactCase.slice(0, -1) : exactCase;
  return base.length <= SHORT_ABBREVIATION_MAX;
}

// I, II, III, IV, V ... XXXIX: the numerals of parts, chapters, kings and stages. C, D, L and M
// are left out on purpose: CLL, MD, MI and MM are abbreviations far more often than numbers.
const ROMAN_NUMERAL = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

export function isRomanNumeral(raw: string): boolean {
  return ROMAN_NUMERAL.test(raw);
}

/** How many words before a bare numeral its stage word may stand: "stage III or IV", "stages IIIB and IV". */
const STAGE_WORD_WINDOW = 4;

/**
 * Words that make a bare Roman numeral mean an entry, read from the entry's own surfaces at build
 * time: "stage IV" makes "stage" a stage word of IV's entry. Carried in the term index, so no word
 * list lives in code and a page never walks every surface.
 */
export function deriveStageWords(surfaces: ReadonlyArray<readonly [string, number, ...unknown[]]>): Array<[entry: number, words: string[]]> {
  const byEntry = new Map<number, Set<string>>();
  for (const [key, entry] of surfaces) {
    const space = key.lastIndexOf(' ');
    if (space < 0) continue;
    const last = key.slice(space + 1).toUpperCase();
    if (!isRomanNumeral(last.replace(/[A-C]$/, '')) && !isRomanNumeral(last)) continue;
    const before = key.slice(0, space);
    if (before.includes(' ') || isRomanNumeral(before.toUpperCase())) continue;
    let words = byEntry.get(entry);
    if (!words) byEntry.set(entry, (words = new Set()));
    words.add(before);
  }
  return [...byEntry].sort((a, b) => a[0] - b[0]).map(([entry, words]) => [entry, [...words].sort()]);
}

/**
 * Whether a bare Roman numeral at `first` reads as this entry. A stage entry's numeral needs one of
 * its stage words just before it ("stage III or IV"); any other numeral-shaped abbreviation (IV for
 * intravenous) is a number after a capitalized word ("Part IV", "Henry IV", "Chapter IV").
 */
export function numeralFits(stageWords: ReadonlySet<string>, text: string, tokens: Token[], keys: string[], first: number): boolean {
  if (stageWords.size > 0) {
    for (let i = first - 1; i >= 0 && i >= first - STAGE_WORD_WINDOW; i--) {
      const key = keys[i]!;
      if (stageWords.has(key) || stageWords.has(key.replace(/s$/, ''))) return true;
    }
    return false;
  }
  if (first === 0 || startsSentence(text, tokens, first)) return true;
  return !/^\p{Lu}\p{Ll}/u.test(tokens[first - 1]!.raw);
}

/** A cue written as a punctuation mark (":" or ";"): evidence that the text talks about the mark itself. */
export function isSymbolCue(cue: readonly string[]): boolean {
  return cue.length === 1 && cue[0]!.length > 0 && !/[\p{L}\p{N}]/u.test(cue[0]!);
}

/** How far (in characters) from the surface a quoted or bracketed mark counts: `colon (:)`, `":" (colon)`. */
const SYMBOL_REACH = 24;

/**
 * Whether `symbol` is quoted or bracketed near the surface spanning text[start, end): `colon (:)`,
 * `the ":" character`, `` a colon `:` ``. A mark merely used as punctuation ("Colon: normal") does not count.
 */
export function symbolNear(text: string, start: number, end: number, symbol: string): boolean {
  const from = Math.max(0, start - SYMBOL_REACH);
  const to = Math.min(text.length, end + SYMBOL_REACH);
  for (let at = text.indexOf(symbol, from); at >= 0 && at < to; at = text.indexOf(symbol, at + 1)) {
    const before = text[at - 1];
    const after = text[at + symbol.length];
    if (before !== undefined && after !== undefined && OPENERS.has(before) && CLOSERS.get(before)!.includes(after)) return true;
  }
  return false;
}

const OPENERS = new Set(['(', '[', '"', "'", '`', '\u201c', '\u2018', '\u00ab']);
const CLOSERS = new Map([
  ['(', ')'],
  ['[', ']'],
  ['"', '"'],
  ["'", "'"],
  ['`', '`'],
  ['\u201c', '\u201d'],
  ['\u2018', '\u2019'],
  ['\u00ab', '\u00bb'],
]);

// ---------------------------------------------------------------------------------------------
// Misspellings: which page words may be flagged at all, from the text around them.

/** Letters outside English's alphabet: a word written with them is another language's, never a misspelling. */
const FOREIGN_LETTER = /[^\x00-\x7f]/;
/** "LoveHopes", "iPhone": a capital inside a word is a name or a brand. */
const INNER_CAPITAL = /\p{Ll}\p{Lu}/u;
const SENTENCE_END = /[.!?:\u2022\n]/;

/**
 * Whether the token at `i` may be read as a misspelling, judging by how it is written: not a name
 * (capitalized in mid-sentence, or with an inner capital), not a word of another language (letters
 * English does not use). Its spelling is checked separately.
 */
export function mayBeMisspelled(text: string, tokens: Token[], i: number): boolean {
  const raw = tokens[i]!.raw;
  if (FOREIGN_LETTER.test(raw) || INNER_CAPITAL.test(raw)) return false;
  if (raw[0] === raw[0]!.toLowerCase()) return true;
  return startsSentence(text, tokens, i);
}

/** The first word of the text, or the first after a full stop, question mark, colon, bullet or line break. */
export function startsSentence(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  return SENTENCE_END.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start));
}
