/**
 * The in-page side of the benchmark, bundled by esbuild into an IIFE (see bundle.ts) and injected
 * into each freshly loaded page. It drives Termlight's real modules (the PageController with a
 * minimal ctx stub), mark.js, and the TreeWalker floor, and times them with performance.now().
 */
import { TermMatcher } from '../../src/match/matcher';
import { normalizeToken } from '../../src/match/normalize';
import { tokenize } from '../../src/match/tokenize';
import { collectRuns } from '../../src/page/collect';
import { PageEvidence } from '../../src/page/page-evidence';
import { Highlighter } from '../../src/page/highlighter';
import { toPageMatches, type PageMatch } from '../../src/page/scan';
import { freshIndex, longest, nextFrame, OWN_HOST, registeredRanges, resetFirstViewport, setIndex, settled, startTermlight, watchLongTasks } from './page-common';
import { burst, ticker } from './page-living';

export interface TermlightRun {
  ms: number;
  /** Until the first IntersectionObserver delivery that registered ranges has finished. */
  firstViewportMs: number | null;
  /** Longest task of either kind (see watchLongTasks); the rendering ones alone below. */
  longestTaskMs: number;
  longestRenderMs: number;
  longTasks: number;
  /** Time spent constructing the TermMatcher (included in `ms`). */
  matcherMs: number;
  /** Main-thread time Termlight used: its synchronous start plus every scan slice (waits excluded). */
  mainThreadMs: number;
  matches: number;
  registered: number;
}

export interface MarkRun {
  ms: number;
  marks: number;
  timedOut: boolean;
}

async function runTermlight(): Promise<TermlightRun> {
  const firstViewport = resetFirstViewport();
  const tasks = watchLongTasks();
  const start = performance.now();
  const { controller, matcherMs } = startTermlight();
  const startMs = performance.now() - start;
  await settled(controller);
  const ms = performance.now() - start;
  // A small page is scanned before the first rendering step: give the observer a few frames.
  for (let i = 0; i < 10 && firstViewport() === undefined; i++) await nextFrame();
  const viewportDone = firstViewport();
  const longTasks = await tasks.stop();
  return {
    ms,
    firstViewportMs: viewportDone === undefined ? null : viewportDone - start,
    longestTaskMs: longest(longTasks),
    longestRenderMs: longest(longTasks.filter((t) => t.kind === 'render')),
    longTasks: longTasks.length,
    matcherMs: matcherMs(),
    mainThreadMs: startMs + controller.scanMainThreadMs,
    matches: controller.store.size,
    registered: registeredRanges(controller),
  };
}

export interface Phases {
  collectMs: number;
  normalizeMs: number;
  matchMs: number;
  rangesMs: number;
  highlightMs: number;
  runs: number;
  tokens: number;
  matches: number;
}

/**
 * Termlight's pipeline one phase at a time, unsliced, on a freshly loaded page (so as cold as the
 * real start): collect (walk the DOM into runs of text), normalize (tokenize and fold every word),
 * match (findInText, less the normalize time it contains; it includes the lazy index reads), ranges
 * (DOM positions for every match), highlight registration (the Highlighter's sync and its
 * IntersectionObserver deliveries, where ranges are made and registered). The index's sections are
 * inflated natively first, as in the real scan; their first reads (the word list, rows) stay in match.
 * Not the real run's
 * order or slicing: it shows where the time goes.
 */
