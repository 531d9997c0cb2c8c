import type { PageMatch } from './scan';

interface CaretPoint {
  node: Node;
  offset: number;
}

/** The text position under a point: caretPositionFromPoint where supported, caretRangeFromPoint otherwise. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | undefined {
  const withPosition = doc as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    const position = withPosition.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** Whether the point lies inside one of the match's rendered boxes (never "near" it on empty space). */
export function pointInMatch(match: PageMatch, x: number, y: number, slop = 1): boolean {
  const range = document.createRange();
  range.setStart(match.startNode, match.startOffset);
  range.setEnd(match.endNode, match.endOffset);
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - slop && x <= rect.right + slop && y >= rect.top - slop && y <= rect.bottom + slop) return true;
  }
  return false;
}

/** The visible match under the pointer, using Termlight's own index and confirming with client rects. */
export function matchAtPoint(
  doc: Document,
  x: number,
  y: number,
  matchesAt: (node: Text) => readonly PageMatch[],
  isVisible: (match: PageMatch) => boolean,
): PageMatch | undefined {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const match of matchesAt(caret.node as Text)) {
    if (isVisible(match) && pointInMatch(match, x, y)) return match;
  }
  return undefined;
}
