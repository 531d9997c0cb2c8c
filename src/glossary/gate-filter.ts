import { candidateCheck, candidateHash, candidateWords, MARK, type Mark } from '../match/candidates';
import { isShortAbbreviation } from '../match/evidence';
import type { TermIndex } from './types';

/**
 * Build time: the page gate's candidate filter (src/match/candidates.ts) from the compiled term index.
 * It keeps every surface a page can show on the strength of its own run, under the rules the matcher
 * never bends, so that it stays small in what it lets through:
 * - an exact-case surface with a capital is kept as written ("DOEs" is not "does");
 * - a surface with context cues needs a cue word in its run (without one the matcher skips it, or, for
 *   an abbreviation of several senses, leaves it to the page's support, as below);
 * - a short abbreviation without cues is left out: it is shown only with the page's support (its
 *   expansion, or a page about health), and both are made of other surfaces that are in the filter.
 * Everyday surfaces are in it (a setting turns them on, and the gate does not read settings).
 */
export function gateFilterKeys(index: Pick<TermIndex, 'surfaces' | 'cueSets'>): Array<{ hash: number; check: number }> {
  const keys = new Map<string, { hash: number; check: number }>();
  const add = (mark: Mark, words: string) => {
    const key = candidateWords(words);
    const hash = candidateHash(mark, ...key);
    const check = candidateCheck(mark, ...key);
    keys.set(`${hash}:${check}`, { hash, check });
  };
  for (const [key, , exactCase, cueSet] of index.surfaces) {
    const cued = cueSet >= 0 && index.cueSets[cueSet]!.every(isWords);
    if (exactCase !== null && !cued && isShortAbbreviation(exactCase)) continue;
    const written = exactCase === null ? '' : candidateWords(exactCase).join(' ');
    const cased = written !== written.toLowerCase();
    if (cased) add(cued ? MARK.casedCued : MARK.cased, exactCase!);
    else add(cued ? MARK.cued : MARK.plain, key);
  }
  for (const cues of index.cueSets) for (const cue of cues) if (isWords(cue)) add(MARK.cue, cue.split(' ')[0]!);
  return [...keys.values()].sort((a, b) => a.hash - b.hash || a.check - b.check);
}

/** A cue the gate can look for as words: a cue that is only punctuation (":") is not one. */
function isWords(cue: string): boolean {
  return /^[\p{L}\p{N}]+(?: [\p{L}\p{N}]+)*$/u.test(cue);
}

/** The filter as the gate's bundle carries it: base64 of the sorted hashes (little-endian), then their check bytes. */
export function encodeGateFilter(index: Pick<TermIndex, 'surfaces' | 'cueSets'>): string {
  const keys = gateFilterKeys(index);
  const bytes = new Uint8Array(keys.length * 5);
  const view = new DataView(bytes.buffer);
  keys.forEach(({ hash, check }, i) => {
    view.setUint32(i * 4, hash, true);
    bytes[keys.length * 4 + i] = check;
  });
  return Buffer.from(bytes).toString('base64');
}
