import { pageKey } from './merge';
import { sentenceParts, shortDate, type ExportItem } from './export-common';
import type { NotebookContext, NotebookEntry } from './schema';

/** Escapes what Markdown (CommonMark, Obsidian) would read as formatting or links in plain text. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>#|~=]|^[-+>]|^\d+\.)/gm, '\\$1').replace(/\r?\n/g, ' ');
}

function linkTarget(url: string): string {
  return `<${url.replace(/[<>\s]/g, encodeURIComponent)}>`;
}

function quote(context: NotebookContext, headword: string): string {
  const { before, term, after } = sentenceParts(context, headword);
  return `> ${escapeMarkdown(before)}${term ? `**${escapeMarkdown(term)}**` : ''}${escapeMarkdown(after)}`;
}

function source(context: NotebookContext): string {
  const title = escapeMarkdown(context.title || context.url);
  return context.url ? `[${title}](${linkTarget(context.url)}), ${shortDate(context.savedAt)}` : `${title}, ${shortDate(context.savedAt)}`;
}

const tagLine = (entry: NotebookEntry) => (entry.tags.length > 0 ? `Tags: ${entry.tags.map((t) => `#${t}`).join(' ')}` : '');

/**
 * Markdown for Obsidian and similar: one section per term (its definition, every context quoted
 * with the term in bold, its source, the note and tags), or one section per page.
 */
export function toMarkdown(items: readonly ExportItem[], options: { by: 'term' | 'page'; title: string }): string {
  const out: string[] = [`# ${escapeMarkdown(options.title)}`, ''];
  if (options.by === 'term') {
    for (const { entry, definition } of items) {
      out.push(`## ${escapeMarkdown(entry.headword)}`, '');
      if (definition) out.push(`${escapeMarkdown(definition.definition)}${definition.pronunciation ? ` *(${escapeMarkdown(definition.pronunciation)})*` : ''}`, '');
      for (const context of entry.contexts) {
        if (context.sentence) out.push(quote(context, entry.headword), '');
        out.push(`Source: ${source(context)}`, '');
      }
      if (entry.note) out.push(`Note: ${escapeMarkdown(entry.note)}`, '');
      const tags = tagLine(entry);
      if (tags) out.push(tags, '');
      if (definition) out.push(`Learn more: ${linkTarget(definition.url)}`, '');
    }
    return out.join('\n');
  }
  const pages = new Map<string, { title: string; url: string; rows: Array<{ item: ExportItem; context: NotebookContext }> }>();
  const unplaced: ExportItem[] = [];
  for (const item of items) {
    if (item.entry.contexts.length === 0) unplaced.push(item);
    for (const context of item.entry.contexts) {
      const key = pageKey(context.url);
      const page = pages.get(key) ?? { title: context.title || context.url, url: context.url, rows: [] };
      page.rows.push({ item, context });
      pages.set(key, page);
    }
  }
  for (const page of pages.values()) {
    out.push(`## ${escapeMarkdown(page.title)}`, '', linkTarget(page.url), '');
    for (const { item, context } of page.rows) {
      out.push(`### ${escapeMarkdown(item.entry.headword)}`, '');
      if (item.definition) out.push(escapeMarkdown(item.definition.definition), '');
      if (context.sentence) out.push(quote(context, item.entry.headword), '');
      if (item.entry.note) out.push(`Note: ${escapeMarkdown(item.entry.note)}`, '');
    }
  }
  if (unplaced.length > 0) {
    out.push('## Saved without a page', '');
    for (const { entry, definition } of unplaced) {
      out.push(`### ${escapeMarkdown(entry.headword)}`, '');
      if (definition) out.push(escapeMarkdown(definition.definition), '');
      if (entry.note) out.push(`Note: ${escapeMarkdown(entry.note)}`, '');
    }
  }
  return out.join('\n');
}
