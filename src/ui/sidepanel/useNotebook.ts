import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readRecord } from '../../notebook/migrations';
import { ENTRY_KEY_PREFIX, isEntryKey, type NotebookEntry } from '../../notebook/schema';
import { readNotebookInPages, type StorageArea, type RecordProblem } from '../../notebook/store';

export interface NotebookState {
  entries: Map<string, NotebookEntry>;
  problems: RecordProblem[];
  /** Milliseconds from opening until the first cards could show, and until the whole notebook was read. */
  firstPageMs: number;
  loadMs: number;
  /** While the notebook is still being read: how far it got (the line that shows it follows it alone). */
  loading?: LoadProgress;
}

/**
 * Progress of a big notebook's read. Only the small line that shows it re-renders as pages arrive:
 * re-rendering the notebook for each page of records made every page a long task (5,000 terms).
 */
export class LoadProgress {
  private readonly listeners = new Set<() => void>();

  constructor(
    public done: number,
    public total: number,
  ) {}

  update(done: number, total: number): void {
    this.done = done;
    this.total = total;
    for (const listener of this.listeners) listener();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * The whole notebook, read from storage a page of records at a time (each record validated on its
 * own; the first cards show after the first page), then kept current from storage change events
 * record by record, so a save in any tab shows at once without re-reading thousands of records.
 * Pages only read; every change goes through the background.
 */
type Changes = Record<string, { newValue?: unknown }>;

/** Applies storage change events to the notebook in memory, record by record. */
function applyChanges(current: NotebookState, changes: Changes): NotebookState {
  const entries = new Map(current.entries);
  let problems = current.problems;
  for (const key of Object.keys(changes).filter(isEntryKey)) {
    const id = key.slice(ENTRY_KEY_PREFIX.length);
    const value = changes[key]!.newValue;
    problems = problems.filter((p) => p.key !== key);
    if (value === undefined) {
      entries.delete(id);
      continue;
    }
    const result = readRecord(value);
    if (result.kind === 'ok') entries.set(result.entry.entryId, result.entry);
    else {
      entries.delete(id);
      problems = [...problems, { key, reason: result.kind === 'corrupt' ? result.reason : 'saved by a newer version of Termlight' }];
    }
  }
  return { ...current, entries, problems };
}

export function useNotebook(): NotebookState | undefined {
  const [state, setState] = useState<NotebookState>();
  useEffect(() => {
    let live = true;
    const lifetime = new AbortController();
    const started = performance.now();
    // Changes that arrive while a page of records is being read wait, then apply on top of it (a change
    // already in the read applies again to the same result: records are whole values, not deltas).
    let pending: Changes[] | undefined = [];
    let loaded: NotebookState = { entries: new Map(), problems: [], firstPageMs: 0, loadMs: 0 };
    const onChanged = (changes: Changes, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some(isEntryKey)) return;
      if (pending) pending.push(changes);
      else setState((current) => (current ? applyChanges(current, changes) : current));
    };
    browser.storage.onChanged.addListener(onChanged);
    const area = browser.storage.local as unknown as StorageArea;
    let progress: LoadProgress | undefined;
    let shown = false;
    void readNotebookInPages(
      { get: (keys) => area.get(keys), ...(typeof area.getKeys === 'function' ? { getKeys: () => area.getKeys!() } : {}) },
      (page, done, total) => {
        if (!live) return;
        // Records are added in place until the whole notebook is read: only the first page and the
        // last render the notebook (copying a 5,000-entry map per page would cost more than the read).
        for (const entry of page.entries) loaded.entries.set(entry.entryId, entry);
        loaded.problems.push(...page.problems);
        const now = performance.now() - started;
        loaded.firstPageMs ||= now;
        loaded.loadMs = now;
        for (const changes of pending ?? []) loaded = applyChanges(loaded, changes);
        pending = [];
        if (done < total) {
          if (progress) progress.update(done, total);
          else loaded.loading = progress = new LoadProgress(done, total);
        } else loaded.loading = undefined;
        if (!shown || done >= total) {
          shown = true;
          setState({ ...loaded, entries: new Map(loaded.entries), problems: [...loaded.problems] });
        }
      },
      lifetime.signal,
    )
      .then(() => {
        if (!live) return;
        // From here on, every change applies to what is shown as it arrives.
        const last = pending ?? [];
        pending = undefined;
        if (last.length > 0) setState((current) => last.reduce(applyChanges, current ?? loaded));
      })
      .catch(() => undefined); // the panel closed while reading
    return () => {
      live = false;
      lifetime.abort();
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
