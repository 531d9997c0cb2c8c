import type { Definition } from './types';
import { createSearch } from './search';

/** The definitions as the background serves them: by id, and searchable. */
export function definitionService(definitions: Definition[]) {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const search = createSearch(definitions);
  return {
    lookup: (id: string): Definition | null => byId.get(id) ?? null,
    suggest: (text: string): Definition[] => search(text, 5),
  };
}
