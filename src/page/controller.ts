import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermIndex } from '../glossary/types';
import { toIndexReader, type TermIndexReader } from '../match/index-reader';
import { TermMatcher } from '../match/matcher';
import type { PageMatches, PageTerms } from '../messaging/messages';
import { DEFAULT_SETTINGS, isActiveOn, type Settings } from '../settings/schema';
import { collectRuns } from './collect';
import { compareMatches, matchSentence, pageIdentity } from './page-context';
import { Highlighter, highlightApiSupported } from './highlighter';
import type { LanguageDetector } from './language';
import { observeMutations, type DirtyWork } from './observe';
import { isUnchanged, PageReading } from './reading';
import type { PageMatch } from './scan';
import { Slicer } from './schedule';
import { MatchStore } from './store';
import { visibleMatches } from './visibility';

/** How often matches found during a long scan are handed to the Highlighter (the scan's end always is). */
const REFRESH_MS = 100;

/**
 * Termlight on one page: scans the text in small slices, keeps the matches, shows the visible ones,
 * follows DOM changes, and applies settings as they change. Everything it starts ends with `ctx`.
 */
export class PageController {
  readonly store = new MatchStore();
  /** Main-thread milliseconds spent scanning, summed over slices (the benchmark reports it). */
  scanMainThreadMs = 0;
  private matcher: TermMatcher | undefined;
  private lookupMatcher: TermMatcher | undefined;
  private reading: PageReading | undefined;
  private highlighter: Highlighter | undefined;
  private settings: Settings = DEFAULT_SETTINGS;
  private knownEntries = new Set<number>();
  private visible = new Set<PageMatch>();
  private activity: AbortController | undefined;
  private queue: Promise<void> = Promise.resolve();
  /** The term index, read through the same small API as the matcher's (nothing is decoded up front). */
  readonly termIndex: TermIndexReader;
  /** Sentences of first occurrences, read once (the side panel asks again whenever the page changes). */
  private readonly sentences = new WeakMap<PageMatch, string>();
  /** Whether the index's sections have been read once (see warmIndex). */
  private indexWarm = false;
  /** Adds a web component's open shadow root to the mutation observer (scans find them). */
  private watchShadowRoot: ((root: ShadowRoot) => void) | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    termIndex: TermIndex | TermIndexReader,
    private readonly ownHostName: string,
    private readonly onVisibleChange: () => void = () => {},
    /** Decides a page's language when neither its words nor its markup do (the background's detector). */
    private readonly detectLanguage?: LanguageDetector,
  ) {
    this.termIndex = toIndexReader(termIndex);
  }

  get isActive(): boolean {
    return this.activity !== undefined;
  }

  isVisible = (match: PageMatch): boolean => this.visible.has(match);

  /** A cheap summary of the matches on show: the side panel is told when it changes. */
  visibleSignature(): string {
    let sum = 0;
    for (const match of this.visible) sum = (sum + match.entry * 31 + match.startOffset) % 1_000_000_007;
    return `${this.visible.size}:${sum}`;
  }

  /** The matcher that decides what is highlighted, built on first use (pages where Termlight is off never pay for it). */
  getMatcher(): TermMatcher {
    return (this.matcher ??= new TermMatcher(this.termIndex, { includeEveryday: this.settings.underlineEveryday }));
  }

  /** The reader asked about these words (selection, keyboard): everyday terms are explained too. */
  getLookupMatcher(): TermMatcher {
    if (this.settings.underlineEveryday) return this.getMatcher();
    return (this.lookupMatcher ??= new TermMatcher(this.termIndex, { includeEveryday: true }));
  }

  /** How this page is read: its language and its evidence. A new one each time Termlight is switched on. */
  private getReading(): PageReading {
    return (this.reading ??= new PageReading(this.getMatcher()));
  }

  /** The entries a match means on this page (an abbreviation of several senses may mean more than one). */
  sensesOf(match: PageMatch): number[] {
    return this.reading ? this.reading.evidence.sensesOf(match) : [match.entry];
  }

  applySettings(settings: Settings): void {
    const everydayChanged = settings.underlineEveryday !== this.settings.underlineEveryday;
    this.settings = settings;
    if (everydayChanged) {
      // What counts as a term changed: match the page again with the new rule.
      this.matcher = undefined;
      if (this.isActive) this.deactivate();
    }
    this.knownEntries = new Set(settings.knownTerms.map((id) => this.termIndex.entryNumber(id)).filter((n): n is number => n !== undefined));
    const shouldBeActive = isActiveOn(settings, location.hostname);
    if (shouldBeActive && !this.isActive) this.activate();
    else if (!shouldBeActive && this.isActive) this.deactivate();
    this.highlighter?.setStyle(settings.highlightStyle);
    this.refreshVisible();
  }

  pageTerms(): PageTerms {
    const seen = new Map<string, string>();
    for (const match of this.visible) {
      for (const entry of this.sensesOf(match)) {
        const [id, headword] = this.termIndex.entry(entry);
        seen.set(id, headword);
      }
    }
    const gate = this.reading?.gate;
    return {
      ...(gate?.pageLanguage ? { language: { code: gate.pageLanguage, read: gate.pageSupported } } : {}),
      count: seen.size,
      terms: [...seen].map(([id, headword]) => ({ id, headword })).sort((a, b) => a.headword.localeCompare(b.headword)),
      highlightSupported: highlightApiSupported(),
      active: this.isActive,
      hostname: location.hostname,
    };
  }

  /**
   * Every term on the page for the side panel: in page order (of first occurrence), with counts and
   * the first occurrence's sentence. The same visible matches the highlights show, not a new scan.
   */
  pageMatches(): PageMatches {
    const byEntry = new Map<number, { first: PageMatch; count: number }>();
    for (const match of this.visible) {
      const seen = byEntry.get(match.entry);
      if (!seen) byEntry.set(match.entry, { first: match, count: 1 });
      else {
        seen.count++;
        if (compareMatches(match, seen.first) < 0) seen.first = match;
      }
    }
    const terms = [...byEntry.values()]
      .sort((a, b) => compareMatches(a.first, b.first))
      .map(({ first, count }) => {
        const [id, headword] = this.termIndex.entry(first.entry);
        let sentence = this.sentences.get(first);
        if (sentence === undefined) this.sentences.set(first, (sentence = matchSentence(first, this.ownHostName)));
        return { id, headword, count, written: first.text.slice(0, 200), sentence, misspelled: first.kind === 'misspelling' };
      });
    return { ...pageIdentity(), active: this.isActive, terms };
  }

  /** The visible matches of one entry, in page order (for "next occurrence" from the side panel). */
  occurrencesOf(id: string): PageMatch[] {
    const entry = this.termIndex.entryNumber(id);
    if (entry === undefined) return [];
    return [...this.visible].filter((m) => m.entry === entry).sort(compareMatches);
  }

  private activate(): void {
    const activity = new AbortController();
    this.activity = activity;
    this.ctx.onInvalidated(() => activity.abort());
    if (highlightApiSupported()) {
      this.highlighter = new Highlighter(activity.signal);
      this.highlighter.setStyle(this.settings.highlightStyle);
    }
    const body = document.body;
    if (!body) return;
    this.watchShadowRoot = observeMutations(body, (work) => this.enqueue((signal) => this.rescan(work, signal)), activity.signal, {
      ownHostName: this.ownHostName,
    });
    // The index inflates natively while the page's language is decided (both before the first slice).
    void this.termIndex.ready?.();
    this.enqueue(async (signal) => {
      await this.getReading().decideLanguage(body, this.detectLanguage, { ownHostName: this.ownHostName });
      if (!signal.aborted) await this.scan([body], signal);
    });
  }

  private deactivate(): void {
    this.activity?.abort();
    this.activity = undefined;
    this.highlighter = undefined;
    this.reading = undefined;
    this.store.clear();
    this.refreshVisible();
  }

  /** Runs scans one after another, each stopping when Termlight is switched off. */
  private enqueue(work: (signal: AbortSignal) => Promise<void>): void {
    const signal = this.activity?.signal;
    if (!signal) return;
    this.queue = this.queue
      .then(() => (signal.aborted ? undefined : work(signal)))
      .catch((error: unknown) => {
        if (!signal.aborted) console.error('Termlight:', error);
      });
  }

  private async rescan(work: DirtyWork, signal: AbortSignal): Promise<void> {
    // A page that had too little text to tell its language (an app's empty shell) is asked again.
    const body = document.body;
    if (body && !this.getReading().gate.pageDecided) await this.getReading().decideLanguage(body, this.detectLanguage, { ownHostName: this.ownHostName });
    if (work.removals) this.store.removeDisconnected();
    if (work.unread) this.store.removeCovering(work.unread);
    await this.scan(work.roots, signal, true);
  }

  private async scan(roots: Element[], signal: AbortSignal, replacing = false): Promise<void> {
    // The index's sections are inflated natively, between tasks, before the first slice reads them.
    // Always awaited (it is memoized): deciding the page's language builds the matcher before the
    // first scan, and a check on the matcher skipped this, so the first slice inflated every section
    // in JavaScript (about 130 ms of one task on the 1mb bench page).
    await this.termIndex.ready?.();
    signal.throwIfAborted();
    const slicer = new Slicer();
    const reading = this.getReading();
    // Building the matcher (first scan only) can use up a slice: the page gets its turn before scanning.
    if (slicer.due) await slicer.next(signal);
    if (!this.indexWarm) {
      this.indexWarm = true;
      await warmIndex(this.termIndex, slicer, signal);
    }
    let refreshedAt = -Infinity;
    // A scan that only adds matches (the first one) in "every time" mode hands each slice's matches
    // to the Highlighter as they come. Otherwise the visible set is computed again from the store,
    // which walks every match so far: at most every REFRESH_MS, or big pages turn quadratic.
    let fresh: PageMatch[] = [];
    // Runs read again (their misspellings, once the page is about health) replace matches that may be on show.
    let replaced = false;
    const incremental = () => !replacing && !replaced && this.settings.highlightMode === 'all';
    const handOver = () => {
      if (incremental()) this.showFresh(fresh);
      else this.refreshVisible();
      fresh = [];
      replaced = false;
    };
    for (const root of roots) {
      for (const run of collectRuns(root, { ownHostName: this.ownHostName, onShadowRoot: this.watchShadowRoot })) {
        if (replacing) this.store.removeCovering(run.nodes);
        for (const match of reading.read(run)) {
          this.store.add(match);
          fresh.push(match);
        }
        for (const again of reading.takeDeferred()) {
          if (slicer.due) await slicer.next(signal);
          if (!isUnchanged(again)) continue; // it may have changed while the page had its turn
          this.store.removeCovering(again.nodes);
          // Its words and terms already count towards the page's evidence: only its misspellings are new.
          for (const match of reading.read(again, { evidence: false })) this.store.add(match);
          replaced = true;
        }
        // The first matches (the top of the page, where a reader is) are shown as soon as they are
        // found, and the page gets its turn to paint them, without waiting for the slice's end.
        const first = refreshedAt === -Infinity && fresh.length > 0 && incremental();
        if (slicer.due || first) {
          // The first slice (the top of the page) is shown at once.
          if (fresh.length > 0 && (incremental() || performance.now() - refreshedAt >= REFRESH_MS)) {
            handOver();
            refreshedAt = performance.now();
          }
          await slicer.next(signal);
        }
      }
    }
    handOver();
    // Blocks found by this scan are observed now, not after the batching delay (a rescan of a living
    // page is short: its new terms should not wait for the next batch).
    this.highlighter?.observePending();
    this.scanMainThreadMs += slicer.finish();
    // A page about health whose misspelling data is still on its way: its deferred runs are read once it is here.
    void reading.misspellingsArrive()?.then(() => this.enqueue((later) => this.readDeferred(reading, later)));
  }

  /** Reads again the runs whose misspellings were not looked for (see PageReading.takeDeferred). */
  private async readDeferred(reading: PageReading, signal: AbortSignal): Promise<void> {
    if (reading !== this.reading) return; // Termlight was switched off and on: that scan reads afresh
    const slicer = new Slicer();
    let replaced = false;
    for (const again of reading.takeDeferred()) {
      if (slicer.due) await slicer.next(signal);
      if (!isUnchanged(again)) continue;
      this.store.removeCovering(again.nodes);
      for (const match of reading.read(again, { evidence: false })) this.store.add(match);
      replaced = true;
    }
    if (replaced) this.refreshVisible();
    this.scanMainThreadMs += slicer.finish();
  }

  /** Shows newly found matches (in "every time" mode: all but known words) without revisiting the others. */
  private showFresh(matches: readonly PageMatch[]): void {
    const shown: PageMatch[] = [];
    const shows = this.reading?.shows ?? (() => true);
    for (const match of matches) {
      if (this.knownEntries.has(match.entry) || !shows(match)) continue;
      this.visible.add(match);
      shown.push(match);
    }
    this.highlighter?.showAll(shown);
    if (shown.length > 0) this.onVisibleChange();
  }

  private refreshVisible(): void {
    const shows = this.reading?.shows;
    this.visible = visibleMatches(this.store.all(), this.knownEntries, this.settings.highlightMode, shows);
    this.highlighter?.sync(this.visible);
    this.onVisibleChange();
  }
}

/**
 * Reads each part of the index once, a slice apart, before the first run: the word list, the surface
 * rows with their cue sets, the near words. Each is decoded on first use, and all of them in the
 * first run's matching made one task of 50 to 100 ms on a big page (and held back its first screen).
 */
async function warmIndex(index: TermIndexReader, slicer: Slicer, signal: AbortSignal): Promise<void> {
  const word = index.spellingTargets('single', 'ca')[0]; // the word list
  if (slicer.due) await slicer.next(signal);
  if (word !== undefined) index.rowsStartingWith(word); // the rows, and the extra data they refer to
  if (slicer.due) await slicer.next(signal);
  index.cueSet(0);
  if (slicer.due) await slicer.next(signal);
  index.isNearWord('the'); // the near words
  if (slicer.due) await slicer.next(signal);
}
