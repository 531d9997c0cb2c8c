import type { PageMatch } from './scan';

interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;

/** The text position under a point: caretPositionFromPoint where supported, caretRangeFromPoint otherwise. */
export function caretAt(doc: Document, x: number, y: number): CaretPoint | undefined {
  const withPosition = doc as Document & { caretPositionFromPoint?: CaretPositionFromPoint };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    let position = withPosition.caretPositionFromPoint(x, y);
    // Over a web component the caret lands beside its host: caretPositionFromPoint only enters the
    // shadow roots it is given, so ask again with the open ones under the point (terms in them are
    // highlighted, so they must open a popover too). Plain text never pays for the extra hit test.
    if (position && position.offsetNode.nodeType !== Node.TEXT_NODE) {
      const shadowRoots = openShadowRootsAt(doc, x, y);
      if (shadowRoots.length > 0) position = withPosition.caretPositionFromPoint(x, y, { shadowRoots }) ?? position;
    }
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The open shadow roots the point falls in, outermost first (nested web components included). */
function openShadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let element = doc.elementFromPoint(x, y);
  while (element?.shadowRoot && roots.length < 32) {
    roots.push(element.shadowRoot);
    const inner = element.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === element) break;
    element = inner;
  }
  return roots;
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
