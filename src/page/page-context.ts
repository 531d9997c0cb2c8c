import { sentenceAround } from '../notebook/sentence';
import { collectRuns, isInlineElement } from './collect';
import type { PageMatch } from './scan';

/** Where a term was met, as the notebook keeps it. */
export interface PageContext {
  written: string;
  sentence: string;
  title: string;
  url: string;
}

/** The page's title and address (without the #fragment, which is only a position on the page). */
export function pageIdentity(): { title: string; url: string } {
  const url = location.href.split('#')[0]!;
  return { title: (document.title || location.hostname).trim().slice(0, 300), url: url.slice(0, 2048) };
}

/**
 * The sentence a match sits in. Reads the text of the match's block with the same collector the scan
 * used (so offsets agree, inline elements included), only when the reader saves: never on hover.
 */
export function matchSentence(match: PageMatch, ownHostName: string): string {
  let block = match.startNode.parentElement;
  while (block && isInlineElement(block) && block.parentElement) block = block.parentElement;
  if (!block) return match.text;
  for (const run of collectRuns(block, { ownHostName, shadowRoots: false })) {
    const startIndex = run.nodes.indexOf(match.startNode);
    if (startIndex < 0) continue;
    const endIndex = run.nodes.indexOf(match.endNode, startIndex);
    const start = run.starts[startIndex]! + match.startOffset;
    const end = endIndex >= 0 ? run.starts[endIndex]! + match.endOffset : start + match.text.length;
    return sentenceAround(run.text, start, end).sentence;
  }
  return match.text;
}

export function matchContext(match: PageMatch, ownHostName: string): PageContext {
  return { written: match.text.slice(0, 200), sentence: matchSentence(match, ownHostName), ...pageIdentity() };
}

/** Document order of two matches. */
export function compareMatches(a: PageMatch, b: PageMatch): number {
  if (a === b) return 0;
  if (a.startNode === b.startNode) return a.startOffset - b.startOffset;
  return a.startNode.compareDocumentPosition(b.startNode) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