async function runPhases(): Promise<Phases> {
  // As the content script does before its first slice (PageController.scan): the index's sections are
  // inflated natively, between tasks, so the match phase times the matcher's reads, not fflate's.
  const index = freshIndex();
  await index.ready();
  const matcher = new TermMatcher(index);
  let start = performance.now();
  const runs = [...collectRuns(document.body, { ownHostName: OWN_HOST })];
  const collectMs = performance.now() - start;
  start = performance.now();
  let tokens = 0;
  for (const run of runs) {
    const words = tokenize(run.text);
    for (const word of words) normalizeToken(word.raw);
    tokens += words.length;
  }
  const normalizeMs = performance.now() - start;
  start = performance.now();
  // As a page's reading does (src/page/reading.ts): misspellings are looked for once the page's
  // health signal is on, and the runs before it are read again then.
  const evidence = new PageEvidence();
  const deferred: number[] = [];
  const found = runs.map((run, i) => {
    let unchecked = false;
    const sink = { term: (entry: number, plain: boolean) => evidence.term(entry, plain), words: (count: number) => evidence.words(count), misspellingsUnchecked: () => (unchecked = true) };
    const matches = matcher.findInText(run.text, sink, { misspellings: evidence.health.on });
    if (unchecked) deferred.push(i);
    return matches;
  });
  if (evidence.health.on) for (const i of deferred) found[i] = matcher.findInText(runs[i]!.text);
  const matchMs = Math.max(0, performance.now() - start - normalizeMs);
  start = performance.now();
  const matches: PageMatch[] = runs.flatMap((run, i) => toPageMatches(run, found[i]!));
  const rangesMs = performance.now() - start;
  const lifetime = new AbortController();
  const highlighter = new Highlighter(lifetime.signal);
  const proto = Highlighter.prototype as unknown as { onIntersections: (entries: IntersectionObserverEntry[]) => void };
  const original = proto.onIntersections;
  let highlightMs = 0;
  proto.onIntersections = function (this: Highlighter, entries) {
    const t = performance.now();
    original.call(this, entries);
    highlightMs += performance.now() - t;
  };
  try {
    start = performance.now();
    highlighter.sync(new Set(matches));
    highlighter.observePending(); // at once, not after the batching delay: the frames below deliver
    highlightMs += performance.now() - start;
    for (let i = 0; i < 5; i++) await nextFrame();
  } finally {
    proto.onIntersections = original;
    lifetime.abort();
  }
  return { collectMs, normalizeMs, matchMs, rangesMs, highlightMs, runs: runs.length, tokens, matches: matches.length };
}

function runFloor(): { ms: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return { ms: performance.now() - start, chars };
}

interface MarkOptions {
  separateWordSearch?: boolean;
  diacritics?: boolean;
  accuracy?: string;
  done?: (marks: number) => void;
}
declare const Mark: new (context: Element) => {
  mark(terms: string[], options: MarkOptions): void;
  markRegExp(regexp: RegExp, options: MarkOptions): void;
};

/**
 * mark.js 8.11. Its mark() recurses once per term (arrays much over 500 overflow the stack) and
 * walks the whole DOM once per term, so batch size does not change its cost: batches of 100 keep
 * the cap check fine-grained.
 */
const MARK_BATCH = 100;

/** The page's top-level blocks: an article's sections, else the body's children. */
function markContexts(): Element[] {
  const article = document.querySelector('article');
  if (!article) return [...document.body.children];
  const outside = [...document.body.querySelectorAll('*')].filter((e) => e.parentElement && !e.contains(article) && e.parentElement.contains(article));
  return [...outside, ...article.children];
}
async function runMark(mode: 'markjs' | 'markjs_regexp', terms: string[], capMs: number): Promise<MarkRun> {
  const start = performance.now();
  const instance = new Mark(document.body);
  let marks = 0;
  if (mode === 'markjs_regexp') {
    // Longest first so a phrase wins over its first word; blanks match any run of white space as mark() does.
    const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ +/g, '\\s+'));
    const pattern = new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
    // One block of the page at a time, so the cap can stop it in between (mark.js does not match
    // across elements, so the split changes nothing it finds).
    for (const context of markContexts()) {
      if (performance.now() - start > capMs) return { ms: performance.now() - start, marks, timedOut: true };
      new Mark(context).markRegExp(pattern, { done: (n) => (marks += n) });
    }
    return { ms: performance.now() - start, marks, timedOut: false };
  }
  const options = { separateWordSearch: false, diacritics: false, accuracy: 'exactly' };
  // mark.js sorts each array longest first; sorting the whole list keeps that order across batches.
  const sorted = [...terms].sort((a, b) => b.length - a.length);
  for (let i = 0; i < sorted.length; i += MARK_BATCH) {
    // The cap is checked between batches: one batch runs synchronously and cannot be interrupted.
    if (performance.now() - start > capMs) return { ms: performance.now() - start, marks, timedOut: true };
    marks += await new Promise<number>((resolve) => instance.mark(sorted.slice(i, i + MARK_BATCH), { ...options, done: resolve }));
  }
  return { ms: performance.now() - start, marks, timedOut: false };
}

const api = { setIndex, runTermlight, runPhases, runFloor, runMark, burst, ticker };
export type BenchApi = typeof api;
(window as unknown as { __termlight: BenchApi }).__termlight = api;
