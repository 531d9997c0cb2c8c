import type { TextRun } from '../page/collect';
import type { PageMatch } from '../page/scan';

/**
 * The hook for the notebook (issue 10, not on main yet): what saving a term from the reader records.
 * The notebook's save action should ask the reader for this instead of reading the web page's URL:
 * the sentence the term is in, and "page N of <title>" as the source.
 */
export interface ReaderSaveContext {
  sentence: string;
  source: string;
  /** The document's address when it was opened by address (a local file has none). */
  url?: string;
}

const MAX_SENTENCE = 300;

/** The sentence around [start, end) in a page's text (line ends already read as spaces), at most MAX_SENTENCE characters. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !/[.!?]\s/.test(text.slice(from - 2, from))) from--;
  let to = end;
  while (to < text.length && !/[.!?]/.test(text[to - 1] ?? '')) to++;
  const sentence = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return sentence.length <= MAX_SENTENCE ? sentence : `${sentence.slice(0, MAX_SENTENCE - 1)}…`;
}

export function pageSource(pageNumber: number, title: string): string {
  return `page ${pageNumber} of ${title}`;
}

/** The save context of a match found in `run` (its page's text layer). */
export function saveContext(run: TextRun, match: PageMatch, pageNumber: number, title: string, url?: string): ReaderSaveContext {
  const index = run.nodes.indexOf(match.startNode);
  const start = index < 0 ? 0 : run.starts[index]! + match.startOffset;
  return { sentence: sentenceAround(run.text, start, start + match.text.length), source: pageSource(pageNumber, title), ...(url ? { url } : {}) };
}
