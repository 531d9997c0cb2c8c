import { browser } from 'wxt/browser';
import type { Definition } from '../../glossary/types';
import { toAnki } from '../../notebook/anki';
import { toCsv } from '../../notebook/csv';
import { exportFileName, exportItems } from '../../notebook/export-common';
import { toJson } from '../../notebook/json';
import { toMarkdown } from '../../notebook/markdown';
import type { NotebookEntry } from '../../notebook/schema';
import { downloadText } from './download';

export type ExportFormat = 'anki' | 'csv' | 'markdown' | 'markdown-pages' | 'json';

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  anki: 'Anki (.txt)',
  csv: 'CSV (spreadsheet)',
  markdown: 'Markdown by term',
  'markdown-pages': 'Markdown by page',
  json: 'JSON backup',
};

/** Writes entries in a format and downloads the file, named after `what` and today's date. */
export function exportEntries(format: ExportFormat, entries: readonly NotebookEntry[], definitions: ReadonlyMap<string, Definition>, what: string): string {
  const now = new Date();
  const items = exportItems(entries, (id) => definitions.get(id));
  const [text, extension, type] =
    format === 'anki'
      ? [toAnki(items), 'txt', 'text/plain']
      : format === 'csv'
        ? [toCsv(items), 'csv', 'text/csv']
        : format === 'markdown' || format === 'markdown-pages'
          ? [toMarkdown(items, { by: format === 'markdown' ? 'term' : 'page', title: `Termlight: ${what}` }), 'md', 'text/markdown']
          : [toJson(entries, now), 'json', 'application/json'];
  const name = exportFileName(format === 'anki' ? `${what} anki` : format === 'markdown-pages' ? `${what} by page` : what, extension, now);
  downloadText(name, text, type);
  return name;
}

/** What the study sheet shows: saved entries or a page's terms (the notebook store's entry shape). */
export interface StudySheetData {
  title: string;
  subtitle: string;
  entries: NotebookEntry[];
}

/** Opens the print-friendly study sheet in a tab; its data waits in session storage (it never leaves the browser). */
export async function openStudySheet(data: StudySheetData): Promise<void> {
  const key = `study-sheet:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  await browser.storage.session.set({ [key]: data });
  await browser.tabs.create({ url: browser.runtime.getURL(`/study.html?sheet=${encodeURIComponent(key)}` as '/study.html') });
}
