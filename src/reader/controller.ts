import { toIndexReader, type TermIndexReader } from '../match/index-reader';
import type { TermIndex } from '../glossary/types';
import { TermMatcher } from '../match/matcher';
import { Highlighter, highlightApiSupported } from '../page/highlighter';
import type { LanguageDetector } from '../page/language';
import { PageReading } from '../page/reading';
import type { PageMatch } from '../page/scan';
import { Slicer } from '../page/schedule';
import { MatchStore } from '../page/store';
import { visibleMatches } from '../page/visibility';
import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import type { PageContext } from '../page/page-context';
import { DocumentTerms, type DocumentTerm } from './document-terms';
import { readerContext, readerSelectionContext } from './save-context';
import { compareMatches } from '../page/page-context';
import { textContentText, textLayerRun } from './text-runs';

/** The document's language, once decided: `read` is false when Termlight has no glossary for it. */
export interface DocumentLanguage {
  code: string | undefined;
  read: boolean;
}

export type { DocumentTerm } from './document-terms';

/**
 * Termlight in the PDF reader: the same reading (language gate, matcher, page evidence), match store,
 * visibility rule and Highlighter as on web pages, fed one rendered text layer at a time instead of a
 * page's DOM. The document is one "page" for the rules: its language is decided once from a sample of
 * its text (and its /Lang), and its evidence (the health signal, abbreviations' expansions) is gathered
 * from every page's text, whichever reads a page first: the text layer as it renders, or the indexing
 * of the whole document. Pages are matched in slices as PDF.js renders them, so scrolling a long
 * document never gets a long task from us. Everything it starts ends with `signal`.
 */
export class ReaderController {
  readonly store = new MatchStore();
  /** Main-thread milliseconds spent matching, summed over slices (the benchmark reports it). */
  scanMainThreadMs = 0;
  /** Longest uninterrupted piece of Termlight's work in the reader, in ms (the benchmark reports it; a long task is 50). */
  longestTaskMs = 0;
  /** The same, by phase: building the matcher, indexing the document's text, matching rendered pages. */
  readonly longestByPhase: Partial<Record<'matcher' | 'index' | 'pages', number>> = {};
  /** performance.now() when the first highlights were shown (the benchmark reports it). */
  firstHighlightsAt: number | undefined;
  private matcher: TermMatcher | undefined;
  private reading: PageReading | undefined;
  /** Pages whose text has added to the document's evidence (each page counts once). */
  private readonly evidencePages = new Set<number>();
  private evidenceVersion = 0;
  private healthRechecked = false;
  /** Settles once the document's language is decided (decideLanguage); matching waits for it. */
  private readonly languageDecided: Promise<void>;
  private settleLanguage!: () => void;
  private languageAsked = false;
  private lookupMatcher: TermMatcher | undefined;
  private readonly highlighter: Highlighter | undefined;
  private settings: Settings = DEFAULT_SETTINGS;
  private knownEntries = new Set<number>();
  private visible = new Set<PageMatch>();
  private readonly pageMatches = new Map<number, { layer: Element; matches: PageMatch[] }>();
  private readonly queued = new Map<number, Element>();
  private draining = false;
  readonly termIndex: TermIndexReader;
  /** The terms of the whole document's text (not only rendered pages). */
  private readonly documentTerms: DocumentTerms;
  /** Called after each refresh of what is shown (visibleMatchOn waits with them). */
  private readonly shownWaiters = new Set<() => void>();

  constructor(
    termIndex: TermIndex | TermIndexReader,
    private readonly signal: AbortSignal,
    private readonly onChange: () => void = () => {},
  ) {
    this.termIndex = toIndexReader(termIndex);
    this.documentTerms = new DocumentTerms(this.termIndex);
    this.languageDecided = new Promise((resolve) => (this.settleLanguage = resolve));
    if (highlightApiSupported()) this.highlighter = new Highlighter(signal);
  }

  get isActive(): boolean {
    return !this.settings.paused && !this.signal.aborted;
  }

  isVisible = (match: PageMatch): boolean => this.visible.has(match);

  /** The entries a match means in this document (an abbreviation of several senses may mean more than one). */
  sensesOf(match: PageMatch): number[] {
    return this.reading ? this.reading.evidence.sensesOf(match) : [match.entry];
  }

