/**
 * Misspelling nearness, shared by the build (which lists the ordinary English words that come near
 * a glossary word, so they are never flagged) and the page matcher (which flags an unknown word
 * near a glossary word). Precision beats recall: one edit for words up to 8 letters, two beyond,
 * same first letter, and a long enough word.
 */
export const MIN_MISSPELLING_LENGTH = 6;
/** Bump when the nearness rules change: the build's cached list of near English words depends on them. */
export const NEARNESS_RULES_VERSION = 2;

export function maxEdits(target: string): number {
  return target.length >= 9 ? 2 : 1;
}

/** Whether `word` (normalized, lower case) is plausibly a misspelling of `target`. */
export function isNearSpelling(word: string, target: string): boolean {
  if (word === target || word[0] !== target[0] || word[1] !== target[1]) return false;
  const limit = maxEdits(target);
  if (Math.abs(word.length - target.length) > limit) return false;
  return boundedEditDistance(word, target, limit) <= limit;
}

/** A glued-on prefix inside a known phrase: "alkaline photophosphatase" for "alkaline phosphatase". */
export function hasExtraPrefix(word: string, target: string): boolean {
  return target.length >= 8 && word.length > target.length && word.length - target.length <= 6 && word.endsWith(target);
}

// Reused rows: the distance runs for every unknown long word on a page, so it must not allocate.
const MAX_WORD = 64;
let rowA = new Int32Array(MAX_WORD + 1);
let rowB = new Int32Array(MAX_WORD + 1);
let rowC = new Int32Array(MAX_WORD + 1);

/** Optimal-string-alignment distance (adjacent swaps count once), giving up past `limit`. */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (n > MAX_WORD || m > MAX_WORD) return limit + 1;
  let prevPrev = rowA;
  let prev = rowB;
  let current = rowC;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) value = Math.min(value, prevPrev[j - 2]! + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    const recycled = prevPrev;
    prevPrev = prev;
    prev = current;
    current = recycled;
  }
  const result = prev[m]!;
  [rowA, rowB, rowC] = [prevPrev, prev, current];
  return result;
}

function letterCounts(word: string): Int8Array {
  const counts = new Int8Array(26);
  for (let i = 0; i < word.length; i++) counts[word.charCodeAt(i) - 97]!++;
  return counts;
}

/** Bag distance: never more than the edit distance, and far cheaper to compute. */
function letterDistance(a: Int8Array, b: Int8Array): number {
  let more = 0;
  let fewer = 0;
  for (let i = 0; i < 26; i++) {
    const d = a[i]! - b[i]!;
    if (d > 0) more += d;
    else fewer -= d;
  }
  return Math.max(more, fewer);
}

/** Whether a page word may be looked at as a misspelling at all. */
export function isMisspellingCandidate(raw: string, normalized: string): boolean {
  return normalized.length >= MIN_MISSPELLING_LENGTH && LOWER_LETTERS.test(normalized) && HAS_LOWER_CASE.test(raw);
}

const LOWER_LETTERS = /^[a-z]+$/;
// An all-capitals word is an acronym or a shouted heading, never checked as a misspelling.
const HAS_LOWER_CASE = /\p{Ll}/u;

/** The targets that start with two given letters (a term index reads them on demand). */
export type TargetsByPrefix = (firstTwoLetters: string) => Iterable<string>;

/** Glossary words grouped by first two letters and length, for quick nearest-spelling look-ups. */
export class SpellingTargets {
  private readonly buckets = new Map<string, string[]>();
  /** Letter counts per bucket, computed when a page first needs that bucket. */
  private readonly counts = new Map<string, Int8Array[]>();
  /** Two-letter prefixes whose targets are in `buckets` already (all of them when built from a list). */
  private readonly loaded = new Set<string>();
  private readonly byPrefix: TargetsByPrefix | undefined;

  constructor(words: Iterable<string> | TargetsByPrefix) {
    if (typeof words === 'function') this.byPrefix = words;
    else this.add(words);
  }

  private add(words: Iterable<string>): void {
    for (const word of words) {
      if (word.length < MIN_MISSPELLING_LENGTH || !/^[a-z]+$/.test(word)) continue;
      const key = word.slice(0, 2) + word.length;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(word);
      else this.buckets.set(key, [word]);
    }
  }

  /** Targets whose length and letter counts leave room for a near spelling (a cheap lower bound). */
  private *candidates(word: string): Generator<string> {
    const letters = letterCounts(word);
    const prefix = word.slice(0, 2);
    if (this.byPrefix && !this.loaded.has(prefix)) {
      this.loaded.add(prefix);
      this.add(this.byPrefix(prefix));
    }
    for (let length = word.length - 2; length <= word.length + 2; length++) {
      const key = prefix + length;
      const bucket = this.buckets.get(key);
      if (!bucket) continue;
      let counts = this.counts.get(key);
      if (!counts) {
        counts = bucket.map(letterCounts);
        this.counts.set(key, counts);
      }
      for (let i = 0; i < bucket.length; i++) {
        if (letterDistance(letters, counts[i]!) <= maxEdits(bucket[i]!)) yield bucket[i]!;
      }
    }
  }

  /** The glossary word `word` most plausibly misspells, if any (the fewest edits wins). */
  nearest(word: string): string | undefined {
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const target of this.candidates(word)) {
      if (word === target || Math.abs(word.length - target.length) > maxEdits(target)) continue;
      const distance = boundedEditDistance(word, target, maxEdits(target));
      if (distance <= maxEdits(target) && distance < bestDistance) [best, bestDistance] = [target, distance];
    }
    return best;
  }
}

type Row = readonly [string, number, string | null, number, number];

/**
 * What misspelling detection compares with, derived from the term index's surfaces at build time.
 * `isWordTarget` says which single-word surfaces a misspelled word may stand for (a word a reader
 * could have meant); every glossary word still counts as correctly spelled.
 */
export function deriveSpellingData(surfaces: ReadonlyArray<Row>, isWordTarget: (row: Row) => boolean = () => true) {
  const words = new Set<string>();
  const singleWords = new Map<string, number>();
  const phraseStarts = new Set<string>();
  for (const row of surfaces) {
    const [key, entry, exactCase, cueSet] = row;
    const tokens = key.split(' ');
    for (const token of tokens) if (token.length >= MIN_MISSPELLING_LENGTH) words.add(token);
    const plain = exactCase === null && cueSet < 0;
    if (tokens.length === 1 && plain && !singleWords.has(key) && isWordTarget(row)) singleWords.set(key, entry);
    if (tokens.length > 1 && plain) phraseStarts.add(tokens[0]!);
  }
  // Sorted, like the other lists: ties in the nearest-spelling search then do not depend on glossary order.
  const sortedSingle = [...singleWords].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { words: [...words].sort(), singleWords: sortedSingle, phraseStarts: [...phraseStarts].sort() };
}
