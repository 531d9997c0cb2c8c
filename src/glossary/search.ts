import Fuse from 'fuse.js';
import type { Definition } from './types';

/** Typo-tolerant search over headwords and aliases ("osteoclsat" finds osteoclast, "zometa" finds zoledronic acid). */
export function createSearch(definitions: Definition[]): (query: string, limit?: number) => Definition[] {
  const fuse = new Fuse(definitions, {
    keys: [
      { name: 'headword', weight: 3 },
      { name: 'aliases', weight: 2 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  return (query, limit = 8) => {
    const q = query.trim();
    if (q.length === 0) return [];
    return fuse.search(q, { limit }).map((r) => r.item);
  };
}
