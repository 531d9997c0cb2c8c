import type { Definition } from '../glossary/types';
import { inflections } from '../match/inflect';
import { normalizeToken } from '../match/normalize';
import { tokenize } from '../match/tokenize';

/** How the word on the page relates to the entry's headword, when it is not the headword itself. */
export type PageWordRelation = 'abbreviation' | 'brand' | 'alias' | 'form' | 'spelling';

export interface PageWord {
  word: string;
  relation: PageWordRelation;
}

type Names = Pick<Definition, 'headword' | 'aliases' | 'abbreviations' | 'brands'>;

/**
 * Says what the page's word is to the entry ("SRE" is short for skeletal-related event, "Xgeva" a
 * brand of denosumab, "tumour" another spelling of tumor), or undefined when the page writes the
 * headword itself (any case, plural, possessive or hyphenation).
 */
export function describePageWord(pageText: string, definition: Names): PageWord | undefined {
  const word = pageText.replace(/\s+/g, ' ').trim();
  if (!word) return undefined;
  if (sameWord(word, definition.headword, false)) return undefined;
  if (sameWord(word, definition.headword, true)) return { word, relation: 'spelling' };
  const abbreviations = definition.abbreviations ?? [];
  if (abbreviations.some((a) => word === a || word === `${a}s`)) return { word, relation: 'abbreviation' };
  const brands = definition.brands ?? [];
  if (brands.some((b) => sameWord(word, b, true))) return { word, relation: 'brand' };
  const alias = definition.aliases.find((a) => !abbreviations.includes(a) && !brands.includes(a) && sameWord(word, a, true));
  if (alias === undefined) return undefined;
  return { word, relation: sharesStem(alias, definition.headword) ? 'form' : 'alias' };
}

const LEADS: Record<PageWordRelation, string> = {
  abbreviation: 'short for',
  brand: 'a brand name of',
  alias: 'another name for',
  form: 'a form of the word',
  spelling: 'another spelling of',
};

/** What comes before the headword in the popover's first line: "SRE: short for " (skeletal-related event). */
export function pageWordLead({ word, relation }: PageWord): string {
  return `${word}: ${LEADS[relation]} `;
}

/**
 * Whether two surfaces are the same word: token by token, the last one perhaps inflected, hyphens and
 * spaces alike. `folded` compares normalized tokens (British spellings, diacritics), else as written.
 */
function sameWord(a: string, b: string, folded: boolean): boolean {
  const left = words(a, folded);
  const right = words(b, folded);
  if (left.join('') === right.join('')) return true;
  if (left.length !== right.length || left.length === 0) return false;
  for (let i = 0; i < left.length - 1; i++) if (left[i] !== right[i]) return false;
  const [x, y] = [left[left.length - 1]!, right[right.length - 1]!];
  return x === y || inflections(y).includes(x) || inflections(x).includes(y);
}

function words(surface: string, folded: boolean): string[] {
  return tokenize(surface).map((t) => (folded ? normalizeToken(t.raw) : t.raw.toLowerCase()));
}

/** "metastatic" and "metastasis", "vertebral" and "vertebra": one word in two forms, not two names. */
function sharesStem(alias: string, headword: string): boolean {
  const a = alias.toLowerCase();
  const h = headword.toLowerCase();
  if (a.includes(' ') || h.includes(' ')) return false;
  let common = 0;
  while (common < a.length && common < h.length && a[common] === h[common]) common++;
  return common >= 5 && common >= Math.min(a.length, h.length) * 0.6;
}
