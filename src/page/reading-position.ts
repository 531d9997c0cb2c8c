import type { PageMatch } from './scan';

/** Where the reader is on the page, and bringing a term into view: the DOM side of term-navigation.ts. */

export function matchRange(match: PageMatch): Range {
  const range = document.createRange();
  range.setStart(match.startNode, match.startOffset);
  range.setEnd(match.endNode, match.endOffset);
  return range;
}

/** Brings a term to the middle of the viewport when it is not comfortably inside it already. */
export function scrollMatchIntoView(match: PageMatch): void {
  match.startNode.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  const rect = matchRange(match).getBoundingClientRect();
  const margin = Math.min(80, window.innerHeight / 4);
  if (rect.top < margin || rect.bottom > window.innerHeight - margin) window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: 'instant' });
}

/**
 * Whether a term is at or after where the reader is: from a selection or caret on screen (a term it
 * is inside counts), else after the focused element on screen, else at or below the top of the
 * viewport. False then true along page order.
 */
export function readingPosition(): (match: PageMatch) => boolean {
  const selection = window.getSelection();
  const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
  const onScreen = (rect: DOMRect) => rect.bottom > 0 && rect.top < window.innerHeight;
  const rangeBox = range && (range.collapsed ? range.startContainer.parentElement?.getBoundingClientRect() : range.getBoundingClientRect());
  if (range && rangeBox && onScreen(rangeBox) && range.startContainer !== document.body) {
    const start = document.createRange();
    start.setStart(range.startContainer, range.startOffset);
    return (m) => start.comparePoint(m.endNode, m.endOffset) > 0;
  }
  const focused = document.activeElement;
  if (focused instanceof Element && focused !== document.body && focused !== document.documentElement && onScreen(focused.getBoundingClientRect())) {
    return (m) => (focused.compareDocumentPosition(m.startNode) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }
  return (m) => matchRange(m).getBoundingClientRect().bottom > 0;
}
