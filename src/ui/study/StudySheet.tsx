import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Definition } from '../../glossary/types';
import { sentenceParts, shortDate, type ExportItem } from '../../notebook/export-common';
import { EntrySchema } from '../../notebook/schema';
import { readWholeNotebook, type StorageArea } from '../../notebook/store';
import { byHeadword } from '../../notebook/filter';
import { sourceName } from '../DefinitionCard';

interface Sheet {
  title: string;
  subtitle: string;
  items: ExportItem[];
  /** Saved records that could not be read (left out, with a notice; the rest of the notebook shows). */
  unreadable?: number;
}

/** Reads what to show: the sheet the side panel left in session storage, else the whole notebook. */
async function loadSheet(definitions: ReadonlyMap<string, Definition>): Promise<Sheet | string> {
  const key = new URLSearchParams(location.search).get('sheet');
  const withDefinitions = (entries: Array<import('../../notebook/schema').NotebookEntry>) =>
    entries.map((entry) => {
      const definition = definitions.get(entry.entryId);
      return definition ? { entry, definition } : { entry };
    });
  if (key) {
    const raw = (await browser.storage.session.get(key))[key] as { title?: unknown; subtitle?: unknown; entries?: unknown[] } | undefined;
    if (!raw || !Array.isArray(raw.entries)) return 'This study sheet has expired. Open it again from the side panel.';
    const entries = raw.entries.map((e) => EntrySchema.safeParse(e)).flatMap((r) => (r.success ? [r.data] : []));
    return { title: String(raw.title ?? 'Study sheet'), subtitle: String(raw.subtitle ?? ''), items: withDefinitions(entries) };
  }
  const { entries, problems } = await readWholeNotebook(browser.storage.local as unknown as StorageArea);
  return { title: 'My Termlight notebook', subtitle: 'All saved terms', items: withDefinitions(entries.sort(byHeadword)), unreadable: problems.length };
}

/** A print-friendly page of terms: definitions in plain words and the sentences they came from. */
export function StudySheet({ definitions }: { definitions: Definition[] }) {
  const [sheet, setSheet] = useState<Sheet | string>();
  useEffect(() => {
    void loadSheet(new Map(definitions.map((d) => [d.id, d]))).then((s) => {
      setSheet(s);
      if (typeof s !== 'string') document.title = `${s.title}: study sheet`;
    });
  }, []);
  if (sheet === undefined) return <main class="study">Preparing the study sheet…</main>;
  if (typeof sheet === 'string') return <main class="study"><p role="alert">{sheet}</p></main>;
  return (
    <main class="study">
      <header>
        <h1>{sheet.title}</h1>
        <p class="muted">
          {sheet.subtitle} · {sheet.items.length === 1 ? '1 term' : `${sheet.items.length} terms`} · {shortDate(new Date().toISOString())}
        </p>
        <button type="button" class="no-print" onClick={() => print()} data-testid="print">
          Print or save as PDF
        </button>
      </header>
      {sheet.unreadable ? (
        <p class="notice" role="alert" data-testid="sheet-problems">
          {sheet.unreadable === 1 ? '1 saved record could not be read and is' : `${sheet.unreadable} saved records could not be read and are`} not on this sheet. The rest of your
          notebook is safe.
        </p>
      ) : null}
      <dl class="sheet" data-testid="sheet-terms">
        {sheet.items.map(({ entry, definition }) => (
          <div class="sheet-term" key={entry.entryId}>
            <dt>
              <span class="headword">{entry.headword}</span>
              {definition?.pronunciation && <span class="pronunciation"> ({definition.pronunciation})</span>}
              {definition && <span class="category"> · {definition.categoryLabel}</span>}
            </dt>
            <dd>
              {definition ? <p>{definition.definition}</p> : <p class="muted">No longer in the glossary.</p>}
              {definition?.more && <p class="more">{definition.more}</p>}
              {entry.contexts.map((context) => {
                const { before, term, after } = sentenceParts(context, entry.headword);
                return (
                  <blockquote key={context.id}>
                    {context.sentence && (
                      <p>
                        “{before}
                        {term && <strong>{term}</strong>}
                        {after}”
                      </p>
                    )}
                    <footer>
                      {context.title || context.url}
                      {context.url && <span class="url"> {context.url}</span>}
                    </footer>
                  </blockquote>
                );
              })}
              {entry.note && <p class="note">Note: {entry.note}</p>}
              {definition && <p class="source">Learn more: {sourceName(definition.url)}, {definition.url}</p>}
            </dd>
          </div>
        ))}
      </dl>
      <p class="muted footer">Explained in plain words by Termlight. This sheet explains words; it is not medical advice. Ask your care team about your own situation.</p>
    </main>
  );
}
