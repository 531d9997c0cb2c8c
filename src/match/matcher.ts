import { SURFACE_FLAGS, type TermIndex } from '../glossary/types';
import { toIndexReader, type TermIndexReader } from './index-reader';
import { normalizeToken } from './normalize';
import { tokenize, type Token } from './tokenize';
import { hasExtraPrefix, isMisspellingCandidate, isNearSpelling, SpellingTargets } from './misspell';

export type MatchKind = 'exact' | 'misspelling';

/** A glossary term found in a piece of text, by character offsets into that text. */
export interface TextMatch {
  start: number;
  end: number;
  /** Entry number in the term index. */
  entry: number;
  kind: MatchKind;
}

interface Candidate {
  entry: number;
  /** Tokens as an abbreviation must be written, joined by spaces; null when any case will do. */
  exactCase: string | null;
  /** Normalized context words, one of which must be near; null when the surface is unambiguous. */
  cues: string[][] | null;
  /** Normalized context words of the ordinary sense: near one of them, this is not the term. */
  unless: string[][] | null;
  /** A lay adult reads it without help: matched only when the reader asks for everyday words. */
  everyday: boolean;
}

export interface MatcherOptions {
  /** Also match surfaces a lay adult reads without help ("lung cancer", "bone pain"). Off by default. */
  includeEveryday?: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  terms: Candidate[] | undefined;
}

/** How far (in words) a context cue may stand from an ambiguous term. */
const CUE_WINDOW = 60;

/**
 * Finds glossary terms in text with a word-token trie: longest match wins, words compare
 * case-insensitively after normalization, abbreviations compare case-sensitively, ambiguous
 * surfaces need a context cue, and unknown words near a glossary word are flagged as misspellings.
 */
export class TermMatcher {
  /** The term index, read through a small API: the JSON index from compile, or the compact one a page ships. */
  readonly index: TermIndexReader;
  private readonly cueSets = new Map<number, { cues: string[][]; unless: string[][] | null }>();
  private readonly includeEveryday: boolean;
  /** Sub-tries by first word (null: no term starts with it). A word's sub-trie is built from the index
   * the first time a page uses it, so a page pays for the few terms it contains, not for the whole
   * glossary, and constructing a matcher costs nothing. */
  private readonly starts = new Map<string, TrieNode | null>();
  private spelling: SpellingIndex | undefined;

  constructor(index: TermIndex | TermIndexReader, options: MatcherOptions = {}) {
    this.index = toIndexReader(index);
    this.includeEveryday = options.includeEveryday ?? false;
  }

  private cueSet(n: number): { cues: string[][]; unless: string[][] | null } {
    let set = this.cueSets.get(n);
    if (!set) {
      const unless = this.index.unlessSet(n);
      set = { cues: this.index.cueSet(n).map((cue) => cue.split(' ')), unless: unless.length > 0 ? unless.map((cue) => cue.split(' ')) : null };
      this.cueSets.set(n, set);
    }
    return set;
  }

  /** The trie node after a term's first word, or undefined when no term starts with it. */
  private startNode(word: string): TrieNode | undefined {
    const found = this.starts.get(word); // one look-up for the many words a page repeats
    if (found !== undefined) return found ?? undefined;
    // Bounded: a page of endless unique words cannot grow it forever.
    if (this.starts.size >= 100_000) this.starts.clear();
    const rows = this.index.rowsStartingWith(word);
    if (!rows) {
      this.starts.set(word, null);
      return undefined;
    }
    const start: TrieNode = { next: undefined, terms: undefined };
    for (const [key, entry, exactCase, cueSet, flags] of rows) {
      let node = start;
      for (const token of key.split(' ').slice(1)) {
        node.next ??= new Map();
        let child = node.next.get(token);
        if (!child) {
          child = { next: undefined, terms: undefined };
          node.next.set(token, child);
        }
        node = child;
      }
      const cues = cueSet >= 0 ? this.cueSet(cueSet) : undefined;
      (node.terms ??= []).push({
        entry,
        exactCase,
        cues: cues?.cues ?? null,
        unless: cues?.unless ?? null,
        everyday: (flags & SURFACE_FLAGS.everyday) !== 0,
      });
    }
    this.starts.set(word, start);
    return start;
  }

