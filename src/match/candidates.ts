import { normalizeToken } from './normalize';
import { tokenize } from './tokenize';

/**
 * The page gate's question, "could this run of text show a glossary term?", answered from a compact
 * filter instead of the term index: sorted 32-bit hashes of the keys that can begin an exact match
 * (src/glossary/gate-filter.ts builds it). A key is the first one, two or three words of a surface
 * ("osteoclast", "bone marrow", "end of life"), normalized as the matcher compares them, under a mark:
 * - PLAIN: the matcher takes it as it is;
 * - CASED: an abbreviation the matcher only takes in its exact case ("DOEs", never "does"), as written;
 * - CUED / CASED_CUED: a surface the matcher only takes with one of its context cues in the same run
 *   ("port" near "chemo"); such a run is a candidate only if it also has a CUE word (any entry's).
 * Hash collisions can only open the gate for nothing; a run in which the matcher finds a term that a
 * page can show always has what the gate looks for, so the gate never keeps out a term.
 */
export const MARK = { plain: '', cased: '=', cued: '?', casedCued: '?=', cue: '~' } as const;
export type Mark = (typeof MARK)[keyof typeof MARK];

/** Longest key, in words: three is enough to tell "end of life" from "end of the file". */
export const KEY_WORDS = 3;

const FNV_OFFSET = 0x811c9dc5;
/** A second offset basis gives a second, independent hash: its low byte checks a 32-bit hit. */
const FNV_OFFSET_CHECK = 0x050c5d1f;
const FNV_PRIME = 0x01000193;

function fnv(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash;
}

function fnvWords(basis: number, mark: Mark, first: string, second?: string, third?: string): number {
  let hash = fnv(fnv(basis, mark), first);
  if (second !== undefined) hash = fnv(Math.imul(hash ^ 32, FNV_PRIME), second);
  if (third !== undefined) hash = fnv(Math.imul(hash ^ 32, FNV_PRIME), third);
  return hash >>> 0;
}

/** FNV-1a of `mark` and the words joined by single spaces, without building the string (page words are many). */
export function candidateHash(mark: Mark, first: string, second?: string, third?: string): number {
  return fnvWords(FNV_OFFSET, mark, first, second, third);
}

/**
 * The check byte of a key. 32 bits alone would let one lookup in 120,000 through by chance, and a
 * long page makes tens of thousands of lookups; with the check byte (40 bits) it is one in 30 million.
 */
export function candidateCheck(mark: Mark, first: string, second?: string, third?: string): number {
  return fnvWords(FNV_OFFSET_CHECK, mark, first, second, third) & 0xff;
}

/** Bits of the quick-reject table: most page words are answered by one bit, not a binary search. */
const QUICK_BITS = 18;

export class CandidateFilter {
  private readonly quick = new Uint32Array(1 << (QUICK_BITS - 5));

  constructor(
    /** Sorted. */
    private readonly hashes: Uint32Array,
    /** Parallel to `hashes`: each key's check byte. */
    private readonly checks: Uint8Array,
  ) {
    for (const hash of hashes) {
      const bit = hash >>> (32 - QUICK_BITS);
      this.quick[bit >>> 5]! |= 1 << (bit & 31);
    }
  }

