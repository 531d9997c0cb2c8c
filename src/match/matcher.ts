import { SURFACE_FLAGS, type TermIndex } from '../glossary/types';
import { toIndexReader, type TermIndexReader } from './index-reader';
import { normalizeToken } from './normalize';
import { tokenize, type Token } from './tokenize';
import { hasExtraPrefix, isMisspellingCandidate, isNearSpelling, SpellingTargets } from './misspell';
import { isRomanNumeral, isShortAbbreviation, isSymbolCue, mayBeMisspelled, numeralFits, symbolNear, type EvidenceSink, type Need } from './evidence';

export type MatchKind = 'exact' | 'misspelling';

/** A glossary term found in a piece of text, by character offsets into that text. */
export interface TextMatch {
  start: number;
  end: number;
  /** Entry number in the term index. */
  entry: number;
  kind: MatchKind;
  /** Shown only when the page supports it (src/page/page-evidence.ts); absent: shown as found. */
  needs?: Need;
  /** An abbreviation with two or more medical senses and no context to pick one: every sense, `entry` first. */
  senses?: number[];
}

/** The entry a surface means here, and what it still needs from the page. */
interface Chosen {
  entry: number;
  needs?: Need;
  senses?: number[];
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

/** How one text is read. */
export interface FindOptions {
  /**
   * Look for misspellings too (default). They are shown only on a page about health, and checking
   * every unknown long word is most of the cost of reading a page without terms, so a page's reading
   * turns this off until its health signal is on and reads the skipped runs again then.
   */
  misspellings?: boolean;
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
  /** The text being matched and where its evidence goes, for the duration of one findInText call. */
  private text = '';
  private sink: EvidenceSink | undefined;

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
      // The key's words after the first, read in place (no array per row: a page's first use of a
      // common word builds hundreds of rows).
      for (let from = key.indexOf(' ') + 1; from > 0; ) {
        const space = key.indexOf(' ', from);
        const token = space < 0 ? key.slice(from) : key.slice(from, space);
        from = space + 1;
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

  /**
   * Every term in `text`, in order, never overlapping. Matches that need the page's support say so
   * (`needs`); what the text shows of the page's subject (terms read, words read) goes to `sink`.
   */
  findInText(text: string, sink?: EvidenceSink, options: FindOptions = {}): TextMatch[] {
    const misspellings = options.misspellings ?? true;
    const tokens = tokenize(text);
    if (tokens.length === 0) {
      sink?.words(0);
      return [];
    }
    this.text = text;
    this.sink = sink;
    const keys = tokens.map((t) => normalizeToken(t.raw));
    sink?.words(tokens.length, tokens);
    const matches: TextMatch[] = [];
    let unchecked = false;
    try {
      for (let i = 0; i < tokens.length; ) {
        let found: ({ last: number; kind: MatchKind } & Chosen) | undefined = this.longestAt(tokens, keys, i);
        if (!found) {
          if (misspellings) found = this.misspellingAt(tokens, keys, i);
          // Every kind of misspelling has an unknown long word in it, and such a word never belongs
          // to an exact match, so the loop stops at it: noticing it here is enough.
          else if (!unchecked && isMisspellingCandidate(tokens[i]!.raw, keys[i]!)) unchecked = true;
        }
        if (found) {
          const match: TextMatch = { start: tokens[i]!.start, end: tokens[found.last]!.end, entry: found.entry, kind: found.kind };
          const needs = found.kind === 'misspelling' ? 'health' : found.needs;
          if (needs) match.needs = needs;
          if (found.senses) match.senses = found.senses;
          matches.push(match);
          i = found.last + 1;
        } else {
          i++;
        }
      }
      if (unchecked) sink?.misspellingsUnchecked?.();
    } finally {
      this.text = '';
      this.sink = undefined;
    }
    return matches;
  }

  private longestAt(tokens: Token[], keys: string[], first: number): ({ last: number; kind: MatchKind } & Chosen) | undefined {
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
      const chosen = this.choose(terms, tokens, keys, first, last);
      if (chosen !== undefined) return { last, kind: 'exact', ...chosen };
    }
    return undefined;
  }

