import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readRecord } from '../../notebook/migrations';
import { ENTRY_KEY_PREFIX, isEntryKey, type NotebookEntry } from '../../notebook/schema';
import { readSnapshotInSlices, type RecordProblem } from '../../notebook/store';

export interface NotebookState {
  entries: Map<string, NotebookEntry>;
  problems: RecordProblem[];
  loadMs: number;
}

/**
 * The whole notebook, read once from storage (each record validated on its own), then kept current
 * from storage change events record by record, so a save in any tab shows at once without re-reading
 * thousands of records. Pages only read; every change goes through the background.
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

export function useNotebook(onProgress?: (done: number, total: number) => void): NotebookState | undefined {
  const [state, setState] = useState<NotebookState>();
  useEffect(() => {
    let live = true;
    const lifetime = new AbortController();
    const started = performance.now();
    // Changes that arrive while the first read runs wait, then apply on top of it (a change already
    // in the read applies again to the same result: records are whole values, not deltas).
    let pending: Changes[] | undefined = [];
    const onChanged = (changes: Changes, area: string) => {
      if (area !== 'local' || !Object.keys(changes).some(isEntryKey)) return;
      if (pending) pending.push(changes);
      else setState((current) => (current ? applyChanges(current, changes) : current));
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local
      .get(null)
      .then((items) => readSnapshotInSlices(items, onProgress, lifetime.signal))
      .then((snapshot) => {
        if (!live) return;
        let next: NotebookState = { entries: new Map(snapshot.entries.map((e) => [e.entryId, e])), problems: snapshot.problems, loadMs: performance.now() - started };
        for (const changes of pending ?? []) next = applyChanges(next, changes);
        pending = undefined;
        setState(next);
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
