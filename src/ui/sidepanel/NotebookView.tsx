import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { Definition } from '../../glossary/types';
import { sendToBackground } from '../../messaging/runtime';
import { byHeadword, filterEntries, groupByPage, prepareSearch, tagCounts } from '../../notebook/filter';
import type { NotebookEntry } from '../../notebook/schema';
import { MemoEntryCard } from './EntryCard';
import { ExportButtons } from './ExportButtons';
import { ManageNotebook } from './ManageNotebook';
import type { LoadProgress, NotebookState } from './useNotebook';

/** Rows rendered at first and added per "Show more": a 5,000-term notebook renders 50 cards, not 5,000. */
export const PAGE_SIZE = 50;
/** The search applies once typing pauses this long: 5,000 entries are not filtered and re-rendered per keystroke. */
const SEARCH_DELAY_MS = 150;

type Grouping = 'page' | 'az';
type Row = { kind: 'group'; key: string; title: string; url: string; count: number } | { kind: 'entry'; key: string; entry: NotebookEntry };

export function NotebookView({ definitions, state }: { definitions: ReadonlyMap<string, Definition>; state: NotebookState }) {
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (typed === query) return;
    const timer = setTimeout(() => setQuery(typed), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const [tags, setTags] = useState<string[]>([]);
  const [grouping, setGrouping] = useState<Grouping>('page');
  const [limit, setLimit] = useState(PAGE_SIZE);
  const [undo, setUndo] = useState<{ entry: NotebookEntry; message: string }>();
  const [error, setError] = useState('');

  // Sorted A–Z once per change of the notebook; filtering keeps the order, so neither a keystroke in
  // the search nor a change of grouping sorts 5,000 entries again.
  const all = useMemo(() => [...state.entries.values()].sort(byHeadword), [state.entries]);
  const filtered = useMemo(() => filterEntries(all, { query, tags }), [all, query, tags]);
  const rows = useMemo<Row[]>(() => {
    if (grouping === 'az') return filtered.map((entry) => ({ kind: 'entry', key: entry.entryId, entry }));
    return groupByPage(filtered, true).flatMap((group) => [
      { kind: 'group' as const, key: `g:${group.key}`, title: group.title, url: group.url, count: group.entries.length },
      ...group.entries.map((entry) => ({ kind: 'entry' as const, key: `${group.key}|${entry.entryId}`, entry })),
    ]);
  }, [filtered, grouping]);
  useEffect(() => setLimit(PAGE_SIZE), [query, tags, grouping]);
  // Once the notebook is read, its search text is prepared between tasks, before the first keystroke.
  useEffect(() => {
    if (state.loading) return;
    const lifetime = new AbortController();
    void prepareSearch(all, lifetime.signal).catch(() => undefined);
    return () => lifetime.abort();
  }, [all, state.loading]);
  const allTags = useMemo(() => tagCounts(all), [all]);

  // Only entry rows count toward the limit; a group heading shows with its first entry.
  const visible: Row[] = [];
  let shownEntries = 0;
  for (const row of rows) {
    if (row.kind === 'entry') {
      if (shownEntries >= limit) break;
      shownEntries++;
    }
    visible.push(row);
  }
  if (visible.at(-1)?.kind === 'group') visible.pop();
  const totalRows = rows.filter((r) => r.kind === 'entry').length;

  // Stable, so the cards (MemoEntryCard) do not re-render when the list around them does.
  const remove = useCallback((entry: NotebookEntry) => {
    void sendToBackground({ type: 'notebook-delete', entryId: entry.entryId }).then((reply) => {
      if (reply?.ok && reply.value) setUndo({ entry: reply.value, message: `Deleted “${entry.headword}”.` });
      else setError(reply && !reply.ok ? reply.error : 'Termlight could not delete it.');
    });
  }, []);
  const restore = async () => {
    if (!undo) return;
    const reply = await sendToBackground({ type: 'notebook-restore', entry: undo.entry });
    setUndo(undefined);
    if (!reply?.ok) setError(reply?.error ?? 'Termlight could not restore it.');
  };
  const filteredLabel = query || tags.length > 0 ? `Export the ${filtered.length} shown` : 'Export the notebook';

  return (
    <div class="notebook">
      <h2 class="visually-hidden">Your notebook</h2>
      {state.problems.length > 0 && (
        <p class="notice" role="alert" data-testid="notebook-problems">
          {state.problems.length === 1 ? '1 saved record could not be read' : `${state.problems.length} saved records could not be read`} and{' '}
          {state.problems.length === 1 ? 'is' : 'are'} not shown. The rest of your notebook is safe.
        </p>
      )}
      {state.loading && <LoadingLine progress={state.loading} />}
      {all.length === 0 && !state.loading ? (
        <p class="muted" data-testid="notebook-empty">
          Your notebook is empty. Choose “Save to notebook” in a term’s popover, or “Save all” on the “On this page” tab.
        </p>
      ) : (
        <>
          <div class="notebook-tools">
            <label>
              Search the notebook
              <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} data-testid="notebook-search" />
            </label>
            <fieldset class="grouping">
              <legend>Group</legend>
              <label>
                <input type="radio" name="grouping" checked={grouping === 'page'} onChange={() => setGrouping('page')} /> By page
              </label>
              <label>
                <input type="radio" name="grouping" checked={grouping === 'az'} onChange={() => setGrouping('az')} data-testid="group-az" /> A–Z
              </label>
            </fieldset>
            {allTags.length > 0 && (
              <div class="tag-filters" role="group" aria-label="Filter by tag">
                {allTags.slice(0, 30).map(({ tag, count }) => (
                  <button
                    key={tag}
                    type="button"
                    class="tag"
                    aria-pressed={tags.includes(tag)}
                    onClick={() => setTags(tags.includes(tag) ? tags.filter((t) => t !== tag) : [...tags, tag])}
                  >
                    #{tag} <span class="muted">{count}</span>
                  </button>
                ))}
              </div>
            )}
          </div>
          <p aria-live="polite" data-testid="notebook-count" data-load-ms={state.loading ? undefined : Math.round(state.loadMs)} data-first-page-ms={Math.round(state.firstPageMs)}>
            {filtered.length === all.length ? `${all.length} saved ${all.length === 1 ? 'term' : 'terms'}` : `${filtered.length} of ${all.length} saved terms`}
          </p>
          <ul class="entries" aria-label="Saved terms" data-testid="notebook-entries">
            {visible.map((row) =>
              row.kind === 'group' ? (
                <li key={row.key} class="group-heading">
                  <h3>{row.url ? <a href={row.url} target="_blank" rel="noopener noreferrer">{row.title}</a> : row.title}</h3>
                </li>
              ) : (
                <li key={row.key}>
                  <MemoEntryCard headingLevel={grouping === 'az' ? 3 : 4} entry={row.entry} definition={definitions.get(row.entry.entryId)} onDelete={remove} onError={setError} />
                </li>
              ),
            )}
          </ul>
          {shownEntries < totalRows && (
            <button type="button" onClick={() => setLimit(limit + PAGE_SIZE)} data-testid="show-more">
              Show {Math.min(PAGE_SIZE, totalRows - shownEntries)} more ({totalRows - shownEntries} not shown)
            </button>
          )}
          <ExportButtons
            label={filteredLabel}
            // What the search box says, even when the reader exports before the list caught up with typing.
            entries={() => (typed === query ? filtered : filterEntries(all, { query: typed, tags }))}
            definitions={definitions}
            what={typed || tags.length > 0 ? `notebook ${[typed, ...tags].filter(Boolean).join(' ')}` : 'notebook'}
            sheet={{ title: 'My Termlight notebook', subtitle: typed || tags.length > 0 ? `Filtered: ${[typed, ...tags.map((t) => `#${t}`)].filter(Boolean).join(' ')}` : 'All saved terms' }}
          />
        </>
      )}
      <ManageNotebook count={all.length + state.problems.length} />
      {error && (
        <p class="notebook-error" role="alert">
          {error}
        </p>
      )}
      {undo && (
        <div class="toast" role="status" data-testid="undo-toast">
          <span>{undo.message}</span>
          <button type="button" class="link-button" onClick={() => void restore()} data-testid="undo">
            Undo
          </button>
          <button type="button" class="link-button" aria-label="Dismiss" onClick={() => setUndo(undefined)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

/** "Reading your notebook… 1,200 of 5,000": re-renders alone as pages of records arrive. */
function LoadingLine({ progress }: { progress: LoadProgress }) {
  const [, setTick] = useState(0);
  useEffect(() => progress.subscribe(() => setTick((n) => n + 1)), [progress]);
  return (
    <p class="muted" role="status" data-testid="notebook-loading">
      Reading your notebook… {progress.done.toLocaleString('en')} of {progress.total.toLocaleString('en')} saved terms.
    </p>
  );
}