  /** What misspelling detection needs, built the first time a page has a word worth checking. */
  private spellingIndex(): SpellingIndex {
    return (this.spelling ??= new SpellingIndex(this.index));
  }

  /** Every term in `text`, in order, never overlapping. */
  findInText(text: string): TextMatch[] {
    const tokens = tokenize(text);
    if (tokens.length === 0) return [];
    const keys = tokens.map((t) => normalizeToken(t.raw));
    const matches: TextMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const found = this.longestAt(tokens, keys, i) ?? this.misspellingAt(tokens, keys, i);
      if (found) {
        matches.push({ start: tokens[i]!.start, end: tokens[found.last]!.end, entry: found.entry, kind: found.kind });
        i = found.last + 1;
      } else {
        i++;
      }
    }
    return matches;
  }

  private longestAt(tokens: Token[], keys: string[], first: number): { last: number; entry: number; kind: MatchKind } | undefined {
    // Most words begin no glossary term: answer those before allocating anything (less GC on big pages).
    let node = this.startNode(keys[first]!);
    if (!node) return undefined;
    const ends: Array<{ last: number; terms: Candidate[] }> = [];
    if (node.terms) ends.push({ last: first, terms: node.terms });
    for (let i = first + 1; i < tokens.length && node.next; i++) {
      node = node.next.get(keys[i]!);
      if (!node) break;
      if (node.terms) ends.push({ last: i, terms: node.terms });
    }
    for (let k = ends.length - 1; k >= 0; k--) {
      const { last, terms } = ends[k]!;
      const entry = this.choose(terms, tokens, keys, first, last);
      if (entry !== undefined) return { last, entry, kind: 'exact' };
    }
    return undefined;
  }

  /** Picks the entry a surface means here: right case for abbreviations, most context cues for ambiguous ones. */
  private choose(terms: Candidate[], tokens: Token[], keys: string[], first: number, last: number): number | undefined {
    let best: number | undefined;
    let bestScore = 0;
    for (const term of terms) {
      // Skipped rather than matched-and-hidden, so a jargon term inside or around it still matches.
      if (term.everyday && !this.includeEveryday) continue;
      if (term.exactCase !== null && !sameCase(term.exactCase, tokens, first, last)) continue;
      if (term.unless && countCues(term.unless, keys, first, last) > 0) continue;
      const score = term.cues === null ? Infinity : countCues(term.cues, keys, first, last);
      if (score > bestScore) [best, bestScore] = [term.entry, score];
    }
    return best;
  }

  private misspellingAt(tokens: Token[], keys: string[], first: number): { last: number; entry: number; kind: MatchKind } | undefined {
    const single = this.misspelledWord(tokens[first]!.raw, keys[first]!);
    if (single !== undefined) return { last: first, entry: single, kind: 'misspelling' };
    return this.misspelledPhraseEnd(tokens, keys, first) ?? this.misspelledPhraseStart(tokens, keys, first);
  }

  /**
   * A known phrase whose first word is misspelled and the rest written exactly: "zolendronic acid".
   * Found by the end-to-end tests: before, only a misspelled last word of a phrase was caught. The
   * longest plain phrase wins; the same precision rules apply (an unknown word, never a near English word).
   */
  private misspelledPhraseStart(tokens: Token[], keys: string[], first: number) {
    if (first + 1 >= tokens.length || !this.isUnknownWord(tokens[first]!.raw, keys[first]!)) return undefined;
    const word = this.spellingIndex().phraseStartTargets.nearest(keys[first]!);
    let node: TrieNode | undefined = word === undefined ? undefined : this.startNode(word);
    let found: { last: number; entry: number; kind: MatchKind } | undefined;
    for (let i = first + 1; node?.next && i < tokens.length; i++) {
      node = node.next.get(keys[i]!);
      const plain = node?.terms?.find((t) => this.isPlain(t));
      if (plain) found = { last: i, entry: plain.entry, kind: 'misspelling' };
    }
    return found;
  }

  private misspelledWord(raw: string, key: string): number | undefined {
    if (!this.isUnknownWord(raw, key)) return undefined;
    const spelling = this.spellingIndex();
    const target = spelling.wordTargets.nearest(key);
    return target === undefined ? undefined : spelling.singleWordEntries.get(target);
  }

  /** A known phrase whose last word is misspelled: "alkaline photophosphatase". */
  private misspelledPhraseEnd(tokens: Token[], keys: string[], first: number) {
    let node: TrieNode | undefined = this.startNode(keys[first]!);
    for (let i = first + 1; node?.next && i < tokens.length; i++) {
      const next = node.next.get(keys[i]!);
      if (next) {
        node = next;
        continue;
      }
      if (!this.isUnknownWord(tokens[i]!.raw, keys[i]!)) return undefined;
      for (const [word, child] of node.next) {
        const plain = child.terms?.find((t) => this.isPlain(t));
        if (plain && (isNearSpelling(keys[i]!, word) || hasExtraPrefix(keys[i]!, word))) {
          return { last: i, entry: plain.entry, kind: 'misspelling' as const };
        }
      }
      return undefined;
    }
    return undefined;
  }

  /** A surface a misspelling may stand for: any case, no context needed, and shown at this setting. */
  private isPlain(term: Candidate): boolean {
    return term.exactCase === null && term.cues === null && (this.includeEveryday || !term.everyday);
  }

  private isUnknownWord(raw: string, key: string): boolean {
    if (!isMisspellingCandidate(raw, key)) return false;
    const spelling = this.spellingIndex();
    return !spelling.knownWords.has(key) && !spelling.nearWords.has(key);
  }
}

