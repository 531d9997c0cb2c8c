import { Slicer } from '../page/schedule';
import { applySave, mergeEntries } from './merge';
import { readRecord } from './migrations';
import { entryKey, EntrySchema, isEntryKey, normalizeTags, type NotebookEntry, type SaveInput } from './schema';

/** The part of `browser.storage.local` the notebook uses (a Map-backed fake in unit tests). */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every key, without the values (Chrome 130+, Firefox 143+); without it a reader falls back to get(null). */
  getKeys?(): Promise<string[]>;
}

/** A stored record that could not be read: skipped (never fatal), kept in storage, reported to the reader. */
export interface RecordProblem {
  key: string;
  reason: string;
}

export interface NotebookSnapshot {
  entries: NotebookEntry[];
  problems: RecordProblem[];
}

function readInto(snapshot: NotebookSnapshot, key: string, raw: unknown): void {
  const result = readRecord(raw);
  if (result.kind === 'ok') snapshot.entries.push(result.entry);
  else if (result.kind === 'newer') snapshot.problems.push({ key, reason: `saved by a newer version of Termlight (record version ${result.version})` });
  else snapshot.problems.push({ key, reason: result.reason });
}

/** Parses every notebook record of a storage dump: each one on its own, so one bad record costs only itself. */
export function readSnapshot(items: Record<string, unknown>): NotebookSnapshot {
  const snapshot: NotebookSnapshot = { entries: [], problems: [] };
  for (const [key, raw] of Object.entries(items)) if (isEntryKey(key)) readInto(snapshot, key, raw);
  return snapshot;
}

/**
 * The same, in slices of a few milliseconds with progress: validating thousands of records at once
 * would be a long task in the side panel (5,000 took 0.3 to 1.5 s here).
 */
export async function readSnapshotInSlices(items: Record<string, unknown>, onProgress?: (done: number, total: number) => void, signal?: AbortSignal): Promise<NotebookSnapshot> {
  const snapshot: NotebookSnapshot = { entries: [], problems: [] };
  const keys = Object.keys(items).filter(isEntryKey);
  const slicer = new Slicer();
  for (const [i, key] of keys.entries()) {
    readInto(snapshot, key, items[key]);
    if (slicer.due) {
      onProgress?.(i + 1, keys.length);
      await slicer.next(signal);
    }
  }
  return snapshot;
}

/** Records read per storage call when the notebook is read in pages: a small, quick structured clone each. */
export const READ_PAGE_SIZE = 200;

/**
 * Reads the notebook a page of records at a time, so a big notebook shows its first cards after one
 * small read instead of one `get(null)` of everything (5,000 records took 2 s, one long task, here).
 * The keys come first, without their values (`getKeys`); each page is fetched with `get(keys)` and
 * validated in slices. `onPage` gets each page's records as they arrive. Browsers without `getKeys`
 * read everything at once, still validated in slices.
 */
export async function readNotebookInPages(
  area: Pick<StorageArea, 'get' | 'getKeys'>,
  onPage: (page: NotebookSnapshot, done: number, total: number) => void,
  signal?: AbortSignal,
  pageSize = READ_PAGE_SIZE,
): Promise<void> {
  if (!area.getKeys) {
    const snapshot = await readSnapshotInSlices(await area.get(null), undefined, signal);
    onPage(snapshot, snapshot.entries.length + snapshot.problems.length, snapshot.entries.length + snapshot.problems.length);
    return;
  }
  // Sorted: the first page is the start of A–Z (entry ids are their headwords' slugs).
  const keys = (await area.getKeys()).filter(isEntryKey).sort();
  signal?.throwIfAborted();
  if (keys.length === 0) onPage({ entries: [], problems: [] }, 0, 0);
  // The next page is asked for while this one is validated: the storage round trip overlaps our work.
  const fetchPage = (from: number) => (from < keys.length ? area.get(keys.slice(from, from + pageSize)) : undefined);
  let next = fetchPage(0);
  for (let from = 0; next; from += pageSize) {
    const items = await next;
    signal?.throwIfAborted();
    next = fetchPage(from + pageSize);
    onPage(await readSnapshotInSlices(items, undefined, signal), Math.min(keys.length, from + pageSize), keys.length);
  }
}

/**
 * The whole notebook as one snapshot, read with the same paged, validated reads (never one
 * `get(null)` of the whole storage area where the browser can list keys): one corrupt record is a
 * problem in the result, never the end of the read.
 */
export async function readWholeNotebook(area: Pick<StorageArea, 'get' | 'getKeys'>, signal?: AbortSignal, pageSize = READ_PAGE_SIZE): Promise<NotebookSnapshot> {
  const whole: NotebookSnapshot = { entries: [], problems: [] };
  await readNotebookInPages(
    area,
    (page) => {
      for (const entry of page.entries) whole.entries.push(entry);
      for (const problem of page.problems) whole.problems.push(problem);
    },
    signal,
    pageSize,
  );
  return whole;
}

/** The notebook's keys: listed without their values where the browser can (getKeys), else from a full read. */
async function notebookKeys(area: Pick<StorageArea, 'get' | 'getKeys'>): Promise<string[]> {
  const keys = area.getKeys ? await area.getKeys() : Object.keys(await area.get(null));
  return keys.filter(isEntryKey);
}

