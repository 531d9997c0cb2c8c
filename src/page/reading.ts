import type { EvidenceSink } from '../match/evidence';
import type { TermMatcher, TextMatch } from '../match/matcher';
import type { Token } from '../match/tokenize';
import { collectRuns, type CollectOptions, type TextRun } from './collect';
import { declaredLanguage, LanguageGate, sampleText, type LanguageDetector } from './language';
import { PageEvidence } from './page-evidence';
import { toPageMatches, type PageMatch } from './scan';

/**
 * How one page is read: which runs (their language), what they match, and what the page's evidence
 * makes of the matches. The content script and the CLI both read pages through this, so a page
 * scanned on the command line gets exactly what a reader sees.
 */
export class PageReading {
  /**
   * `gate` and `evidence` may be carried over from an earlier reading of the same document (the PDF
   * reader keeps them when a setting changes the matcher: the document and its language are the same).
   */
  constructor(
    readonly matcher: TermMatcher,
    readonly gate = new LanguageGate(),
    readonly evidence = new PageEvidence(),
  ) {}

  /**
   * Runs read before the page was about health whose possible misspellings were not looked for
   * (misspellings show only on a page about health, and looking for them is most of the cost of a
   * page without terms). They are read again once the health signal is on: see takeDeferred.
   */
  private deferred: TextRun[] = [];
  private deferredChars = 0;
  /** Past this much deferred text (a huge page that is not, or not yet, about health), runs are checked at once instead of kept. */
  static readonly MAX_DEFERRED_CHARS = 1_000_000;

  /**
   * The matches of one run, or none when the run is in a language Termlight does not read. Only runs
   * with a match are asked their language (most runs of most pages have none), and only the runs
   * read add to the page's evidence; every run's words count towards the health signal's density.
   */
  read(run: TextRun, options: ReadOptions = {}): PageMatch[] {
    const found = this.find(run, options.evidence ?? true);
    return found.length === 0 ? [] : toPageMatches(run, found);
  }

  /**
   * The same for text that is not in the DOM (the PDF reader reads every page's text for the document's
   * term list and evidence, rendered or not): text matches, with no DOM positions.
   */
  readText(text: string, options: ReadOptions = {}): TextMatch[] {
    return this.find({ text, nodes: [], starts: [] }, options.evidence ?? true);
  }

  private find(run: TextRun, countEvidence: boolean): TextMatch[] {
    const facts = new RunFacts();
    const misspellings = this.wantsMisspellings() && this.misspellingsReady();
    const found = this.matcher.findInText(run.text, facts, { misspellings });
    if (facts.unchecked && run.nodes.length > 0) { // text outside the DOM (readText) has no run to read again
      this.deferred.push(run);
      this.deferredChars += run.text.length;
    }
    if (found.length === 0 && facts.terms.length === 0) {
      if (countEvidence) this.evidence.words(facts.wordCount);
      return [];
    }
    if (!this.gate.reads(run, facts.tokens)) return [];
    if (countEvidence) facts.replay(this.evidence);
    return found;
  }

  /**
   * Once the page is about health: the runs whose misspellings were not looked for, each handed out
   * once. The caller reads each again (read() now looks for misspellings) in place of its first matches,
   * with `evidence: false`: its words and terms were counted the first time.
   * Runs whose text left the page or changed are dropped (what replaced it is read as it arrives).
   */
  takeDeferred(): TextRun[] {
    if (!this.evidence.health.on || this.deferred.length === 0 || !this.misspellingsReady()) return [];
    const runs = this.deferred.filter(isUnchanged);
    this.deferred = [];
    this.deferredChars = 0;
    return runs;
  }

  private wantsMisspellings(): boolean {
    return this.evidence.health.on || this.deferredChars >= PageReading.MAX_DEFERRED_CHARS;
  }

