import { candidateHash, candidateKeyOf } from '../match/candidates';
import type { TermIndex } from './types';

/**
 * Build time: the page gate's candidate filter (src/match/candidates.ts) from the compiled term index.
 * Every surface row counts, whatever the matcher later decides about it (ambiguous surfaces that need
 * cues, abbreviations that need their exact case, everyday surfaces a setting turns on): the gate only
 * decides whether the main script is worth starting, and the main script decides the evidence.
 */
export function gateFilterHashes(index: Pick<TermIndex, 'surfaces'>): Uint32Array {
  const hashes = new Set<number>();
  for (const [key] of index.surfaces) hashes.add(candidateHash(candidateKeyOf(key)));
  return Uint32Array.from([...hashes].sort((a, b) => a - b));
}

/** The filter as the gate's bundle carries it: base64 of the sorted hashes, little-endian. */
export function encodeGateFilter(index: Pick<TermIndex, 'surfaces'>): string {
  const hashes = gateFilterHashes(index);
  const bytes = new Uint8Array(hashes.length * 4);
  const view = new DataView(bytes.buffer);
  hashes.forEach((hash, i) => view.setUint32(i * 4, hash, true));
  return Buffer.from(bytes).toString('base64');
}
