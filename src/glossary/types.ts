import type { Category } from './schema';

/** Bits of a surface row's flags. */
export const SURFACE_FLAGS = {
  /** A lay adult reads this surface without help: not underlined unless the reader asks for it. */
  everyday: 1,
} as const;

/**
 * One highlightable surface form in the compiled term index:
 * [normalized token key, entry number, exact-case tokens for abbreviations or null, cue set number or -1, flags].
 */
export type SurfaceRow = [key: string, entry: number, exactCase: string | null, cueSet: number, flags: number];

/** What the content script ships: enough to find and highlight terms, no definitions. */
export interface TermIndex {
  /** Entry number -> [id, headword]. */
  entries: Array<[id: string, headword: string]>;
  surfaces: SurfaceRow[];
  /** Context words (normalized) that make an ambiguous surface medical. */
  cueSets: string[][];
  /** Parallel to cueSets: context words that mean the ordinary sense (near one, the surface is not the term). */
  unlessSets: string[][];
  /** Ordinary English words close in spelling to a glossary word: never flagged as misspellings. */
  nearWords: string[];
  /** Derived at build time so a page does not pay for it: what misspelling detection compares with. */
  spelling: SpellingData;
  /** Entry number -> the words before its Roman-numeral surfaces ("stage" of "stage IV"); derived at build time. */
  stageWords?: Array<[entry: number, words: string[]]>;
}

export interface SpellingData {
  /** Every glossary word long enough to be misspelled (a page word equal to one is never a misspelling). */
  words: string[];
  /** Single-word surfaces that a misspelled word may mean, with their entry numbers. */
  singleWords: Array<[word: string, entry: number]>;
  /** First words of multi-word surfaces ("zoledronic" of "zoledronic acid"). */
  phraseStarts: string[];
}

/** What the popover shows for one entry; held by the background and asked for on demand. */
export interface Definition {
  id: string;
  headword: string;
  category: Category;
  categoryLabel: string;
  pronunciation?: string;
  definition: string;
  more?: string;
  aliases: string[];
  /** Short forms among the aliases (SRE), so the popover can say "short for". */
  abbreviations?: string[];
  /** Brand names among a medicine's aliases (Xgeva): the glossary writes them capitalized. */
  brands?: string[];
  related: Array<{ id: string; headword: string }>;
  url: string;
  searchOnly: boolean;
}
