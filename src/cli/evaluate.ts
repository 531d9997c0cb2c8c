import type { ScanResult } from './scan-file';

/** The same figures as ../shared/eval/score.py: recall on gold surfaces, noise, and extras. */
export interface GoldTerm {
  surface: string;
  concept: string;
}

export interface PageScore {
  gold: number;
  found: number;
  recall: number;
  noise: string[];
  extras: string[];
  misses: string[];
  misspellings: Array<{ text: string; id: string; term: string }>;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function singular(word: string): string {
  for (const [suffix, replacement] of [['ies', 'y'], ['ses', 'sis'], ['s', '']] as const) {
    if (word.endsWith(suffix) && word.length > suffix.length + 2) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

function covers(match: string, surface: string): boolean {
  if (match === surface) return true;
  const escaped = surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(match);
}

export function scorePage(gold: GoldTerm[], matches: ScanResult[], never: ReadonlySet<string>): PageScore {
  const texts = matches.map((m) => norm(m.text));
  const isNoise = (t: string) => never.has(t) || never.has(singular(t));
  const found = gold.filter((g) => texts.some((t) => covers(t, norm(g.surface))));
  const goldSurfaces = gold.map((g) => norm(g.surface));
  return {
    gold: gold.length,
    found: found.length,
    recall: found.length / Math.max(1, gold.length),
    noise: texts.filter(isNoise),
    extras: [...new Set(texts.filter((t) => !isNoise(t) && !goldSurfaces.some((s) => covers(t, s))))].sort(),
    misses: gold.filter((g) => !found.includes(g)).map((g) => g.surface),
    misspellings: matches.filter((m) => m.kind === 'misspelling').map(({ text, id, term }) => ({ text, id, term })),
  };
}
