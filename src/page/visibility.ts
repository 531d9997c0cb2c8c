import type { Settings } from '../settings/schema';
import type { PageMatch } from './scan';

/**
 * Which matches the reader sees: only those the page supports (`shows`: an abbreviation's expansion or
 * a page about health may arrive later), never a term they marked as known, and, in "first" mode, only
 * the first occurrence of each term in document order.
 */
export function visibleMatches(
  all: Iterable<PageMatch>,
  knownEntries: ReadonlySet<number>,
  mode: Settings['highlightMode'],
  shows: (match: PageMatch) => boolean = () => true,
): Set<PageMatch> {
  if (mode === 'all') {
    const visible = new Set<PageMatch>();
    for (const match of all) if (!knownEntries.has(match.entry) && shows(match)) visible.add(match);
    return visible;
  }
  const first = new Map<number, PageMatch>();
  for (const match of all) {
    if (knownEntries.has(match.entry) || !shows(match)) continue;
    const current = first.get(match.entry);
    if (!current || comesBefore(match, current)) first.set(match.entry, match);
  }
  return new Set(first.values());
}

function comesBefore(a: PageMatch, b: PageMatch): boolean {
  if (a.startNode === b.startNode) return a.startOffset < b.startOffset;
  return (a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}
