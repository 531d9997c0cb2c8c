import { LIMITS, normalizeTags, RECORD_VERSION, type NotebookContext, type NotebookEntry, type SaveInput } from './schema';

/** A short, stable id for a context: the same sentence on the same page (fragment ignored) is one context. */
export function contextId(url: string, sentence: string): string {
  const text = `${pageKey(url)}\u0000${sentence.replace(/\s+/g, ' ').trim().toLowerCase()}`;
  // FNV-1a, 53 bits: stable across browsers and releases, and no crypto API needed in pure code.
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `c${h1.toString(36)}${(h2 & 0x1fffff).toString(36)}`;
}

/** A page's identity for grouping and de-duplication: its URL without the #fragment. */
export function pageKey(url: string): string {
  const hash = url.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Applies one save to the stored entry (or starts one): a new page's sentence becomes a further context. */
export function applySave(existing: NotebookEntry | undefined, input: SaveInput, now: Date): NotebookEntry {
  const at = now.toISOString();
  const entry: NotebookEntry = existing
    ? { ...existing, contexts: [...existing.contexts], tags: [...existing.tags] }
    : { v: RECORD_VERSION, entryId: input.entryId, headword: input.headword, contexts: [], note: '', tags: [], createdAt: at, updatedAt: at };
  entry.headword = input.headword;
  if (input.context) {
    const context: NotebookContext = { id: contextId(input.context.url, input.context.sentence), ...input.context, savedAt: at };
    const same = entry.contexts.findIndex((c) => c.id === context.id);
    if (same >= 0) entry.contexts[same] = { ...entry.contexts[same]!, written: context.written, title: context.title || entry.contexts[same]!.title };
    else entry.contexts.push(context);
    // Keep the newest contexts when a term is saved from very many pages.
    if (entry.contexts.length > LIMITS.contexts) entry.contexts.splice(0, entry.contexts.length - LIMITS.contexts);
  }
  if (input.note !== undefined && input.note.trim()) entry.note = mergeNotes(entry.note, input.note.trim());
  if (input.tags) entry.tags = normalizeTags([...entry.tags, ...input.tags]);
  entry.updatedAt = at;
  return entry;
}

/**
 * Merges an imported entry into the stored one without duplicates: contexts by id (the earlier save
 * date kept), tags united, notes joined when they differ. Returns the stored entry unchanged (same
 * object) when the import adds nothing, so callers can skip the write.
 */
export function mergeEntries(stored: NotebookEntry | undefined, imported: NotebookEntry): NotebookEntry {
  if (!stored) return imported;
  const contexts = [...stored.contexts];
  let changed = false;
  for (const context of imported.contexts) {
    const at = contexts.findIndex((c) => c.id === context.id);
    if (at < 0) {
      contexts.push(context);
      changed = true;
    }
  }
  contexts.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
  const tags = normalizeTags([...stored.tags, ...imported.tags]);
  const note = mergeNotes(stored.note, imported.note);
  changed ||= tags.length !== stored.tags.length || note !== stored.note;
  if (!changed) return stored;
  return {
    ...stored,
    contexts: contexts.slice(-LIMITS.contexts),
    tags,
    note,
    createdAt: stored.createdAt < imported.createdAt ? stored.createdAt : imported.createdAt,
    updatedAt: stored.updatedAt > imported.updatedAt ? stored.updatedAt : imported.updatedAt,
  };
}

/** Two notes become one: nothing is lost, and a note already contained in the other is not repeated. */
export function mergeNotes(a: string, b: string): string {
  const first = a.trim();
  const second = b.trim();
  if (!second || first.includes(second)) return a;
  if (!first || second.includes(first)) return second;
  return `${first}\n\n${second}`.slice(0, LIMITS.note);
}

/** The page an entry was most recently saved from (for "Saved on 3 Dec from …"). */
export function latestContext(entry: NotebookEntry): NotebookContext | undefined {
  let latest: NotebookContext | undefined;
  for (const c of entry.contexts) if (!latest || c.savedAt >= latest.savedAt) latest = c;
  return latest;
}
