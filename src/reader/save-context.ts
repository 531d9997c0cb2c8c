import { sentenceAround } from '../notebook/sentence';
import type { TextRun } from '../page/collect';
import type { PageContext } from '../page/page-context';
import type { PageMatch } from '../page/scan';

/**
 * What saving a term from the reader records in the notebook: the sentence the term is in (read from
 * its page's text layer, line ends as spaces, with the notebook's own sentence rule), "page N of
 * <title>" as the source, and an address that reopens the reader at that page (none for a local file,
 * which only the reader's user can open again).
 */

/** How many characters of a document title the source keeps (the notebook's title limit is 300). */
const MAX_TITLE = 280;

export function pageSource(pageNumber: number, title: string): string {
  return `page ${pageNumber} of ${title.trim().slice(0, MAX_TITLE)}`;
}

/**
 * The reader's address for one page of a document opened by address: `reader.html?src=<url>#page=N`
 * (the fragment PDF viewers use for a page). `readerPage` is the reader page's own address.
 */
export function readerPageUrl(readerPage: string, documentUrl: string, pageNumber: number): string {
  const base = readerPage.split(/[?#]/)[0]!;
  return `${base}?src=${encodeURIComponent(documentUrl)}#page=${pageNumber}`;
}

/** The page a reader address asks for (`#page=N`), if any. */
export function pageFromHash(hash: string): number | undefined {
  const match = /(?:^#|&)page=(\d{1,6})(?:&|$)/.exec(hash);
  const page = match ? Number(match[1]) : NaN;
  return Number.isInteger(page) && page >= 1 ? page : undefined;
}

/** Where a term was met on a page of the document: its sentence in the page's text, and the page as the source. */
function contextAt(run: TextRun, start: number, end: number, written: string, page: { number: number; title: string; url?: string }): PageContext {
  return {
    written: written.slice(0, 200),
    sentence: sentenceAround(run.text, start, end).sentence,
    title: pageSource(page.number, page.title),
    url: page.url ?? '',
  };
}

/** The save context of a match found in `run` (its page's text layer). */
export function readerContext(run: TextRun, match: PageMatch, page: { number: number; title: string; url?: string }): PageContext {
  const index = run.nodes.indexOf(match.startNode);
  const start = index < 0 ? 0 : run.starts[index]! + match.startOffset;
  const endIndex = run.nodes.indexOf(match.endNode, Math.max(0, index));
  const end = endIndex < 0 ? start + match.text.length : run.starts[endIndex]! + match.endOffset;
  return contextAt(run, start, end, match.text, page);
}

/**
 * The save context of a selection in `run` (the keyboard path, Alt+Shift+E): the same sentence rule
 * and "page N of <title>" source as a match's. Without a range (a context menu's selected text), the
 * page's first use of the words is taken.
 */
export function readerSelectionContext(run: TextRun, range: Range | undefined, written: string, page: { number: number; title: string; url?: string }): PageContext {
  const index = range ? run.nodes.indexOf(range.startContainer as Text) : -1;
  let start = index < 0 ? run.text.toLowerCase().indexOf(written.toLowerCase()) : run.starts[index]! + range!.startOffset;
  if (start < 0) start = 0;
  return contextAt(run, start, start + written.length, written, page);
}
