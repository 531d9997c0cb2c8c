import type { GlossaryEntry } from './schema';

/**
 * Where "Learn more" sends a reader. Each entry names the references its facts were checked
 * against (`sources`); the link goes to the first of them that has a page for the term, by a rule
 * the lint checks, so a drug class never lands in the NCI Drug Dictionary (which lists single
 * medicines) and a general-medicine term never lands in an NCI cancer dictionary.
 */

/** The publishers a source may name, and whether a learn-more link can be made from it. */
const SOURCE_FORMS: Array<{ pattern: RegExp; route?: Route }> = [
  { pattern: /^NCI Dictionary of Cancer Terms$/, route: 'nci-terms' },
  { pattern: /^NCI Drug Dictionary$/, route: 'nci-drugs' },
  { pattern: /^NCI Dictionary of Genetics Terms$/ },
  { pattern: /^NCI(?: PDQ)?: .+$/ },
  { pattern: /^MedlinePlus(?: Drugs| Lab Tests| Medical Encyclopedia| Genetics)?: .+$/, route: 'medlineplus' },
  { pattern: /^FDA label: .+$/ },
  { pattern: /^(?:NHLBI|NIDDK|NIAMS|NIMH|NINDS|NIAID|NEI|NIDCD|NICHD|NIA|NHGRI|NIDCR|NIEHS|NCCIH|NIAAA|NIDA|NIBIB|NINR|NLM|NIH|CDC): .+$/ },
];

export type Route = 'nci-terms' | 'nci-drugs' | 'medlineplus';

const NCI = 'https://www.cancer.gov/publications/dictionaries';

/** Whether a source is named in one of the accepted forms. */
export function isKnownSource(source: string): boolean {
  return SOURCE_FORMS.some((form) => form.pattern.test(source));
}

function routeOf(source: string): Route | undefined {
  return SOURCE_FORMS.find((form) => form.pattern.test(source))?.route;
}

/** Why an entry may not be linked through a route, or undefined when it may. */
export function routeProblem(entry: Pick<GlossaryEntry, 'category' | 'drugClass'>, route: Route): string | undefined {
  if (route === 'nci-drugs' && entry.category !== 'drug') return 'the NCI Drug Dictionary lists medicines only';
  if (route === 'nci-drugs' && entry.drugClass) return 'the NCI Drug Dictionary lists single medicines, not drug classes';
  return undefined;
}

/** The first source that can link this entry, with its route. */
export function learnMoreRoute(entry: Pick<GlossaryEntry, 'category' | 'drugClass' | 'sources'>): { source: string; route: Route } | undefined {
  for (const source of entry.sources ?? []) {
    const route = routeOf(source);
    if (route && !routeProblem(entry, route)) return { source, route };
  }
  return undefined;
}

/** A search term safe in a URL path segment: no slash (an encoded slash in a path breaks many servers). */
function pathTerm(text: string): string {
  return encodeURIComponent(text.replace(/\//g, ' ').replace(/\s+/g, ' ').trim());
}

/** The learn-more link: the entry's own `url`, else a page of its first linkable source. */
export function learnMoreUrl(entry: Pick<GlossaryEntry, 'headword' | 'category' | 'drugClass' | 'sources' | 'url'>): string {
  if (entry.url) return entry.url;
  const found = learnMoreRoute(entry);
  switch (found?.route) {
    case 'nci-drugs':
      return `${NCI}/cancer-drug/search/${pathTerm(entry.headword)}/?searchMode=Begins`;
    case 'medlineplus': {
      // MedlinePlus's own search: the topic named in the source ("MedlinePlus: Gout") ranks first.
      const topic = found.source.slice(found.source.indexOf(':') + 1).trim();
      return `https://vsearch.nlm.nih.gov/vivisimo/cgi-bin/query-meta?v%3Aproject=medlineplus&v%3Asources=medlineplus-bundle&query=${encodeURIComponent(topic)}`;
    }
    case 'nci-terms':
    default:
      return `${NCI}/cancer-terms/search/${pathTerm(entry.headword)}/?searchMode=Begins`;
  }
}
