import type { Definition } from '../glossary/types';

/**
 * An abbreviation with two or more medical senses that nothing on the page tells apart: each sense
 * in a line, and a button that opens its full explanation.
 */
export function SensesCard({ pageWord, definitions, headingId, onShow }: { pageWord: string; definitions: Definition[]; headingId: string; onShow: (id: string) => void }) {
  return (
    <div class="card senses" data-testid="senses">
      <h2 id={headingId} class="headword">
        {pageWord}
      </h2>
      <p>This abbreviation has {definitions.length === 2 ? 'two' : definitions.length} medical meanings, and this page does not say which one it uses:</p>
      <ul class="sense-list">
        {definitions.map((d) => (
          <li key={d.id} data-testid="sense">
            <button type="button" class="link-button" onClick={() => onShow(d.id)}>
              {d.headword}
            </button>
            <span class="category"> {d.categoryLabel}</span>
            <p class="definition">{d.definition}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
