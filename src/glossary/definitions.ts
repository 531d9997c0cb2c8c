import { createSearch } from './search';
import type { Definition } from './types';

/** The definitions as the background serves them: by id, and the closest entries to any text. */
export function definitionService(definitions: Definition[]) {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const search = createSearch(definitions);
  // The popup's type-ahead search is strict; text that is no term at all ("banana bread") still gets
  // the closest entries from a looser one, so the "not in the glossary" popover always offers some.
  let loose: ReturnType<typeof createSearch> | undefined;
  return {
    lookup: (id: string): Definition | null => byId.get(id) ?? null,
    suggest: (text: string): Definition[] => {
      const close = search(text, 5);
      if (close.length > 0) return close;
      loose ??= createSearch(definitions, { threshold: 0.6 });
      return loose(text, 5);
    },
  };
}
