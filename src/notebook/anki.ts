import { sourceName } from '../ui/DefinitionCard';
import { sentenceParts, type ExportItem } from './export-common';

/**
 * Anki's text import (manual: "Importing > Text Files", file headers from Anki 2.1.54). The file is
 * UTF-8, starts with `#key:value` header lines, then one note per line with tab-separated fields.
 * Fields are HTML (`#html:true`), so every field is HTML-escaped (& < > and both quotes: a double
 * quote could open a CSV-quoted field) and newlines become <br>; tabs inside notes become &#9;; our
 * own links quote their href with single quotes. A field can then never hold the separator, a double
 * quote or a line break, and no note line starts with `#` (the GUID comes first), which Anki would
 * take for a comment.
 */
export const ANKI_COLUMNS = ['GUID', 'Front', 'Back', 'Tags'] as const;
export const ANKI_DECK = 'Termlight';
/** Every Anki collection has the "Basic" note type; #columns names its fields, so Anki maps Front and Back by name. */
export const ANKI_NOTETYPE = 'Basic';

export function ankiGuid(entryId: string): string {
  // Stable per glossary entry: re-importing an updated export updates the same notes.
  return `termlight-${entryId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

export function escapeAnkiHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\t/g, '&#9;')
    .replace(/\r\n|\r|\n/g, '<br>');
}

/** Anki tags are separated by spaces: a tag cannot hold one. */
export function ankiTag(tag: string): string {
  return tag.trim().replace(/\s+/g, '_').replace(/"/g, '');
}

export function toAnki(items: readonly ExportItem[]): string {
  const headers = [
    '#separator:tab',
    '#html:true',
    `#notetype:${ANKI_NOTETYPE}`,
    `#deck:${ANKI_DECK}`,
    `#columns:${ANKI_COLUMNS.join('\t')}`,
    `#guid column:${ANKI_COLUMNS.indexOf('GUID') + 1}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
  ];
  const lines = items.map(({ entry, definition }) => {
    const front = escapeAnkiHtml(entry.headword);
    const back: string[] = [];
    if (definition?.pronunciation) back.push(`<i>${escapeAnkiHtml(definition.pronunciation)}</i>`);
    if (definition) back.push(escapeAnkiHtml(definition.definition));
    for (const context of entry.contexts) {
      const { before, term, after } = sentenceParts(context, entry.headword);
      if (context.sentence) back.push(`“${escapeAnkiHtml(before)}${term ? `<b>${escapeAnkiHtml(term)}</b>` : ''}${escapeAnkiHtml(after)}”`);
      const title = escapeAnkiHtml(context.title || context.url);
      if (context.url) back.push(`Source: <a href='${escapeAnkiHtml(context.url)}'>${title}</a>`);
    }
    if (entry.note) back.push(`Note: ${escapeAnkiHtml(entry.note)}`);
    if (definition) back.push(`Learn more: <a href='${escapeAnkiHtml(definition.url)}'>${escapeAnkiHtml(sourceName(definition.url))}</a>`);
    const tags = ['termlight', ...entry.tags.map(ankiTag)].filter(Boolean).join(' ');
    return [ankiGuid(entry.entryId), front, back.join('<br><br>'), escapeAnkiHtml(tags)].join('\t');
  });
  return `${[...headers, ...lines].join('\n')}\n`;
}
