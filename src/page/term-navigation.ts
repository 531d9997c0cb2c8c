/**
 * Term to term: which highlighted term comes next or before in page order, and where a reader is
 * reading. Pure over a list already in page order, so the rules are unit-tested without a page.
 */

export type Direction = 'next' | 'previous';

/**
 * The term after (or before) `current` in `ordered`, wrapping around at the ends as the side panel's
 * "next occurrence" does. `compare` places a term that is no longer in the list (it was hidden or
 * rescanned meanwhile) where it was. Undefined when there are no terms.
 */
export function stepFrom<T>(ordered: readonly T[], current: T | undefined, direction: Direction, compare: (a: T, b: T) => number): { item: T; wrapped: boolean } | undefined {
  if (ordered.length === 0) return undefined;
  if (current === undefined) return { item: direction === 'next' ? ordered[0]! : ordered[ordered.length - 1]!, wrapped: false };
  if (direction === 'next') {
    const after = firstIndexWhere(ordered, (item) => compare(item, current) > 0);
    return after < ordered.length ? { item: ordered[after]!, wrapped: false } : { item: ordered[0]!, wrapped: true };
  }
  const atOrAfter = firstIndexWhere(ordered, (item) => compare(item, current) >= 0);
  return atOrAfter > 0 ? { item: ordered[atOrAfter - 1]!, wrapped: false } : { item: ordered[ordered.length - 1]!, wrapped: true };
}

/**
 * Binary search: the first index whose item satisfies `isAtOrAfter`, for a predicate that is false
 * and then true along the list (page order against a reading position); `ordered.length` when none does.
 */
export function firstIndexWhere<T>(ordered: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAtOrAfter(ordered[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * The first term to explain from the reading position: the first at or after `isAtOrAfter` (after the
 * selection or focus, or at the top of the viewport), else the first of the page (the reader is past
 * the last term: start again from the top).
 */
export function firstFromPosition<T>(ordered: readonly T[], isAtOrAfter: (item: T) => boolean): T | undefined {
  const index = firstIndexWhere(ordered, isAtOrAfter);
  return ordered[index] ?? ordered[0];
}
