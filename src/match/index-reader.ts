import type { SurfaceRow, TermIndex } from '../glossary/types';
import { MIN_MISSPELLING_LENGTH } from './misspell';

/** Which spelling targets a misspelling search compares with. */
export type SpellingTargetKind = 'single' | 'phraseStart';

/**
 * What the matcher and the page read from a term index. Two implementations: the JSON TermIndex
 * from compile (CLI, tests) and the compact index the content script ships (index-format.ts), which
 * decodes only what a page asks for. Words are normalized tokens (normalizeToken).
 */
export interface TermIndexReader {
  readonly entryCount: number;
  /** Optional: prepares what matching reads (the compact index inflates its sections natively). */
  ready?(): Promise<void>;
  /**
   * Optional: whether misspelling checks can run now (the content script's compact index brings the
   * near-English words only when a page needs them). Absent means always.
   */
  misspellingsReady?(): boolean;
  /** Optional: brings what misspelling checks read; resolves once misspellingsReady() is true. */
  prepareMisspellings?(): Promise<void>;
  /** Entry number -> [id, headword]. */
  entry(n: number): readonly [id: string, headword: string];
  entryNumber(id: string): number | undefined;
  /** The surface rows whose key's first word is `word`, in index order for each key; undefined when none. */
  rowsStartingWith(word: string): readonly SurfaceRow[] | undefined;
  /** Context words (normalized, each possibly several words joined by spaces) of cue set `n`. */
  cueSet(n: number): readonly string[];
  /** The ordinary-sense words parallel to cue set `n`. */
  unlessSet(n: number): readonly string[];
  /** A glossary word long enough to be misspelled (spelling.words). */
  isGlossaryWord(word: string): boolean;
  /** An ordinary English word close in spelling to a glossary word (nearWords). */
  isNearWord(word: string): boolean;
  /** The entry a single-word spelling target stands for (spelling.singleWords). */
  singleWordEntry(word: string): number | undefined;
  /** The spelling targets of one kind that start with these two letters. */
  spellingTargets(kind: SpellingTargetKind, firstTwoLetters: string): readonly string[];
  /** The words that make a bare Roman numeral mean this entry (stageWords). */
  stageWordsOf(entry: number): ReadonlySet<string>;
}

export function isTermIndexReader(index: TermIndex | TermIndexReader): index is TermIndexReader {
  return typeof (index as TermIndexReader).rowsStartingWith === 'function';
}

/** A reader over the JSON TermIndex (maps built once, up front: for the CLI and tests, not for pages). */
export function jsonIndexReader(index: TermIndex): TermIndexReader {
  const byFirstWord = new Map<string, SurfaceRow[]>();
  for (const row of index.surfaces) {
    const space = row[0].indexOf(' ');
    const first = space < 0 ? row[0] : row[0].slice(0, space);
    const rows = byFirstWord.get(first);
    if (rows) rows.push(row);
    else byFirstWord.set(first, [row]);
  }
  const ids = new Map(index.entries.map(([id], n) => [id, n]));
  const known = new Set(index.spelling.words);
  const near = new Set(index.nearWords);
  const single = new Map(index.spelling.singleWords);
  const byPrefix = (words: Iterable<string>) => {
    const buckets = new Map<string, string[]>();
    for (const word of words) {
      const list = buckets.get(word.slice(0, 2));
      if (list) list.push(word);
      else buckets.set(word.slice(0, 2), [word]);
    }
    return buckets;
  };
  const targets = { single: byPrefix(single.keys()), phraseStart: byPrefix(index.spelling.phraseStarts) };
  const stageWords = stageWordsByEntry(index.stageWords);
  return {
    entryCount: index.entries.length,
    entry: (n) => index.entries[n]!,
    entryNumber: (id) => ids.get(id),
    rowsStartingWith: (word) => byFirstWord.get(word),
    cueSet: (n) => index.cueSets[n] ?? [],
    unlessSet: (n) => index.unlessSets?.[n] ?? [],
    isGlossaryWord: (word) => word.length >= MIN_MISSPELLING_LENGTH && known.has(word),
    isNearWord: (word) => near.has(word),
    singleWordEntry: (word) => single.get(word),
    spellingTargets: (kind, firstTwoLetters) => targets[kind].get(firstTwoLetters) ?? [],
    stageWordsOf: (entry) => stageWords.get(entry) ?? NO_WORDS,
  };
}

const NO_WORDS: ReadonlySet<string> = new Set();

export function stageWordsByEntry(rows: TermIndex['stageWords']): Map<number, ReadonlySet<string>> {
  return new Map((rows ?? []).map(([entry, words]) => [entry, new Set(words)]));
}

export function toIndexReader(index: TermIndex | TermIndexReader): TermIndexReader {
  return isTermIndexReader(index) ? index : jsonIndexReader(index);
}
