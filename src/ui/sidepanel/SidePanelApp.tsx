import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseDefinitionParts } from '../../glossary/definition-parts';
import type { Definition } from '../../glossary/types';
import { NotebookView } from './NotebookView';
import { OnThisPage } from './OnThisPage';
import { useNotebook } from './useNotebook';

type View = 'page' | 'notebook';

/** The side panel: "On this page" (the tab's terms, from its content script) and "Notebook" (saved terms). */
export function SidePanelApp({ definitions: given }: { definitions?: Definition[] }) {
  // The definitions (3 MB of script with the whole glossary) are loaded after the panel's first render,
  // and parsed in slices, so the first cards do not wait for them; cards fill in their definitions when they arrive.
  const [definitions, setDefinitions] = useState<Definition[]>(given ?? []);
  useEffect(() => {
    if (given) return;
    const lifetime = new AbortController();
    void import('virtual:termlight/definition-parts')
      .then((module) => parseDefinitionParts(module.default, lifetime.signal))
      .then((parsed) => setDefinitions(parsed))
      .catch(() => undefined); // the panel closed meanwhile
    return () => lifetime.abort();
  }, [given]);
  const initial = new URLSearchParams(location.search).get('view') === 'notebook' ? 'notebook' : 'page';
  const [view, setView] = useState<View>(initial);
  const notebook = useNotebook();
  const byId = useMemo(() => new Map(definitions.map((d) => [d.id, d])), [definitions]);
  const tab = (id: View, label: string) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      aria-selected={view === id}
      aria-controls={`panel-${id}`}
      tabIndex={view === id ? 0 : -1}
      class={view === id ? 'tab active' : 'tab'}
      onClick={() => setView(id)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          const next = view === 'page' ? 'notebook' : 'page';
          setView(next);
          document.getElementById(`tab-${next}`)?.focus();
        }
      }}
    >
      {label}
    </button>
  );
  return (
    <div class="sidepanel">
      <header>
        <h1>Termlight</h1>
        <div role="tablist" aria-label="Views" class="tabs">
          {tab('page', 'On this page')}
          {tab('notebook', `Notebook${notebook && !notebook.loading ? ` (${notebook.entries.size})` : ''}`)}
        </div>
      </header>
      <main>
        <section role="tabpanel" id="panel-page" aria-labelledby="tab-page" hidden={view !== 'page'}>
          <OnThisPage definitions={byId} notebook={notebook} />
        </section>
        <section role="tabpanel" id="panel-notebook" aria-labelledby="tab-notebook" hidden={view !== 'notebook'}>
          {notebook ? (
            <NotebookView definitions={byId} state={notebook} />
          ) : (
            <p class="muted" role="status">
              Opening your notebook…
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
