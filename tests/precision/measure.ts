import type { BuiltGlossary } from '../../src/glossary/build';
import { scanHtml, type ScanResult } from '../../src/cli/scan-file';
import { TermMatcher } from '../../src/match/matcher';
import { toHtml, type CorpusPage } from './corpus';

/** What a reader would have seen on a set of pages, by kind, with examples to look at. */
export interface PrecisionFigures {
  pages: number;
  megabytes: number;
  misspellings: ScanResult[];
  abbreviations: ScanResult[];
  others: ScanResult[];
  /** Pages where at least one highlight was shown, by path. */
  pagesWithHighlights: Map<string, ScanResult[]>;
}

/** Runs the CLI's reading (collect, language, match, evidence) on each page, as its own document. */
export function measure(pages: CorpusPage[], glossary: BuiltGlossary, matcher = new TermMatcher(glossary.termIndex)): PrecisionFigures {
  const abbreviationsOf = new Map(glossary.sources.map(({ entry }) => [entry.id, new Set(entry.abbreviations.flatMap((a) => [a, `${a}s`]))]));
  const figures: PrecisionFigures = { pages: pages.length, megabytes: 0, misspellings: [], abbreviations: [], others: [], pagesWithHighlights: new Map() };
  let bytes = 0;
  for (const page of pages) {
    bytes += page.bytes;
    const results = scanHtml(toHtml(page.blocks), glossary, matcher);
    if (results.length > 0) figures.pagesWithHighlights.set(page.path, results);
    for (const r of results) {
      if (r.kind === 'misspelling') figures.misspellings.push(r);
      else if (abbreviationsOf.get(r.id)?.has(r.text)) figures.abbreviations.push(r);
      else figures.others.push(r);
    }
  }
  figures.megabytes = bytes / 1_000_000;
  return figures;
}

/** Per MB, rounded for a report. */
export const perMegabyte = (count: number, megabytes: number) => (megabytes > 0 ? Math.round((count / megabytes) * 100) / 100 : 0);

/** The most frequent texts of a list of results: "SRE→skeletal-related-event ×17". */
export function examples(results: ScanResult[], limit = 12): string {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(`${r.text}→${r.id}`, (counts.get(`${r.text}→${r.id}`) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([text, n]) => `${text} ×${n}`)
    .join(', ');
}