  /**
   * Whether the index can check misspellings now. The content script's index brings what they read
   * (the near-English words) from the background when a page first wants them; until then runs stay
   * deferred, and misspellingsArrive() says when to take them.
   */
  private misspellingsReady(): boolean {
    const index = this.matcher.index;
    if (index.misspellingsReady?.() ?? true) return true;
    if (this.wantsMisspellings()) void index.prepareMisspellings?.();
    return false;
  }

  /**
   * When runs wait for misspelling data that is on its way: a promise that settles once it is here
   * (then takeDeferred() hands them out). Undefined when nothing waits for it.
   */
  misspellingsArrive(): Promise<void> | undefined {
    if (this.deferred.length === 0 || !this.wantsMisspellings() || this.misspellingsReady()) return undefined;
    return this.matcher.index.prepareMisspellings?.();
  }

  /** Decides the page's language (once it has enough text) before its runs are read. */
  async decideLanguage(root: Node, detect: LanguageDetector | undefined, options: CollectOptions = {}): Promise<void> {
    if (this.gate.pageDecided) return;
    await this.gate.decidePage(sampleText(collectRuns(root, options)), rootLanguage(root), detect);
  }

  /** Whether a reader sees this match now (its support may arrive later on the page). */
  shows = (match: PageMatch): boolean => this.evidence.supports(match);
}

/** Whether a run's text nodes are still in the page with the text they had when it was collected. */
export function isUnchanged(run: TextRun): boolean {
  let at = 0;
  for (let i = 0; i < run.nodes.length; i++) {
    const node = run.nodes[i]!;
    if (!node.isConnected || run.starts[i] !== at || !run.text.startsWith(node.data, at)) return false;
    at += node.data.length;
  }
  return at === run.text.length;
}

export interface ReadOptions {
  /**
   * Whether this text adds to the page's evidence (default yes). The PDF reader reads a page twice (its
   * text for the document, its text layer when rendered): only the first reading counts.
   */
  evidence?: boolean;
}

/** The `lang` of the document a node is in (its <html> element's). */
function rootLanguage(node: Node): string | undefined {
  const root = (node.ownerDocument ?? (node as Document)).documentElement;
  return root ? declaredLanguage(root) : undefined;
}

/** A run's evidence, held until the run's language says whether it counts. */
class RunFacts implements EvidenceSink {
  readonly terms: Array<[entry: number, plain: boolean]> = [];
  wordCount = 0;
  unchecked = false;
  tokens: readonly Token[] | undefined;

  term(entry: number, plain: boolean): void {
    this.terms.push([entry, plain]);
  }

  words(count: number, tokens?: readonly Token[]): void {
    this.wordCount += count;
    this.tokens = tokens;
  }

  misspellingsUnchecked(): void {
    this.unchecked = true;
  }

  replay(sink: EvidenceSink): void {
    sink.words(this.wordCount);
    for (const [entry, plain] of this.terms) sink.term(entry, plain);
  }
}

/**
 * Reads a whole tree at once (the CLI and tests; the content script slices this work): every match a
 * reader would see, with abbreviations of several senses narrowed to those the page supports.
 */
export function readTree(root: Node, matcher: TermMatcher, detect?: (sample: string) => string | undefined, options: CollectOptions = {}): PageMatch[] {
  const reading = new PageReading(matcher);
  reading.gate.decidePageNow(sampleText(collectRuns(root, options)), rootLanguage(root), detect);
  const byRun = new Map<TextRun, PageMatch[]>();
  for (const run of collectRuns(root, options)) {
    byRun.set(run, reading.read(run));
    for (const again of reading.takeDeferred()) byRun.set(again, reading.read(again, { evidence: false }));
  }
  return [...byRun.values()]
    .flat()
    .filter(reading.shows).map((match) => {
    if (!match.senses) return match;
    const senses = reading.evidence.sensesOf(match);
    return senses.length > 1 ? { ...match, entry: senses[0]!, senses } : { ...match, entry: senses[0]!, senses: undefined };
  });
}
