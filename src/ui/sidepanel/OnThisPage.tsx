import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Definition } from '../../glossary/types';
import { PageMatchesSchema, type PageMatches, type PageTerm } from '../../messaging/messages';
import { sendToBackground, sendToTab } from '../../messaging/runtime';
import { applySave } from '../../notebook/merge';
import type { NotebookEntry, SaveInput } from '../../notebook/schema';
import { ExportButtons } from './ExportButtons';
import { useTargetTab } from './targetTab';
import type { NotebookState } from './useNotebook';

/** The first sentence of a definition: the short form the list shows. */
export function shortDefinition(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end < 0 ? text : text.slice(0, end + 1);
}

function saveInput(term: PageTerm, page: PageMatches): SaveInput {
  // A PDF's term is saved with its own source ("page N of <title>", #page=N), not the reader tab's.
  const source = term.source ?? page;
  return { entryId: term.id, headword: term.headword, context: { written: term.written, sentence: term.sentence, title: source.title.slice(0, 300), url: source.url } };
}

/** "pages 1, 4 and 9" (the first twelve), for a term of a PDF. */
function pagesLabel(pages: readonly number[]): string {
  const shown = pages.slice(0, 12);
  const more = pages.length - shown.length;
  const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : String(shown[0]);
  return `${pages.length === 1 ? 'page' : 'pages'} ${list}${more > 0 ? ` and ${more} more` : ''}`;
}

/** Every term the tab's content script found (its matches, not a new scan), in page order. */
export function OnThisPage({ definitions, notebook }: { definitions: ReadonlyMap<string, Definition>; notebook: NotebookState | undefined }) {
  const { tabId, version } = useTargetTab();
  const [page, setPage] = useState<PageMatches | null>();
  const [changes, setChanges] = useState(0);
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const ask = async (attempt: number) => {
      // Checked where it arrives: a web page's content script or the PDF reader answers.
      const parsed = PageMatchesSchema.safeParse(await sendToTab(tabId, { type: 'page-matches' }));
      const reply = parsed.success ? parsed.data : undefined;
      if (!live) return;
      // A page still loading has no content script yet: ask again for a few seconds.
      if (!reply && attempt < 8) retry = setTimeout(() => void ask(attempt + 1), 500);
      setPage(reply ?? null);
    };
    void ask(0);
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [tabId, version, changes]);

  useEffect(() => {
    const onMessage = (raw: unknown, sender: { tab?: { id?: number } }) => {
      if ((raw as { type?: unknown })?.type === 'page-changed' && sender.tab?.id === tabId) setChanges((c) => c + 1);
      return false;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tabId]);

  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    if (!page) return [];
    if (!words) return page.terms;
    return page.terms.filter((t) => `${t.headword} ${t.written} ${definitions.get(t.id)?.definition ?? ''}`.toLowerCase().includes(words));
  }, [page, filter, definitions]);

  if (tabId === undefined || page === undefined) return <p class="muted">Checking this page…</p>;
  if (page === null) return <p class="muted">Termlight does not run on this page (browser pages and extension stores are off limits).</p>;

  const save = async (terms: PageTerm[]) => {
    if (terms.length === 0) return;
    const reply = await sendToBackground({ type: 'notebook-save-many', inputs: terms.map((t) => saveInput(t, page)) });
    setStatus(reply?.ok ? `Saved ${terms.length === 1 ? '1 term' : `${terms.length} terms`} to your notebook.` : (reply?.error ?? 'Termlight could not save.'));
    if (reply?.ok) setSelected(new Set());
  };
  const now = new Date();
  const asEntries = (terms: PageTerm[]): NotebookEntry[] => terms.map((t) => notebook?.entries.get(t.id) ?? applySave(undefined, saveInput(t, page), now));
  const chosen = shown.filter((t) => selected.has(t.id));

  return (
    <div class="on-this-page">
      <h2 class="page-title">{page.title}</h2>
      {!page.active && <p class="notice">Termlight is off on this site. Turn it on from the toolbar button.</p>}
      <p aria-live="polite" data-testid="page-term-count">
        {page.terms.length === 1 ? '1 term' : `${page.terms.length} terms`} on this page
      </p>
      <label class="filter">
        Filter the terms
        <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} data-testid="page-filter" />
      </label>
      <div class="action-row">
        <button type="button" class="primary" onClick={() => void save(shown)} disabled={shown.length === 0} data-testid="save-all">
          Save all{filter ? ' shown' : ''} ({shown.length})
        </button>
        <button type="button" onClick={() => void save(chosen)} disabled={chosen.length === 0} data-testid="save-selected">
          Save selected ({chosen.length})
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
      <ul class="term-list" aria-label="Terms on this page" data-testid="page-terms">
        {shown.map((term) => {
          const definition = definitions.get(term.id);
          const saved = notebook?.entries.has(term.id);
          return (
            <li key={term.id} data-term={term.id}>
              <input
                type="checkbox"
                aria-label={`Select ${term.headword}`}
                checked={selected.has(term.id)}
                onChange={(e) => {
                  const next = new Set(selected);
                  if (e.currentTarget.checked) next.add(term.id);
                  else next.delete(term.id);
                  setSelected(next);
                }}
              />
              <div>
                <button type="button" class="link-button term-name" onClick={() => void sendToTab(tabId, { type: 'reveal-term', id: term.id })}>
                  {term.headword}
                </button>{' '}
                <span class="count" aria-label={`${term.count} ${term.count === 1 ? 'time' : 'times'} ${term.pages ? 'in the document' : 'on the page'}`}>
                  ×{term.count}
                </span>
                {term.pages && term.pages.length > 0 && (
                  <span class="muted term-pages" data-testid="term-pages">
                    {' '}
                    · {pagesLabel(term.pages)}
                  </span>
                )}
                {saved && <span class="saved-badge"> ★ saved</span>}
                {term.misspelled && <span class="muted"> (written “{term.written}”)</span>}
                {definition && <p class="short-definition">{shortDefinition(definition.definition)}</p>}
              </div>
            </li>
          );
        })}
      </ul>
      {page.terms.length > 0 && (
        <ExportButtons
          label="Export this page’s terms"
          entries={() => asEntries(shown)}
          definitions={definitions}
          what={page.title}
          sheet={{ title: page.title, subtitle: page.url }}
        />
      )}
    </div>
  );
}
