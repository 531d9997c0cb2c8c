import { toIndexReader, type TermIndexReader } from '../match/index-reader';
import type { TermIndex } from '../glossary/types';
import { TermMatcher } from '../match/matcher';
import { Highlighter, highlightApiSupported } from '../page/highlighter';
import { scanRun, type PageMatch } from '../page/scan';
import { Slicer } from '../page/schedule';
import { MatchStore } from '../page/store';
import { visibleMatches } from '../page/visibility';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { saveContext, type ReaderSaveContext } from './save-context';
import { textContentText, textLayerRun } from './text-runs';

/** A term found somewhere in the document, with every page it is on ("On this page"). */
export interface DocumentTerm {
  id: string;
  headword: string;
  pages: number[];
}

/**
 * Termlight in the PDF reader: the same matcher, match store, visibility rule and Highlighter as on
 * web pages, fed one rendered text layer at a time instead of a page's DOM. Pages are matched in
 * slices as PDF.js renders them, so scrolling a long document never gets a long task from us.
 * Everything it starts ends with `signal`.
 */
export class ReaderController {
  readonly store = new MatchStore();
  /** Main-thread milliseconds spent matching, summed over slices (the benchmark reports it). */
  scanMainThreadMs = 0;
  /** Longest uninterrupted piece of Termlight's work in the reader, in ms (the benchmark reports it; a long task is 50). */
  longestTaskMs = 0;
  /** performance.now() when the first highlights were shown (the benchmark reports it). */
  firstHighlightsAt: number | undefined;
  private matcher: TermMatcher | undefined;
  private lookupMatcher: TermMatcher | undefined;
  private readonly highlighter: Highlighter | undefined;
  private settings: Settings = DEFAULT_SETTINGS;
  private knownEntries = new Set<number>();
  private visible = new Set<PageMatch>();
  private readonly pageMatches = new Map<number, { layer: Element; matches: PageMatch[] }>();
  private readonly queued = new Map<number, Element>();
  private draining = false;
  readonly termIndex: TermIndexReader;
  /** Entry number -> pages it is on, from the whole document's text (not only rendered pages). */
  private readonly documentTerms = new Map<number, Set<number>>();

  constructor(
    termIndex: TermIndex | TermIndexReader,
    private readonly signal: AbortSignal,
    private readonly onChange: () => void = () => {},
  ) {
    this.termIndex = toIndexReader(termIndex);
    if (highlightApiSupported()) this.highlighter = new Highlighter(signal);
  }

  get isActive(): boolean {
    return !this.settings.paused && !this.signal.aborted;
  }

  isVisible = (match: PageMatch): boolean => this.visible.has(match);

  /** The entries a match may mean (the web page weighs page evidence; a PDF match means its own entry). */
  sensesOf(match: PageMatch): number[] {
    return [match.entry];
  }

  getMatcher(): TermMatcher {
    return (this.matcher ??= new TermMatcher(this.termIndex, { includeEveryday: this.settings.underlineEveryday }));
  }

  getLookupMatcher(): TermMatcher {
    if (this.settings.underlineEveryday) return this.getMatcher();
    return (this.lookupMatcher ??= new TermMatcher(this.termIndex, { includeEveryday: true }));
  }

  applySettings(settings: Settings): void {
    const everydayChanged = settings.underlineEveryday !== this.settings.underlineEveryday;
    this.settings = settings;
    this.knownEntries = new Set(settings.knownTerms.map((id) => this.termIndex.entryNumber(id)).filter((n): n is number => n !== undefined));
    this.highlighter?.setStyle(settings.highlightStyle);
    if (everydayChanged) {
      // What counts as a term changed: match every rendered page again with the new rule.
      this.matcher = undefined;
      for (const [page, { layer }] of this.pageMatches) this.queued.set(page, layer);
      void this.drain();
    }
    this.refreshVisible();
  }

  /** A page's text layer was rendered (or changed): match it, replacing what was found there before. */
  pageRendered(pageNumber: number, layer: Element): void {
    const known = this.pageMatches.get(pageNumber);
    // Zooming re-renders a text layer in place: same nodes, same matches.
    if (known && known.layer === layer && known.matches.every((m) => m.startNode.isConnected && m.endNode.isConnected) && !this.queued.has(pageNumber)) return;
    this.queued.set(pageNumber, layer);
    void this.drain();
  }

