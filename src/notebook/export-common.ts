import type { Definition } from '../glossary/types';
import type { NotebookContext, NotebookEntry } from './schema';
import { findTerm } from './sentence';

/** What an exporter needs for one term: the saved entry and, when the glossary still has it, its definition. */
export interface ExportItem {
  entry: NotebookEntry;
  definition?: Definition;
}

export type DefinitionLookup = (entryId: string) => Definition | undefined;

export const exportItems = (entries: readonly NotebookEntry[], lookup: DefinitionLookup): ExportItem[] =>
  entries.map((entry) => {
    const definition = lookup(entry.entryId);
    return definition ? { entry, definition } : { entry };
  });

/** Splits a sentence around the term (the page's spelling of it, else the headword), for bolding. */
export function sentenceParts(context: NotebookContext, headword: string): { before: string; term: string; after: string } {
  const at = findTerm(context.sentence, context.written, headword);
  if (!at) return { before: context.sentence, term: '', after: '' };
  return { before: context.sentence.slice(0, at.start), term: context.sentence.slice(at.start, at.end), after: context.sentence.slice(at.end) };
}

/** The file name of an export: what it holds and the date, e.g. termlight-notebook-2026-12-03.csv. */
export function exportFileName(what: string, extension: string, date: Date): string {
  const slug =
    what
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'notebook';
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return `termlight-${slug}-${day}.${extension}`;
}

/** A calendar date as readers write it ("3 Dec 2026"), in UTC-independent local time. */
/**
 * One formatter per style, made on first use: toLocaleDateString with options builds a new formatter
 * on every call (about 0.2 ms each), which made every render of the notebook's cards a long task.
 */
const dateFormats = new Map<boolean, Intl.DateTimeFormat>();

export function shortDate(iso: string, withYear = true): string {
  let format = dateFormats.get(withYear);
  if (!format) dateFormats.set(withYear, (format = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) })));
  return format.format(new Date(iso));
}
