import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readRecord } from '../../notebook/migrations';
import { ENTRY_KEY_PREFIX, isEntryKey, type NotebookEntry } from '../../notebook/schema';
import { readSnapshot, type RecordProblem } from '../../notebook/store';

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
export function useNotebook(): NotebookState | undefined {
  const [state, setState] = useState<NotebookState>();
  useEffect(() => {
    let live = true;
    const started = performance.now();
    void browser.storage.local.get(null).then((items) => {
      if (!live) return;
      const snapshot = readSnapshot(items);
      setState({ entries: new Map(snapshot.entries.map((e) => [e.entryId, e])), problems: snapshot.problems, loadMs: performance.now() - started });
    });
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes).filter(isEntryKey);
      if (keys.length === 0) return;
      setState((current) => {
        if (!current) return current;
        const entries = new Map(current.entries);
        let problems = current.problems;
        for (const key of keys) {
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
      });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return state;
}
