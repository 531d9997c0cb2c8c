import type { Need } from '../match/evidence';
import type { TermMatcher, MatchKind, TextMatch } from '../match/matcher';
import { collectRuns, locate, type CollectOptions, type TextRun } from './collect';

/** A term found on a page: where it is in the DOM and which glossary entry it means. */
export interface PageMatch {
  entry: number;
  kind: MatchKind;
  /** The page's text of the match, exactly as written (across inline elements). */
  text: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
  /** Every text node the match spans, when it spans more than one (a term split across elements). */
  nodes?: Text[];
  /** What the page must support before a reader sees it (see PageEvidence). */
  needs?: Need;
  /** Every medical sense of an abbreviation that its context did not decide (`entry` is the first). */
  senses?: number[];
}

/** Matches every term in one run of text and maps each back to DOM positions. */
export function scanRun(run: TextRun, matcher: TermMatcher): PageMatch[] {
  return toPageMatches(run, matcher.findInText(run.text));
}

/** Maps a run's text matches back to DOM positions. */
export function toPageMatches(run: TextRun, found: TextMatch[]): PageMatch[] {
  return found.map((m) => {
    const start = locate(run, m.start, true);
    const end = locate(run, m.end, false);
    const nodes = start.node === end.node ? undefined : run.nodes.slice(run.nodes.indexOf(start.node), run.nodes.indexOf(end.node) + 1);
    return {
      ...(nodes ? { nodes } : {}),
      ...(m.needs ? { needs: m.needs } : {}),
      ...(m.senses ? { senses: m.senses } : {}),
      entry: m.entry,
      kind: m.kind,
      text: run.text.slice(m.start, m.end),
      startNode: start.node,
      startOffset: start.offset,
      endNode: end.node,
      endOffset: end.offset,
    };
  });
}

/** Scans a whole tree at once (CLI and tests; the content script slices this work). */
export function scanTree(root: Node, matcher: TermMatcher, options?: CollectOptions): PageMatch[] {
  const matches: PageMatch[] = [];
  for (const run of collectRuns(root, options)) matches.push(...scanRun(run, matcher));
  return matches;
}