  /** The filter as the bundle carries it: base64 of the sorted hashes (little-endian), then their check bytes. */
  static fromBase64(base64: string): CandidateFilter {
    const native = Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array };
    let bytes: Uint8Array;
    if (typeof native.fromBase64 === 'function') bytes = native.fromBase64(base64);
    else {
      const binary = atob(base64);
      bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    }
    // A fresh buffer (aligned); little-endian everywhere Termlight runs.
    const count = bytes.byteLength / 5;
    return new CandidateFilter(new Uint32Array(bytes.buffer, 0, count), new Uint8Array(bytes.buffer, count * 4, count));
  }

  get size(): number {
    return this.hashes.length;
  }

  /** Whether the filter holds this key (words as the matcher compares them). */
  has(mark: Mark, first: string, second?: string, third?: string): boolean {
    const wanted = candidateHash(mark, first, second, third);
    const bit = wanted >>> (32 - QUICK_BITS);
    if ((this.quick[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
    const hashes = this.hashes;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = hashes[mid]!;
      if (value === wanted) return this.checked(mid, candidateCheck(mark, first, second, third));
      if (value < wanted) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Whether a key with this check byte is among the keys that share the hash at `at` (rarely more than one). */
  private checked(at: number, check: number): boolean {
    const hash = this.hashes[at]!;
    let first = at;
    while (first > 0 && this.hashes[first - 1] === hash) first--;
    for (let i = first; i < this.hashes.length && this.hashes[i] === hash; i++) if (this.checks[i] === check) return true;
    return false;
  }

  /** Whether `text` (one run of reading text, as the matcher reads it) may show a term. */
  textHasCandidate(text: string): boolean {
    return this.candidateIn(text) !== undefined;
  }

  /** The key that makes `text` a candidate ("mark:words"), or undefined. */
  candidateIn(text: string): string | undefined {
    const tokens = tokenize(text);
    const keys = tokens.map((t) => normalizeToken(t.raw));
    let cued: string | undefined;
    for (let i = 0; i < tokens.length; i++) {
      // Keys ending at word i: the word alone, with one word before it, with two.
      const k0 = keys[i]!;
      const k1 = i >= 1 ? keys[i - 1] : undefined;
      const k2 = i >= 2 ? keys[i - 2] : undefined;
      if (this.has(MARK.plain, k0)) return `:${k0}`;
      if (k1 !== undefined && this.has(MARK.plain, k1, k0)) return `:${k1} ${k0}`;
      if (k2 !== undefined && this.has(MARK.plain, k2, k1, k0)) return `:${k2} ${k1} ${k0}`;
      // Written words with capitals (or any folding) may be an exact-case abbreviation.
      const r0 = tokens[i]!.raw;
      const r1 = i >= 1 ? tokens[i - 1]!.raw : undefined;
      const r2 = i >= 2 ? tokens[i - 2]!.raw : undefined;
      const cased0 = k0 !== r0;
      const cased1 = cased0 || (r1 !== undefined && k1 !== r1);
      const cased2 = cased1 || (r2 !== undefined && k2 !== r2);
      if (cased0 && this.has(MARK.cased, r0)) return `=${r0}`;
      if (cased1 && r1 !== undefined && this.has(MARK.cased, r1, r0)) return `=${r1} ${r0}`;
      if (cased2 && r2 !== undefined && this.has(MARK.cased, r2, r1!, r0)) return `=${r2} ${r1} ${r0}`;
      if (cued !== undefined) continue;
      if (this.has(MARK.cued, k0)) cued = `?${k0}`;
      else if (k1 !== undefined && this.has(MARK.cued, k1, k0)) cued = `?${k1} ${k0}`;
      else if (k2 !== undefined && this.has(MARK.cued, k2, k1, k0)) cued = `?${k2} ${k1} ${k0}`;
      else if (cased0 && this.has(MARK.casedCued, r0)) cued = `?=${r0}`;
      else if (cased1 && r1 !== undefined && this.has(MARK.casedCued, r1, r0)) cued = `?=${r1} ${r0}`;
      else if (cased2 && r2 !== undefined && this.has(MARK.casedCued, r2, r1!, r0)) cued = `?=${r2} ${r1} ${r0}`;
    }
    return cued !== undefined && keys.some((key) => this.isCueWord(key)) ? cued : undefined;
  }

  /** A word that may be (the first word of) a context cue, with the plurals the matcher accepts (cueAt). */
  private isCueWord(key: string): boolean {
    if (this.has(MARK.cue, key)) return true;
    if (key.endsWith('s') && this.has(MARK.cue, key.slice(0, -1))) return true;
    return key.endsWith('es') && this.has(MARK.cue, key.slice(0, -2));
  }
}

/** The first KEY_WORDS words of a surface key or an exact-case form (words joined by single spaces). */
export function candidateWords(surface: string): [string, string?, string?] {
  return surface.split(' ').slice(0, KEY_WORDS) as [string, string?, string?];
}
