import Fuse from 'fuse.js';
import { boundedEditDistance } from '../match/misspell';
import type { Definition } from './types';

const CANDIDATES = 30;

/**
 * Typo-tolerant search over headwords and aliases ("osteoclsat" finds osteoclast, "zometa" finds
 * zoledronic acid). fuse.js finds candidates; they are then ordered by how few edits turn the query
 * into a name or the start of one, because fuse's score alone ranks a long near-miss
 * ("osteoblastic") above a swapped letter ("osteoclast").
 */
export function createSearch(definitions: Definition[], options: { threshold?: number } = {}): (query: string, limit?: number) => Definition[] {
  const fuse = new Fuse(definitions, {
    keys: [
      { name: 'headword', weight: 3 },
      { name: 'aliases', weight: 2 },
    ],
    threshold: options.threshold ?? 0.4,
    ignoreLocation: true,
    minMatchCharLength: 2,
    includeScore: true,
  });
  return (query, limit = 8) => {
    const q = query.trim().toLowerCase();
    if (q.length === 0) return [];
    return fuse
      .search(q, { limit: CANDIDATES })
      .map((result, rank) => ({ item: result.item, edits: nameDistance(q, result.item), rank }))
      .sort((a, b) => a.edits - b.edits || a.rank - b.rank)
      .slice(0, limit)
      .map((r) => r.item);
  };
}

function nameDistance(query: string, definition: Definition): number {
  let best = Infinity;
  for (const name of [definition.headword, ...definition.aliases]) {
    const lower = name.toLowerCase();
    const limit = Math.max(lower.length, query.length);
    const whole = boundedEditDistance(query, lower, limit);
    const prefix = lower.length > query.length ? boundedEditDistance(query, lower.slice(0, query.length), limit) : whole;
    best = Math.min(best, whole, prefix + 0.5);
  }
  return best;
}
