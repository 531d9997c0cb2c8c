/**
 * Inflected forms of a glossary word, generated at build time so the page matcher needs one map
 * lookup per word. Covers English plurals and third-person verbs, Latin and Greek plurals
 * (metastasis/metastases, vertebra/vertebrae, humerus/humeri, bacterium/bacteria, cortex/cortices),
 * and the verb forms of -ize words (metastasize/metastasized/metastasizing).
 */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w) || w.length < 3) return [];
  const forms = new Set<string>([...nounPlurals(w), ...verbForms(w)]);
  forms.delete(w);
  return [...forms];
}

function nounPlurals(w: string): string[] {
  if (w.endsWith('itis') || w.endsWith('ics')) return [];
  if (w.endsWith('sis')) return [w.slice(0, -3) + 'ses'];
  if (w.endsWith('us') && w.length > 4) return [w.slice(0, -2) + 'i', w + 'es'];
  if (w.endsWith('um') && w.length > 4) return [w.slice(0, -2) + 'a', w + 's'];
  if (w.endsWith('oma')) return [w + 's', w + 'ta'];
  if (w.endsWith('a')) return [w + 'e', w + 's'];
  if (w.endsWith('on') && w.length > 6) return [w.slice(0, -2) + 'a', w + 's'];
  if (/(?:ex|ix)$/.test(w)) return [w.slice(0, -2) + 'ices', w + 'es'];
  if (w.endsWith('men') && w.length > 5) return [w.slice(0, -2) + 'ina', w + 's'];
  if (/[^aeiou]y$/.test(w)) return [w.slice(0, -1) + 'ies'];
  if (/(?:s|x|z|ch|sh)$/.test(w)) return [w + 'es'];
  if (w.endsWith('is')) return [w.slice(0, -2) + 'es'];
  return [w + 's'];
}

function verbForms(w: string): string[] {
  if (!/[iy]ze$|[iy]se$/.test(w)) return [];
  return [w + 'd', w + 's', w.slice(0, -1) + 'ing'];
}

/** Plural of an abbreviation as pages write it: CT -> CTs, NSAID -> NSAIDs. */
export function abbreviationPlural(abbreviation: string): string | undefined {
  return /[A-Za-z]$/.test(abbreviation) && !/s$/.test(abbreviation) ? abbreviation + 's' : undefined;
}