  getMatcher(): TermMatcher {
    return (this.matcher ??= new TermMatcher(this.termIndex, { includeEveryday: this.settings.underlineEveryday }));
  }

  /** How the document is read; a new matcher (a setting changed) keeps the document's language and evidence. */
  private getReading(): PageReading {
    const matcher = this.getMatcher();
    if (this.reading?.matcher !== matcher) this.reading = new PageReading(matcher, this.reading?.gate, this.reading?.evidence);
    return this.reading;
  }

  /**
   * Decides the document's language, as a web page's is decided: the sample's own words first, then the
   * file's declared language (its /Lang), then the detector. Pages are matched only after this.
   */
  async decideLanguage(sample: string, declared: string | undefined, detect?: LanguageDetector): Promise<void> {
    if (!this.languageAsked) {
      this.languageAsked = true;
      try {
        // The index's sections are inflated natively, between tasks, before the matcher reads them
        // (inflated in JavaScript inside the first slice, they made one task of 670 ms on a 300-page file).
        await this.termIndex.ready?.();
        const started = performance.now();
        const gate = this.getReading().gate; // builds the matcher: a task of its own
        this.countWork(started, 'matcher');
        await gate.decidePage(sample, declared, detect);
      } finally {
        this.settleLanguage();
      }
    }
    return this.languageDecided;
  }

  /** The document's language once decided; undefined before, or when nothing could tell it. */
  get language(): DocumentLanguage | undefined {
    const gate = this.reading?.gate;
    return gate?.pageDecided && gate.pageLanguage ? { code: gate.pageLanguage, read: gate.pageSupported } : undefined;
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

  /** Terms found in the document so far that the document supports, by headword, with their pages. */
  documentTermList(): DocumentTerm[] {
    return this.documentTerms.list(this.reading?.evidence, this.knownEntries);
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
      await this.languageDecided;
      const started = performance.now();
      const text = textContentText(items);
      this.documentTerms.add(page, text, this.getReading().readText(text, { evidence: this.countsEvidence(page) }));
      // Evidence from a page not rendered yet (the health signal turning on) may show matches already on screen.
      if (this.evidenceChanged()) {
        this.refreshVisible();
        if (this.recheckAfterHealth()) void this.drain();
      }
      this.countWork(started, 'index');
      if (page % 10 === 0) onProgress(page);
    }
    onProgress(pageCount);
  }

  /**
   * Misspellings are looked for only once the document is about health (the shared reading defers
   * them, src/page/reading.ts). When the health signal turns on, the rendered pages read before are
   * matched again, whole (the reading's own deferred runs are web page runs; a text layer's are not
   * kept). Returns whether pages were queued.
   */
  private recheckAfterHealth(): boolean {
    if (this.healthRechecked || !this.reading?.evidence.health.on) return false;
    this.healthRechecked = true;
    this.reading.takeDeferred();
    for (const [page, { layer }] of this.pageMatches) this.queued.set(page, layer);
    return this.pageMatches.size > 0;
  }

  /** Whether a page's text adds to the document's evidence now (only its first reading does). */
  private countsEvidence(pageNumber: number): boolean {
    if (this.evidencePages.has(pageNumber)) return false;
    this.evidencePages.add(pageNumber);
    return true;
  }

  private evidenceChanged(): boolean {
    const version = this.reading?.evidence.version ?? 0;
    if (version === this.evidenceVersion) return false;
    this.evidenceVersion = version;
    return true;
  }

  /** Adds main-thread time spent since `started` (one uninterrupted piece of our work). */
  private countWork(started: number, phase: 'matcher' | 'index' | 'pages'): void {
    const spent = performance.now() - started;
    this.scanMainThreadMs += spent;
    this.longestTaskMs = Math.max(this.longestTaskMs, spent);
    this.longestByPhase[phase] = Math.max(this.longestByPhase[phase] ?? 0, spent);
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const slicer = new Slicer();
    let sliceStarted = performance.now();
    try {
      // No page is matched before the document's language is known (a French PDF is never underlined).
      await this.languageDecided;
      sliceStarted = performance.now();
      while (this.queued.size > 0 && !this.signal.aborted) {
        const [pageNumber, layer] = this.queued.entries().next().value!;
        this.queued.delete(pageNumber);
        this.store.removeCovering((this.pageMatches.get(pageNumber)?.matches ?? []).flatMap((m) => m.nodes ?? [m.startNode]));
        const run = textLayerRun(layer);
        const matches = run ? this.getReading().read(run, { evidence: this.countsEvidence(pageNumber) }) : [];
        for (const match of matches) this.store.add(match);
        this.pageMatches.set(pageNumber, { layer, matches });
        this.recheckAfterHealth();
        if (slicer.due) {
          this.refreshVisible();
          this.countWork(sliceStarted, 'pages');
          await slicer.next(this.signal);
          sliceStarted = performance.now();
        }
      }
      this.refreshVisible();
      this.countWork(sliceStarted, 'pages');
    } catch (error) {
      if (!this.signal.aborted) console.error('Termlight:', error);
    } finally {
      this.draining = false;
    }
  }

