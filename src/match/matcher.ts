import type { TermIndex } from '../glossary/types';
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
  private readonly root: TrieNode = { next: new Map(), terms: undefined };
  private readonly knownWords = new Set<string>();
  private readonly nearWords: ReadonlySet<string>;
  private readonly spellingTargets: SpellingTargets;
  private readonly singleWordEntries = new Map<string, number>();
  /** First words of plain multi-word terms, so a misspelled first word ("zolendronic acid") is caught too. */
  private readonly phraseStartTargets: SpellingTargets;

  constructor(readonly index: TermIndex) {
    const cueSets = index.cueSets.map((set) => set.map((cue) => cue.split(' ')));
    const phraseStarts = new Set<string>();
    for (const [key, entry, exactCase, cueSet] of index.surfaces) {
      const tokens = key.split(' ');
      for (const token of tokens) this.knownWords.add(token);
      const node = this.insert(tokens);
      (node.terms ??= []).push({ entry, exactCase, cues: cueSet >= 0 ? cueSets[cueSet]! : null });
      if (tokens.length === 1 && exactCase === null && cueSet < 0 && !this.singleWordEntries.has(key)) {
        this.singleWordEntries.set(key, entry);
      }
      if (tokens.length > 1 && exactCase === null && cueSet < 0) phraseStarts.add(tokens[0]!);
    }
    this.nearWords = new Set(index.nearWords);
    this.spellingTargets = new RememberedTargets(this.singleWordEntries.keys());
    this.phraseStartTargets = new RememberedTargets(phraseStarts);
  }

  private insert(tokens: string[]): TrieNode {
    let node = this.root;
    for (const token of tokens) {
      node.next ??= new Map();
      let child = node.next.get(token);
      if (!child) {
        child = { next: undefined, terms: undefined };
        node.next.set(token, child);
      }
      node = child;
    }
    return node;
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
    if (!this.root.next?.has(keys[first]!)) return undefined;
    const ends: Array<{ last: number; terms: Candidate[] }> = [];
    let node: TrieNode | undefined = this.root;
    for (let i = first; i < tokens.length && node?.next; i++) {
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
      if (term.exactCase !== null && !sameCase(term.exactCase, tokens, first, last)) continue;
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
    const word = this.phraseStartTargets.nearest(keys[first]!);
    let node: TrieNode | undefined = word === undefined ? undefined : this.root.next?.get(word);
    let found: { last: number; entry: number; kind: MatchKind } | undefined;
    for (let i = first + 1; node?.next && i < tokens.length; i++) {
      node = node.next.get(keys[i]!);
      const plain = node?.terms?.find((t) => t.exactCase === null && t.cues === null);
      if (plain) found = { last: i, entry: plain.entry, kind: 'misspelling' };
    }
    return found;
  }

  private misspelledWord(raw: string, key: string): number | undefined {
    if (!this.isUnknownWord(raw, key)) return undefined;
    const target = this.spellingTargets.nearest(key);
    return target === undefined ? undefined : this.singleWordEntries.get(target);
  }

  /** A known phrase whose last word is misspelled: "alkaline photophosphatase". */
  private misspelledPhraseEnd(tokens: Token[], keys: string[], first: number) {
    let node: TrieNode | undefined = this.root.next?.get(keys[first]!);
    for (let i = first + 1; node?.next && i < tokens.length; i++) {
      const next = node.next.get(keys[i]!);
      if (next) {
        node = next;
        continue;
      }
      if (!this.isUnknownWord(tokens[i]!.raw, keys[i]!)) return undefined;
      for (const [word, child] of node.next) {
        const plain = child.terms?.find((t) => t.exactCase === null && t.cues === null);
        if (plain && (isNearSpelling(keys[i]!, word) || hasExtraPrefix(keys[i]!, word))) {
          return { last: i, entry: plain.entry, kind: 'misspelling' as const };
        }
      }
      return undefined;
    }
    return undefined;
  }

  private isUnknownWord(raw: string, key: string): boolean {
    return isMisspellingCandidate(raw, key) && !this.knownWords.has(key) && !this.nearWords.has(key);
  }

  /** Every normalized word the glossary uses, for the build's list of near English words. */
  glossaryWords(): ReadonlySet<string> {
    return this.knownWords;
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
