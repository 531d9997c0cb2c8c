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

/** The save context of a match found in `run` (its page's text layer). */
export function readerContext(run: TextRun, match: PageMatch, page: { number: number; title: string; url?: string }): PageContext {
  const index = run.nodes.indexOf(match.startNode);
  const start = index < 0 ? 0 : run.starts[index]! + match.startOffset;
  const endIndex = run.nodes.indexOf(match.endNode, Math.max(0, index));
  const end = endIndex < 0 ? start + match.text.length : run.starts[endIndex]! + match.endOffset;
  return {
    written: match.text.slice(0, 200),
    sentence: sentenceAround(run.text, start, end).sentence,
    title: pageSource(page.number, page.title),
    url: page.url ?? '',
  };
}