export class StorageFullError extends Error {
  constructor(cause: unknown) {
    super('The browser has no room left for Termlight’s notebook. Export it (JSON), then delete some saved terms.', { cause });
  }
}

/**
 * The notebook's only writer (the background owns one). Each change is a read-modify-write of the
 * records it touches, run one at a time through a queue, and written with one `set` call, which the
 * browser applies atomically. With one key per term, a save never rewrites another term's record,
 * and two tabs saving at once are two queued changes: neither is lost.
 */
export class NotebookStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageArea,
    private readonly now: () => Date = () => new Date(),
  ) {}

  snapshot(): Promise<NotebookSnapshot> {
    return readWholeNotebook(this.area);
  }

  async get(entryId: string): Promise<NotebookEntry | null> {
    const key = entryKey(entryId);
    const result = readRecord((await this.area.get(key))[key]);
    return result.kind === 'ok' ? result.entry : null;
  }

  save(input: SaveInput): Promise<NotebookEntry> {
    return this.change(async () => {
      const stored = await this.readForWrite(input.entryId);
      const next = applySave(stored, input, this.now());
      await this.write({ [entryKey(next.entryId)]: next });
      return next;
    });
  }

  /** Saves many terms in one write (Save all / Save selected). */
  saveMany(inputs: SaveInput[]): Promise<NotebookEntry[]> {
    return this.change(async () => {
      const items: Record<string, NotebookEntry> = {};
      const now = this.now();
      for (const input of inputs) {
        const key = entryKey(input.entryId);
        const stored = (items[key] as NotebookEntry | undefined) ?? (await this.readForWrite(input.entryId));
        items[key] = applySave(stored, input, now);
      }
      await this.write(items);
      return Object.values(items);
    });
  }

  update(entryId: string, change: { note?: string; tags?: string[] }): Promise<NotebookEntry | null> {
    return this.change(async () => {
      const stored = await this.readForWrite(entryId);
      if (!stored) return null;
      const next: NotebookEntry = {
        ...stored,
        ...(change.note !== undefined ? { note: change.note.slice(0, 5000) } : {}),
        ...(change.tags !== undefined ? { tags: normalizeTags(change.tags) } : {}),
        updatedAt: this.now().toISOString(),
      };
      await this.write({ [entryKey(entryId)]: next });
      return next;
    });
  }

  /** Deletes one entry and returns it, so the reader can undo. */
  delete(entryId: string): Promise<NotebookEntry | null> {
    return this.change(async () => {
      const stored = await this.readForWrite(entryId);
      await this.area.remove(entryKey(entryId));
      return stored ?? null;
    });
  }

  /** Puts back a deleted entry (undo); merged if the term was saved again meanwhile. */
  restore(entry: NotebookEntry): Promise<NotebookEntry> {
    return this.change(async () => {
      const valid = EntrySchema.parse(entry);
      const next = mergeEntries(await this.readForWrite(valid.entryId), valid);
      await this.write({ [entryKey(next.entryId)]: next });
      return next;
    });
  }

  /** Merges imported entries (already validated) in one write. */
  importEntries(entries: NotebookEntry[]): Promise<{ added: number; updated: number; unchanged: number }> {
    return this.change(async () => {
      const keys = entries.map((e) => entryKey(e.entryId));
      const stored = readSnapshot(await this.area.get(keys));
      const byId = new Map(stored.entries.map((e) => [e.entryId, e]));
      const items: Record<string, NotebookEntry> = {};
      const counts = { added: 0, updated: 0, unchanged: 0 };
      for (const entry of entries) {
        const current = (items[entryKey(entry.entryId)] as NotebookEntry | undefined) ?? byId.get(entry.entryId);
        const next = mergeEntries(current, entry);
        if (next === current) {
          counts.unchanged++;
          continue;
        }
        if (current) counts.updated++;
        else counts.added++;
        items[entryKey(entry.entryId)] = next;
      }
      if (Object.keys(items).length > 0) await this.write(items);
      return counts;
    });
  }

  /** "Delete everything": every notebook record, unreadable ones included. */
  clear(): Promise<number> {
    return this.change(async () => {
      const keys = await notebookKeys(this.area);
      if (keys.length > 0) await this.area.remove(keys);
      return keys.length;
    });
  }

  private change<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * The record a change starts from. A corrupt record is replaced (it was already dropped from the
   * notebook, with a notice); a record from a newer Termlight is never overwritten: the change fails.
   */
  private async readForWrite(entryId: string): Promise<NotebookEntry | undefined> {
    const key = entryKey(entryId);
    const raw = (await this.area.get(key))[key];
    if (raw === undefined) return undefined;
    const result = readRecord(raw);
    if (result.kind === 'ok') return result.entry;
    if (result.kind === 'corrupt') return undefined;
    throw new Error(`The saved record for “${entryId}” was made by a newer version of Termlight. Update Termlight to change it.`);
  }

  private async write(items: Record<string, NotebookEntry>): Promise<void> {
    try {
      await this.area.set(items);
    } catch (error) {
      if (/quota/i.test(String(error))) throw new StorageFullError(error);
      throw error;
    }
  }
}
