import { useMemo, useState } from 'preact/hooks';
import { createSearch } from '../../glossary/search';
import type { Definition } from '../../glossary/types';

/** A combobox over every headword and alias: type, move with the arrow keys, Enter to choose. */
export function SearchBox({ definitions, onChoose }: { definitions: Definition[]; onChoose: (d: Definition) => void }) {
  const search = useMemo(() => createSearch(definitions), [definitions]);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  // The list collapses once a result is chosen (or on Esc), so the definition below moves up into view.
  const [open, setOpen] = useState(true);
  const results = useMemo(() => search(query), [search, query]);
  const shown = open ? results : [];
  const choose = (d: Definition | undefined) => {
    if (!d) return;
    setOpen(false);
    onChoose(d);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && !open) setOpen(true);
    else if (event.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
    else if (event.key === 'Enter') choose(shown[active]);
    else if (event.key === 'Escape' && open && results.length > 0) setOpen(false);
    else return;
    event.preventDefault();
  };
  return (
    <div class="search">
      <label for="search-input">Look up a term</label>
      <input
        id="search-input"
        type="search"
        role="combobox"
        list={undefined}
        autoFocus
        autoComplete="off"
        spellcheck={false}
        placeholder="e.g. osteoclast, Zometa, PET scan"
        aria-expanded={shown.length > 0}
        aria-controls="search-results"
        aria-activedescendant={shown.length > 0 ? `result-${active}` : undefined}
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="search-results" role="listbox" aria-label="Matching terms" class="results">
        {shown.map((d, i) => (
          <li
            key={d.id}
            id={`result-${i}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(d)}
          >
            <span class="result-headword">{d.headword}</span> <span class="result-category">{d.categoryLabel}</span>
          </li>
        ))}
      </ul>
      {query.trim() && results.length === 0 && <p class="muted">No term matches “{query}”.</p>}
    </div>
  );
}
