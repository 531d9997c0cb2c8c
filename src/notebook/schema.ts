import { z } from 'zod';

/** The version of one stored notebook record; older records are migrated on read (see migrations.ts). */
export const RECORD_VERSION = 1;

/** Limits keep one runaway record (or a hostile import) from filling the storage area. */
export const LIMITS = { sentence: 600, written: 200, title: 300, url: 2048, note: 5000, tag: 40, tags: 30, contexts: 200 } as const;

const isoDate = z.iso.datetime({ offset: true });

/** Where a term was met: the page's own spelling of it, the sentence around it, and the page. */
export const ContextSchema = z.strictObject({
  /** Stable within the entry: derived from the page and the sentence, so the same context is never stored twice. */
  id: z.string().min(1).max(64),
  /** The term as written on the page (a misspelling keeps the page's word). */
  written: z.string().max(LIMITS.written),
  sentence: z.string().max(LIMITS.sentence),
  title: z.string().max(LIMITS.title),
  url: z.string().max(LIMITS.url),
  savedAt: isoDate,
});

/** One notebook card: one glossary term, with every context it was saved from. */
export const EntrySchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  entryId: z.string().min(1).max(100),
  headword: z.string().min(1).max(200),
  contexts: z.array(ContextSchema).max(LIMITS.contexts),
  note: z.string().max(LIMITS.note),
  tags: z.array(z.string().min(1).max(LIMITS.tag)).max(LIMITS.tags),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export type NotebookContext = z.infer<typeof ContextSchema>;
export type NotebookEntry = z.infer<typeof EntrySchema>;

/** What a save carries: a term and, when saved from a page, where it was met. */
export const SaveInputSchema = z.strictObject({
  entryId: z.string().min(1).max(100),
  headword: z.string().min(1).max(200),
  context: z
    .strictObject({
      written: z.string().max(LIMITS.written),
      sentence: z.string().max(LIMITS.sentence),
      title: z.string().max(LIMITS.title),
      url: z.string().max(LIMITS.url),
    })
    .optional(),
  note: z.string().max(LIMITS.note).optional(),
  tags: z.array(z.string().max(LIMITS.tag)).max(LIMITS.tags).optional(),
});

export type SaveInput = z.infer<typeof SaveInputSchema>;

/** Storage key of an entry's record: one key per term, so saving one term never rewrites another. */
export const ENTRY_KEY_PREFIX = 'notebook:entry:';
export const entryKey = (entryId: string) => `${ENTRY_KEY_PREFIX}${entryId}`;
export const isEntryKey = (key: string) => key.startsWith(ENTRY_KEY_PREFIX);

/** Tags are single words for Anki and Obsidian: trimmed, inner spaces become hyphens, no '#' or commas, unique. */
export function normalizeTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const tag = raw
      .trim()
      .replace(/^#+/, '')
      .replace(/[\s,]+/g, '-')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, LIMITS.tag);
    if (tag && !out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  }
  return out.slice(0, LIMITS.tags);
}

/** Splits what a reader types in a tags box ("bone, to ask doctor") into tags. */
export function parseTagInput(text: string): string[] {
  return normalizeTags(text.split(','));
}
