import { useState } from 'preact/hooks';
import type { Definition } from '../../glossary/types';
import type { NotebookEntry } from '../../notebook/schema';
import { exportEntries, FORMAT_LABELS, openStudySheet, type ExportFormat } from './exports';

/** A row of export buttons over a set of entries (computed on click), plus the study sheet. */
export function ExportButtons({
  label,
  entries,
  definitions,
  what,
  sheet,
}: {
  label: string;
  entries: () => NotebookEntry[];
  definitions: ReadonlyMap<string, Definition>;
  what: string;
  sheet: { title: string; subtitle: string };
}) {
  const [status, setStatus] = useState('');
  const run = (format: ExportFormat) => {
    const list = entries();
    const name = exportEntries(format, list, definitions, what);
    setStatus(`Downloaded ${name} (${list.length === 1 ? '1 term' : `${list.length} terms`}).`);
  };
  return (
    <section class="exports" aria-label={label}>
      <h3>{label}</h3>
      <div class="action-row">
        {(Object.keys(FORMAT_LABELS) as ExportFormat[]).map((format) => (
          // The definitions load just after the panel opens: until then an export would lack them.
          <button key={format} type="button" onClick={() => run(format)} disabled={definitions.size === 0} data-testid={`export-${format}`}>
            {FORMAT_LABELS[format]}
          </button>
        ))}
        <button type="button" onClick={() => void openStudySheet({ ...sheet, entries: entries() })} data-testid="study-sheet">
          Study sheet (print)
        </button>
      </div>
      <p role="status" class="status">
        {status}
      </p>
    </section>
  );
}
