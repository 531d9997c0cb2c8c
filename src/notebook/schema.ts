// zod/mini, not classic zod: the content script bundles these schemas (via messages.ts), and the
// classic API is not tree-shaken (about 60 KB more in every frame of every page).
import { z } from 'zod/mini';

/** The version of one stored notebook record; older records are migrated on read (see migrations.ts). */
export const RECORD_VERSION = 1;

/** Limits keep one runaway record (or a hostile import) from filling the storage area. */
export const LIMITS = { sentence: 600, written: 200, title: 300, url: 2048, note: 5000, tag: 40, tags: 30, contexts: 200 } as const;

const isoDate = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().check(z.maxLength(max));
const nonEmpty = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

/** Where a term was met: the page's own spelling of it, the sentence around it, and the page. */
export const ContextSchema = z.strictObject({
  /** Stable within the entry: derived from the page and the sentence, so the same context is never stored twice. */
  id: nonEmpty(64),
  /** The term as written on the page (a misspelling keeps the page's word). */
  written: text(LIMITS.written),
  sentence: text(LIMITS.sentence),
  title: text(LIMITS.title),
  url: text(LIMITS.url),
  savedAt: isoDate,
});

/** One notebook card: one glossary term, with every context it was saved from. */
export const EntrySchema = z.strictObject({
  v: z.literal(RECORD_VERSION),
  entryId: nonEmpty(100),
  headword: nonEmpty(200),
  contexts: z.array(ContextSchema).check(z.maxLength(LIMITS.contexts)),
  note: text(LIMITS.note),
  tags: z.array(nonEmpty(LIMITS.tag)).check(z.maxLength(LIMITS.tags)),
  createdAt: isoDate,
  updatedAt: isoDate,
});

export type NotebookContext = z.infer<typeof ContextSchema>;
export type NotebookEntry = z.infer<typeof EntrySchema>;

/** What a save carries: a term and, when saved from a page, where it was met. */
export const SaveInputSchema = z.strictObject({
  entryId: nonEmpty(100),
  headword: nonEmpty(200),
  context: z.optional(
    z.strictObject({
      written: text(LIMITS.written),
      sentence: text(LIMITS.sentence),
      title: text(LIMITS.title),
      url: text(LIMITS.url),
    }),
  ),
  note: z.optional(text(LIMITS.note)),
  tags: z.optional(z.array(text(LIMITS.tag)).check(z.maxLength(LIMITS.tags))),
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
