import { useState } from 'preact/hooks';
import type { Definition } from '../glossary/types';

export interface DefinitionCardProps {
  definition: Definition;
  /** Page text that is probably a misspelling of this entry. */
  misspelledAs?: string;
  headingId: string;
  onRelated: (id: string) => void;
  /** Show the longer explanation at once (the popup has room); the page popover keeps it behind a button. */
  expanded?: boolean;
}

/** The plain-language explanation of one entry: shared by the page popover and the toolbar popup. */
export function DefinitionCard({ definition, misspelledAs, headingId, onRelated, expanded = false }: DefinitionCardProps) {
  const [showMore, setShowMore] = useState(expanded);
  return (
    <div class="card">
      {misspelledAs !== undefined && (
        <p class="probably" data-testid="probably">
          "{misspelledAs}" is probably a misspelling. Probably means <strong>{definition.headword}</strong>.
        </p>
      )}
      <div class="heading">
        <h2 id={headingId} class="headword">
          {definition.headword}
        </h2>
        <span class="category">{definition.categoryLabel}</span>
      </div>
      {definition.pronunciation && (
        <p class="pronunciation">
          <span class="visually-hidden">Say it: </span>
          {definition.pronunciation}
        </p>
      )}
      <p class="definition" data-testid="definition">
        {definition.definition}
      </p>
      {definition.more && showMore && <p class="more">{definition.more}</p>}
      {definition.more && !showMore && (
        <button type="button" class="link-button more-toggle" aria-expanded="false" onClick={() => setShowMore(true)}>
          More about {definition.headword}
        </button>
      )}
      {definition.related.length > 0 && (
        <div class="related">
          <span class="related-label">Related: </span>
          <ul>
            {definition.related.map((r) => (
              <li key={r.id}>
                <button type="button" class="link-button" onClick={() => onRelated(r.id)}>
                  {r.headword}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <a class="learn-more" href={definition.url} target="_blank" rel="noopener noreferrer">
        Learn more: {sourceName(definition.url)}
        <span class="visually-hidden"> (opens in a new tab)</span>
      </a>
    </div>
  );
}

/** Names the trusted source a learn-more link goes to, so the reader knows where it leads. */
export function sourceName(url: string): string {
  const { hostname, pathname } = new URL(url);
  if (hostname.endsWith('cancer.gov')) return pathname.includes('/cancer-drug/') ? 'NCI Drug Dictionary' : 'NCI Dictionary of Cancer Terms';
  if (hostname.endsWith('medlineplus.gov') || url.includes('project=medlineplus')) return 'MedlinePlus';
  return 'National Institutes of Health';
}
