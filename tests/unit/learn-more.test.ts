import { describe, expect, it } from 'vitest';
import { isKnownSource, learnMoreRoute, learnMoreUrl } from '../../src/glossary/learn-more';

const entry = (over: Partial<Parameters<typeof learnMoreUrl>[0]>) => ({
  headword: 'bone scan',
  category: 'test' as const,
  drugClass: false,
  sources: ['NCI Dictionary of Cancer Terms'],
  ...over,
});

describe('learn-more links', () => {
  it('sends a cancer term to the NCI dictionary search for its headword', () => {
    expect(learnMoreUrl(entry({}))).toBe('https://www.cancer.gov/publications/dictionaries/cancer-terms/search/bone%20scan/?searchMode=Begins');
  });

  it('sends a single medicine to the NCI Drug Dictionary, but never a drug class', () => {
    expect(learnMoreUrl(entry({ headword: 'denosumab', category: 'drug', sources: ['NCI Drug Dictionary'] }))).toContain('/cancer-drug/search/denosumab/');
    const cls = entry({ headword: 'bisphosphonate', category: 'drug', drugClass: true, sources: ['NCI Drug Dictionary', 'MedlinePlus: Osteoporosis'] });
    expect(learnMoreRoute(cls)?.route).toBe('medlineplus');
    expect(learnMoreUrl(cls)).toContain('query=Osteoporosis');
  });

  it('sends a general-medicine term to MedlinePlus search for the topic its source names', () => {
    const url = learnMoreUrl(entry({ headword: 'gout', category: 'condition', sources: ['MedlinePlus: Gout', 'NIAMS: Gout'] }));
    expect(new URL(url).hostname).toBe('vsearch.nlm.nih.gov');
    expect(url).toContain('project=medlineplus');
    expect(url.endsWith('query=Gout')).toBe(true);
  });

  it('never puts an encoded slash in a path', () => {
    const url = learnMoreUrl(entry({ headword: 'folinic acid/5-FU', sources: ['NCI Dictionary of Cancer Terms'] }));
    expect(new URL(url).pathname).not.toMatch(/%2F/i);
  });

  it('has no link for an entry whose sources have no page for it', () => {
    expect(learnMoreRoute(entry({ sources: ['FDA label: Xgeva'] }))).toBeUndefined();
    expect(learnMoreRoute(entry({ category: 'condition', sources: ['NCI Drug Dictionary'] }))).toBeUndefined();
  });

  it('accepts sources named as their publishers name them, and nothing else', () => {
    for (const ok of ['NCI Dictionary of Cancer Terms', 'MedlinePlus: Gout', 'MedlinePlus Drugs: Metformin', 'FDA label: Xgeva', 'NHLBI: Angina', 'CDC: Flu']) {
      expect(isKnownSource(ok), ok).toBe(true);
    }
    for (const bad of ['Wikipedia', 'MedlinePlus', 'my notes', 'nci dictionary']) expect(isKnownSource(bad), bad).toBe(false);
  });
});
