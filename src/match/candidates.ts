import { normalizeToken } from './normalize';
import { tokenize } from './tokenize';

/**
 * The page gate's question, "could this text contain a glossary term?", answered from a compact
 * filter instead of the term index: the sorted 32-bit hashes of every normalized key that can begin
 * an exact match (src/glossary/gate-filter.ts builds it). A key is a single-word surface ("osteoclast",
 * "ct") or the first two words of a longer one ("bone marrow"). Hash collisions can only open the gate
 * for nothing; a text with a term always has one of these keys, so the gate never misses a term.
 */

/** FNV-1a over UTF-16 code units: the same number at build time and in the page. */
export function candidateHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class CandidateFilter {
  constructor(private readonly hashes: Uint32Array) {}

  /** The filter as the bundle carries it: base64 of the sorted hashes, little-endian. */
  static fromBase64(base64: string): CandidateFilter {
    const from = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
    let bytes: Uint8Array;
    if (from) bytes = from(base64);
    else {
      const binary = atob(base64);
      bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    }
    // A fresh buffer (aligned); little-endian everywhere Termlight runs.
    return new CandidateFilter(new Uint32Array(bytes.buffer, 0, bytes.byteLength >> 2));
  }

  get size(): number {
    return this.hashes.length;
  }

  has(key: string): boolean {
    const wanted = candidateHash(key);
    const hashes = this.hashes;
    let lo = 0;
    let hi = hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = hashes[mid]!;
      if (value === wanted) return true;
      if (value < wanted) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Whether `text` (one run of reading text, as the matcher reads it) has a word or word pair that may begin a term. */
  textHasCandidate(text: string): boolean {
    const tokens = tokenize(text);
    let previous = '';
    for (const token of tokens) {
      const key = normalizeToken(token.raw);
      if (this.has(key) || (previous !== '' && this.has(`${previous} ${key}`))) return true;
      previous = key;
    }
    return false;
  }
}

/** The filter keys of one compiled surface key: itself when it is one word, else its first two words. */
export function candidateKeyOf(surfaceKey: string): string {
  const first = surfaceKey.indexOf(' ');
  if (first < 0) return surfaceKey;
  const second = surfaceKey.indexOf(' ', first + 1);
  return second < 0 ? surfaceKey : surfaceKey.slice(0, second);
}
