import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import type { Definition } from '../glossary/types';
import { TermMatcher } from '../match/matcher';
import { collectRuns } from '../page/collect';
import { detectLanguage } from '../page/language-detector';
import { readTree } from '../page/reading';
import type { BuiltGlossary } from '../glossary/build';

/** One match as the scanner prints it (the format ../shared/eval/README.md defines, plus context). */
export interface ScanResult {
  text: string;
  id: string;
  term: string;
  kind: 'exact' | 'misspelling';
}

/** Parses an HTML (or plain-text) file in Node and runs the same collection and matching as the extension. */
export function scanFile(path: string, glossary: BuiltGlossary, matcher = new TermMatcher(glossary.termIndex)): ScanResult[] {
  return scanRoot(parseFile(path), glossary, matcher);
}

/** The same as scanFile, for HTML already in memory (the precision test reads manual pages this way). */
export function scanHtml(html: string, glossary: BuiltGlossary, matcher = new TermMatcher(glossary.termIndex)): ScanResult[] {
  return scanRoot(parseDocument(html), glossary, matcher);
}

/**
 * What a reader would see highlighted on a page: its language decided, its evidence gathered, the
 * same reading as the content script's.
 */
function scanRoot(root: Node, glossary: BuiltGlossary, matcher: TermMatcher): ScanResult[] {
  return readTree(root, matcher, detectLanguage).map((m) => {
    const [id, term] = glossary.termIndex.entries[m.entry]!;
    return { text: m.text, id, term, kind: m.kind };
  });
}

/** The reading text of an HTML (or plain-text) file, as the runs the extension would match. */
export function pageTexts(path: string): string[] {
  return [...collectRuns(parseFile(path))].map((run) => run.text);
}

function parseFile(path: string): Node {
  const source = readFileSync(path, 'utf8');
  return parseDocument(/\.html?$/i.test(path) ? source : `<pre>${escapeHtml(source)}</pre>`);
}

function parseDocument(html: string): Node {
  const { document } = parseHTML(html);
  return document.body ?? document.documentElement;
}
/** The study sheet: each term once, in page order, with its definition. */
export function studySheet(results: ScanResult[], definitions: Definition[]): string {
  const byId = new Map(definitions.map((d) => [d.id, d]));
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const result of results) {
    if (seen.has(result.id)) continue;
    seen.add(result.id);
    const d = byId.get(result.id)!;
    const said = result.text.toLowerCase() === d.headword.toLowerCase() ? '' : ` (page says "${result.text}")`;
    const flag = result.kind === 'misspelling' ? ` (page says "${result.text}": probably means ${d.headword})` : said;
    lines.push(`${d.headword}${d.pronunciation ? ` [${d.pronunciation}]` : ''}${flag}\n  ${d.definition}\n`);
  }
  return lines.length > 0 ? lines.join('\n') : 'No glossary terms found.\n';
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}
