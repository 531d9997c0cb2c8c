import { useMemo, useRef, useState } from 'preact/hooks';
import type { Definition } from '../../glossary/types';
import { NotebookView } from './NotebookView';
import { OnThisPage } from './OnThisPage';
import { useNotebook } from './useNotebook';

type View = 'page' | 'notebook';

/** The side panel: "On this page" (the tab's terms, from its content script) and "Notebook" (saved terms). */
export function SidePanelApp({ definitions }: { definitions: Definition[] }) {
  const initial = new URLSearchParams(location.search).get('view') === 'notebook' ? 'notebook' : 'page';
  const [view, setView] = useState<View>(initial);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  // Progress re-renders the panel: at most every 200 ms while a big notebook is read.
  const lastProgress = useRef(0);
  const notebook = useNotebook((done, total) => {
    if (performance.now() - lastProgress.current < 200) return;
    lastProgress.current = performance.now();
    setProgress({ done, total });
  });
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
          {tab('notebook', `Notebook${notebook ? ` (${notebook.entries.size})` : ''}`)}
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
              Opening your notebook…{progress && ` ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} saved terms read.`}
            </p>
          )}
        </section>
      </main>
    </div>
  );
}