  /**
   * Picks the entry a surface means here: right case for abbreviations, most context cues for
   * ambiguous ones, never one whose ordinary sense the context shows. A short abbreviation with no
   * cue of its own near is kept, marked as needing the page's support: the page decides later.
   */
  private choose(terms: Candidate[], tokens: Token[], keys: string[], first: number, last: number): Chosen | undefined {
    let best: Candidate | undefined;
    let bestScore = 0;
    let uncued: Candidate[] | undefined;
    let everydaySeen: number[] | undefined;
    for (const term of terms) {
      if (term.exactCase !== null && !sameCase(term.exactCase, tokens, first, last)) continue;
      if (this.ordinarySense(term, tokens, keys, first, last)) continue;
      const score = term.cues === null ? Infinity : countCues(term.cues, keys, first, last);
      // Skipped rather than matched-and-hidden, so a jargon term inside or around it still matches.
      if (term.everyday && !this.includeEveryday) {
        if (score > 0 && term.exactCase === null) (everydaySeen ??= []).push(term.entry);
        continue;
      }
      if (score > bestScore) [best, bestScore] = [term, score];
      else if (score === 0 && term.exactCase !== null) (uncued ??= []).push(term);
    }
    if (everydaySeen) for (const entry of everydaySeen) this.sink?.term(entry, false);
    if (best) {
      if (best.exactCase === null || !isShortAbbreviation(best.exactCase)) {
        this.sink?.term(best.entry, best.exactCase === null && best.cues === null);
        return { entry: best.entry };
      }
      // A short abbreviation: its own cues near are evidence enough; without cues the page decides.
      return best.cues === null ? { entry: best.entry, needs: 'support' } : { entry: best.entry };
    }
    // Two or more medical senses of one abbreviation and no cue for any: the page's support picks
    // one (an expansion) or shows them all (a page about health).
    if (uncued && uncued.length > 1) {
      const senses = [...new Set(uncued.map((t) => t.entry))];
      if (senses.length > 1) return { entry: senses[0]!, needs: 'support', senses };
    }
    return undefined;
  }

  /**
   * The context shows the surface's ordinary sense: an ordinary-sense cue nearer than any medical cue,
   * a punctuation mark it names quoted near it ("colon (:)"), or a Roman numeral that is a number here.
   */
  private ordinarySense(term: Candidate, tokens: Token[], keys: string[], first: number, last: number): boolean {
    if (term.unless) {
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      if (term.unless.some((cue) => isSymbolCue(cue) && symbolNear(this.text, start, end, cue[0]!))) return true;
      // Only an ordinary-sense cue that is actually near counts (no cue of either kind decides nothing).
      const ordinary = nearestCue(term.unless, keys, first, last);
      if (ordinary !== Infinity && ordinary <= nearestCue(term.cues ?? [], keys, first, last)) return true;
    }
    if (term.exactCase !== null && first === last && isRomanNumeral(term.exactCase)) {
      return !numeralFits(this.index.stageWordsOf(term.entry), this.text, tokens, keys, first);
    }
    return false;
  }

  private misspellingAt(tokens: Token[], keys: string[], first: number): { last: number; entry: number; kind: MatchKind } | undefined {
    const single = this.misspelledWord(tokens, keys, first);
    if (single !== undefined) return { last: first, entry: single, kind: 'misspelling' };
    return this.misspelledPhraseEnd(tokens, keys, first) ?? this.misspelledPhraseStart(tokens, keys, first);
  }

  /**
   * A known phrase whose first word is misspelled and the rest written exactly: "zolendronic acid".
   * Found by the end-to-end tests: before, only a misspelled last word of a phrase was caught. The
   * longest plain phrase wins; the same precision rules apply (an unknown word, never a near English word).
   */
  private misspelledPhraseStart(tokens: Token[], keys: string[], first: number) {
    if (first + 1 >= tokens.length || !this.isUnknownWordAt(tokens, keys, first)) return undefined;
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

  private misspelledWord(tokens: Token[], keys: string[], i: number): number | undefined {
    if (!this.isUnknownWordAt(tokens, keys, i)) return undefined;
    const spelling = this.spellingIndex();
    const target = spelling.wordTargets.nearest(keys[i]!);
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
      if (!this.isUnknownWordAt(tokens, keys, i)) return undefined;
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

  /** A word that may be a misspelling: written like one (src/match/evidence.ts) and in no word list the build knows. */
  private isUnknownWordAt(tokens: Token[], keys: string[], i: number): boolean {
    const raw = tokens[i]!.raw;
    const key = keys[i]!;
    if (!isMisspellingCandidate(raw, key) || !mayBeMisspelled(this.text, tokens, i)) return false;
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

/** Word distance from the surface to the nearest of `cues` within the window; Infinity when none is near. */
function nearestCue(cues: string[][], keys: string[], first: number, last: number): number {
  let nearest = Infinity;
  const from = Math.max(0, first - CUE_WINDOW);
  const to = Math.min(keys.length, last + 1 + CUE_WINDOW);
  for (const cue of cues) {
    for (let i = from; i < to; i++) {
      if (i >= first && i <= last) continue;
      const distance = i < first ? first - i : i - last;
      if (distance < nearest && cueAt(cue, keys, i)) nearest = distance;
    }
  }
  return nearest;
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
