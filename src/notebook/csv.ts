import Papa from 'papaparse';
import { sentenceParts, shortDate, type ExportItem } from './export-common';

/** A byte-order mark: spreadsheet programs (Excel above all) then read the file as UTF-8 and show accents. */
export const BOM = '\uFEFF';

export const CSV_COLUMNS = ['Term', 'Written on the page', 'Definition', 'Pronunciation', 'Context', 'Page title', 'Page URL', 'Saved', 'Note', 'Tags', 'Learn more'] as const;

/**
 * RFC 4180 CSV (quoting by papaparse, CRLF line ends), one row per saved context: a spreadsheet can
 * then sort and filter by page. A term saved without a page (from the popup's search) has one row
 * with the page columns empty.
 */
export function toCsv(items: readonly ExportItem[]): string {
  const rows: string[][] = [];
  for (const { entry, definition } of items) {
    const base = [entry.headword];
    const tail = (savedAt: string) => [shortDate(savedAt), entry.note, entry.tags.join(', '), definition?.url ?? ''];
    const contexts = entry.contexts.length > 0 ? entry.contexts : [undefined];
    for (const context of contexts) {
      const parts = context ? sentenceParts(context, entry.headword) : undefined;
      rows.push([
        ...base,
        context?.written ?? '',
        definition?.definition ?? '',
        definition?.pronunciation ?? '',
        parts ? `${parts.before}${parts.term}${parts.after}` : '',
        context?.title ?? '',
        context?.url ?? '',
        ...tail(context?.savedAt ?? entry.createdAt),
      ]);
    }
  }
  return BOM + Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false, escapeFormulae: true });
}