  /** The text layer changed under us (the find bar marks its matches by splitting text nodes). */
  pageChanged(pageNumber: number, layer: Element): void {
    this.queued.set(pageNumber, layer);
    void this.drain();
  }

  /** Terms found in the document so far, by headword, with their pages. */
  documentTermList(): DocumentTerm[] {
    return [...this.documentTerms]
      .filter(([entry]) => !this.knownEntries.has(entry))
      .map(([entry, pages]) => {
        const [id, headword] = this.termIndex.entry(entry);
        return { id, headword, pages: [...pages].sort((a, b) => a - b) };
      })
      .sort((a, b) => a.headword.localeCompare(b.headword));
  }

  /**
   * Indexes the whole document for "On this page": reads every page's text (PDF.js parses it in its
   * worker) and matches it in slices. Resolves when done or when `signal` aborts.
   */
  async indexDocument(pageCount: number, pageText: (pageNumber: number) => Promise<ReadonlyArray<{ str?: string; hasEOL?: boolean }>>, onProgress: (done: number) => void): Promise<void> {
    for (let page = 1; page <= pageCount; page++) {
      if (this.signal.aborted) return;
      // Waiting for the worker frees the main thread; each page's matching is then a short task of its own.
      const items = await pageText(page);
      const started = performance.now();
      for (const match of this.getMatcher().findInText(textContentText(items))) {
        let pages = this.documentTerms.get(match.entry);
        if (!pages) this.documentTerms.set(match.entry, (pages = new Set()));
        pages.add(page);
      }
      this.countWork(started);
      if (page % 10 === 0) onProgress(page);
    }
    onProgress(pageCount);
  }

  /** Adds main-thread time spent since `started` (one uninterrupted piece of our work). */
  private countWork(started: number): void {
    const spent = performance.now() - started;
    this.scanMainThreadMs += spent;
    this.longestTaskMs = Math.max(this.longestTaskMs, spent);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const slicer = new Slicer();
    let sliceStarted = performance.now();
    try {
      while (this.queued.size > 0 && !this.signal.aborted) {
        const [pageNumber, layer] = this.queued.entries().next().value!;
        this.queued.delete(pageNumber);
        this.store.removeCovering((this.pageMatches.get(pageNumber)?.matches ?? []).flatMap((m) => m.nodes ?? [m.startNode]));
        const run = textLayerRun(layer);
        const matches = run ? scanRun(run, this.getMatcher()) : [];
        for (const match of matches) this.store.add(match);
        this.pageMatches.set(pageNumber, { layer, matches });
        if (slicer.due) {
          this.refreshVisible();
          this.countWork(sliceStarted);
          await slicer.next(this.signal);
          sliceStarted = performance.now();
        }
      }
      this.refreshVisible();
      this.countWork(sliceStarted);
    } catch (error) {
      if (!this.signal.aborted) console.error('Termlight:', error);
    } finally {
      this.draining = false;
    }
  }

  private refreshVisible(): void {
    this.store.removeDisconnected();
    this.visible = this.isActive ? visibleMatches(this.store.all(), this.knownEntries, this.settings.highlightMode) : new Set();
    this.highlighter?.sync(this.visible);
    if (this.visible.size > 0) this.firstHighlightsAt ??= performance.now();
    this.onChange();
  }

  /** What the notebook records when this match is saved (see save-context.ts): its sentence and "page N of <title>". */
  saveContextFor(match: PageMatch, title: string, url?: string): ReaderSaveContext | undefined {
    for (const [pageNumber, { layer, matches }] of this.pageMatches) {
      if (!matches.includes(match)) continue;
      const run = textLayerRun(layer);
      return run ? saveContext(run, match, pageNumber, title, url) : undefined;
    }
    return undefined;
  }

  /** Matches on one rendered page (tests and the page list). */
  matchesOnPage(pageNumber: number): readonly PageMatch[] {
    return (this.pageMatches.get(pageNumber)?.matches ?? []).filter(this.isVisible);
  }
}
