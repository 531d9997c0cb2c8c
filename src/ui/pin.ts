/**
 * Where a pinned popover docks: a corner of the viewport that does not cover the term it explains.
 * Pure (boxes in, box out), so the choice is unit-tested without a browser.
 */

export type Corner = 'bottom-right' | 'top-right' | 'bottom-left' | 'top-left';
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Tried in this order: the bottom right is where a reader's eye least often is while reading on. */
const CORNERS: readonly Corner[] = ['bottom-right', 'top-right', 'bottom-left', 'top-left'];
export const DOCK_MARGIN = 8;

export function cornerBox(corner: Corner, size: { width: number; height: number }, viewport: { width: number; height: number }, margin = DOCK_MARGIN): Box {
  const left = corner.endsWith('left') ? margin : Math.max(margin, viewport.width - margin - size.width);
  const top = corner.startsWith('top') ? margin : Math.max(margin, viewport.height - margin - size.height);
  return { left, top, right: left + size.width, bottom: top + size.height };
}

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * The corner to dock to. The current corner is kept while it still leaves the term clear, so the
 * popover does not jump about as the reader scrolls; a term off screen (undefined) covers nothing.
 * When every corner would cover the term, the one covering the least of it wins.
 */
export function dockCorner(
  term: Box | undefined,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  current?: Corner,
): Corner {
  const order = current ? [current, ...CORNERS.filter((c) => c !== current)] : CORNERS;
  if (!term) return order[0]!;
  const clear = order.find((corner) => !overlaps(cornerBox(corner, size, viewport), term));
  if (clear) return clear;
  const covered = (corner: Corner) => {
    const box = cornerBox(corner, size, viewport);
    return Math.max(0, Math.min(box.right, term.right) - Math.max(box.left, term.left)) * Math.max(0, Math.min(box.bottom, term.bottom) - Math.max(box.top, term.top));
  };
  return [...order].sort((a, b) => covered(a) - covered(b))[0]!;
}