  private refreshVisible(): void {
    this.store.removeDisconnected();
    this.evidenceChanged();
    this.visible = this.isActive ? visibleMatches(this.store.all(), this.knownEntries, this.settings.highlightMode, this.reading?.shows) : new Set();
    this.highlighter?.sync(this.visible);
    if (this.visible.size > 0) this.firstHighlightsAt ??= performance.now();
    this.onChange();
    for (const waiter of [...this.shownWaiters]) waiter();
  }

  /**
   * The first highlighted occurrence of a term on a page, once that page is rendered and matched
   * (the side panel asked to reveal it and the viewer is going there); undefined after `timeoutMs`.
   */
  visibleMatchOn(pageNumber: number, id: string, timeoutMs = 10_000): Promise<PageMatch | undefined> {
    const entry = this.termIndex.entryNumber(id);
    if (entry === undefined) return Promise.resolve(undefined);
    const find = () => this.matchesOnPage(pageNumber).filter((m) => this.sensesOf(m).includes(entry)).sort(compareMatches)[0];
    return new Promise((resolve) => {
      const check = () => {
        const match = find();
        if (match) done(match);
      };
      const done = (match: PageMatch | undefined) => {
        this.shownWaiters.delete(check);
        clearTimeout(timer);
        resolve(match);
      };
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.signal.addEventListener('abort', () => done(undefined), { once: true });
      this.shownWaiters.add(check);
      check();
    });
  }

  /** The page a match of a rendered text layer is on. */
  pageOf(match: PageMatch): number | undefined {
    for (const [pageNumber, { matches }] of this.pageMatches) if (matches.includes(match)) return pageNumber;
    return undefined;
  }

  /**
   * What the notebook records when this match is saved (see save-context.ts): its sentence and "page N
   * of <title>", with an address that reopens the reader there. `documentUrl(page)` gives that address.
   */
  contextOf(match: PageMatch, title: string, documentUrl: (page: number) => string | undefined): PageContext | undefined {
    const pageNumber = this.pageOf(match);
    const layer = pageNumber === undefined ? undefined : this.pageMatches.get(pageNumber)?.layer;
    const run = layer ? textLayerRun(layer) : undefined;
    if (!run || pageNumber === undefined) return undefined;
    const url = documentUrl(pageNumber);
    return readerContext(run, match, { number: pageNumber, title, ...(url ? { url } : {}) });
  }

  /**
   * What the notebook records when the term of a selection is saved (the keyboard path): the page the
   * selection is in (else `fallbackPage`, the page on screen), its sentence and "page N of <title>".
   */
  selectionContextOf(range: Range | undefined, written: string, fallbackPage: number, title: string, documentUrl: (page: number) => string | undefined): PageContext | undefined {
    let pageNumber: number | undefined;
    const node = range?.startContainer;
    if (node) for (const [page, { layer }] of this.pageMatches) if (layer.contains(node)) pageNumber = page;
    pageNumber ??= fallbackPage;
    const layer = this.pageMatches.get(pageNumber)?.layer;
    const run = layer ? textLayerRun(layer) : undefined;
    if (!run) return undefined;
    const url = documentUrl(pageNumber);
    return readerSelectionContext(run, range, written, { number: pageNumber, title, ...(url ? { url } : {}) });
  }

  /** Matches on one rendered page (tests and the page list). */
  matchesOnPage(pageNumber: number): readonly PageMatch[] {
    return (this.pageMatches.get(pageNumber)?.matches ?? []).filter(this.isVisible);
  }
}