/** The glossary's words and likely-misspelling targets, read from the index's spelling data as needed. */
class SpellingIndex {
  readonly knownWords: { has(word: string): boolean };
  readonly nearWords: { has(word: string): boolean };
  readonly singleWordEntries: { get(word: string): number | undefined };
  readonly wordTargets: SpellingTargets;
  /** First words of plain multi-word terms, so a misspelled first word ("zolendronic acid") is caught too. */
  readonly phraseStartTargets: SpellingTargets;

  constructor(index: TermIndexReader) {
    this.knownWords = { has: (word) => index.isGlossaryWord(word) };
    this.nearWords = { has: (word) => index.isNearWord(word) };
    this.singleWordEntries = { get: (word) => index.singleWordEntry(word) };
    this.wordTargets = new RememberedTargets((prefix) => index.spellingTargets('single', prefix));
    this.phraseStartTargets = new RememberedTargets((prefix) => index.spellingTargets('phraseStart', prefix));
  }
}

function sameCase(exactCase: string, tokens: Token[], first: number, last: number): boolean {
  let written = tokens[first]!.raw;
  for (let i = first + 1; i <= last; i++) written += ' ' + tokens[i]!.raw;
  return written === exactCase;
}

function countCues(cues: string[][], keys: string[], first: number, last: number): number {
  const from = Math.max(0, first - CUE_WINDOW);
  const to = Math.min(keys.length, last + 1 + CUE_WINDOW);
  let hits = 0;
  for (const cue of cues) {
    for (let i = from; i < to; i++) {
      if (i >= first && i <= last) continue;
      if (cueAt(cue, keys, i)) {
        hits++;
        break;
      }
    }
  }
  return hits;
}

function cueAt(cue: string[], keys: string[], at: number): boolean {
  for (let k = 0; k < cue.length; k++) {
    const key = keys[at + k];
    if (key === undefined) return false;
    const word = cue[k]!;
    if (key !== word && key !== word + 's' && key !== word + 'es' && key.replace(/s$/, '') !== word) return false;
  }
  return true;
}

/**
 * Pages repeat their words, and the nearest-spelling search is the costliest step per unknown word
 * (letter counts against every target of similar length): each word's answer is kept per matcher.
 */
class RememberedTargets extends SpellingTargets {
  private readonly seen = new Map<string, string | undefined>();

  override nearest(word: string): string | undefined {
    if (this.seen.has(word)) return this.seen.get(word);
    if (this.seen.size >= 50_000) this.seen.clear(); // bounded: a page of endless unique words cannot grow it forever
    const target = super.nearest(word);
    this.seen.set(word, target);
    return target;
  }
}
