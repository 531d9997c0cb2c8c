import { isInlineElement } from './collect';
import type { PageMatch } from './scan';

export type HighlightStyle = 'underline' | 'background' | 'off';

/** Highlight names in the page's shared registry: prefixed, one per kind and style (see highlights.css). */
const NAMES: Record<Exclude<HighlightStyle, 'off'>, { exact: string; misspelling: string }> = {
  underline: { exact: 'termlight-term', misspelling: 'termlight-misspelling' },
  background: { exact: 'termlight-term-soft', misspelling: 'termlight-misspelling-soft' },
};

/** How far outside the viewport ranges are registered ahead of scrolling. */
const NEAR_VIEWPORT = '150% 0px';
/** The same margin as a fraction of the viewport's height, for the geometry check below. */
const NEAR_FRACTION = 1.5;
/** Blocks past the near zone, one after another, before the geometry check stops (the rest is off screen). */
const FAR_STREAK = 40;
/**
 * How long new blocks wait to be observed, gathered into one batch. Each observe() asks for a
 * rendering step, and every rendering step computes every observed block's intersection: observed
 * one slice at a time, a big page's scan paid for a frame over thousands of blocks after nearly
 * every slice (the 5mb bench page's scan took four times its unsliced work).
 */
const OBSERVE_BATCH_MS = 250;

export function highlightApiSupported(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function' && typeof StaticRange === 'function';
}

/**
 * Shows matches with the CSS Custom Highlight API, never touching the page's DOM. Only ranges near
 * the viewport are registered: Chromium repaints every registered range after any DOM change, so
 * thousands of off-screen ranges would slow a busy page. An IntersectionObserver on each match's
 * parent element adds and drops them as the reader scrolls.
 */
export class Highlighter {
  private readonly exact = new Highlight();
  private readonly misspelling = new Highlight();
  private readonly shown = new Set<PageMatch>();
  private readonly byElement = new Map<Element, Set<PageMatch>>();
  /** Observed elements currently near the viewport (the observer reports changes only, never again). */
  private readonly near = new Set<Element>();
  private readonly ranges = new WeakMap<PageMatch, StaticRange>();
  private readonly observer: IntersectionObserver;
  private style: HighlightStyle = 'underline';
  /**
   * Whether a newly observed block's geometry is checked at once. The observer's first report comes
   * only after the next rendering step, which during a long scan can be many slices later: checking
   * the first blocks' boxes directly shows the first screen's terms in the slice that found them.
   * It stops for good once blocks keep falling below the near zone (document order is mostly top
   * to bottom), so the check costs a few dozen box reads, on the layout the page already has.
   */
  private eager = true;
  private farStreak = 0;
  /** Blocks shown but not observed yet (see OBSERVE_BATCH_MS). */
  private pending: Element[] = [];
  private pendingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(signal: AbortSignal) {
    this.exact.priority = 1;
    this.misspelling.priority = 2;
    this.observer = new IntersectionObserver((entries) => this.onIntersections(entries), { rootMargin: NEAR_VIEWPORT });
    signal.addEventListener('abort', () => this.destroy(), { once: true });
    this.register();
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.unregister();
    this.style = style;
    this.register();
  }

  /** Makes exactly `visible` the matches on show. */
  sync(visible: ReadonlySet<PageMatch>): void {
    for (const match of this.shown) if (!visible.has(match)) this.hide(match);
    for (const match of visible) if (!this.shown.has(match)) this.show(match);
  }

  /** Shows these matches too (a scan's new ones), leaving the others as they are. */
  showAll(matches: Iterable<PageMatch>): void {
    for (const match of matches) if (!this.shown.has(match)) this.show(match);
  }

  /** Number of ranges currently registered (near the viewport). */
  get registeredCount(): number {
    return this.exact.size + this.misspelling.size;
  }

  rangeOf(match: PageMatch): StaticRange {
    let range = this.ranges.get(match);
    if (!range) {
      range = new StaticRange({
        startContainer: match.startNode,
        startOffset: match.startOffset,
        endContainer: match.endNode,
        endOffset: match.endOffset,
      });
      this.ranges.set(match, range);
    }
    return range;
  }

  private show(match: PageMatch): void {
    this.shown.add(match);
    const element = blockOf(match);
    if (!element) return;
    let group = this.byElement.get(element);
    if (!group) {
      group = new Set();
      this.byElement.set(element, group);
      this.observeSoon(element);
      if (this.eager && this.nearByGeometry(element)) this.near.add(element);
    }
    group.add(match);
    // An element already observed and near the viewport gets no new observer callback, so a match shown
    // again there (a known word restored, "every time" mode back on) must be registered now. Found by
    // the end-to-end tests: before, it stayed unhighlighted until the reader scrolled it away and back.
    if (this.near.has(element)) this.highlightFor(match).add(this.rangeOf(match));
  }

  private hide(match: PageMatch): void {
    this.shown.delete(match);
    this.highlightFor(match).delete(this.rangeOf(match));
    const element = blockOf(match);
    const group = element ? this.byElement.get(element) : undefined;
    if (!element || !group) return;
    group.delete(match);
    if (group.size === 0) {
      this.byElement.delete(element);
      this.near.delete(element);
      this.observer.unobserve(element);
    }
  }

  private observeSoon(element: Element): void {
    this.pending.push(element);
    this.pendingTimer ??= setTimeout(() => this.observePending(), OBSERVE_BATCH_MS);
  }

  /** Observes the blocks gathered so far (those still shown). */
  observePending(): void {
    clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    for (const element of this.pending) if (this.byElement.has(element)) this.observer.observe(element);
    this.pending = [];
  }

  /** Whether the element is within the observer's near zone now, read from its box (see `eager`). */
  private nearByGeometry(element: Element): boolean {
    const box = element.getBoundingClientRect();
    const height = window.innerHeight;
    if (box.width === 0 && box.height === 0) return false; // not rendered: the observer decides
    if (box.top > height * (1 + NEAR_FRACTION)) {
      if (++this.farStreak >= FAR_STREAK) this.eager = false;
      return false;
    }
    this.farStreak = 0;
    return box.bottom >= -height * NEAR_FRACTION && box.right >= 0 && box.left <= window.innerWidth;
  }

  private onIntersections(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      if (!this.byElement.has(entry.target)) continue;
      if (entry.isIntersecting) this.near.add(entry.target);
      else this.near.delete(entry.target);
      for (const match of this.byElement.get(entry.target) ?? []) {
        const highlight = this.highlightFor(match);
        if (entry.isIntersecting) highlight.add(this.rangeOf(match));
        else highlight.delete(this.rangeOf(match));
      }
    }
  }

  private highlightFor(match: PageMatch): Highlight {
    return match.kind === 'misspelling' ? this.misspelling : this.exact;
  }

  private register(): void {
    if (this.style === 'off') return;
    CSS.highlights.set(NAMES[this.style].exact, this.exact);
    CSS.highlights.set(NAMES[this.style].misspelling, this.misspelling);
  }

  private unregister(): void {
    if (this.style === 'off') return;
    CSS.highlights.delete(NAMES[this.style].exact);
    CSS.highlights.delete(NAMES[this.style].misspelling);
  }

  private destroy(): void {
    clearTimeout(this.pendingTimer);
    this.pending = [];
    this.observer.disconnect();
    this.near.clear();
    this.unregister();
    this.exact.clear();
    this.misspelling.clear();
  }
}

/**
 * The block element a match sits in: what the IntersectionObserver watches. Observing blocks rather
 * than every inline parent (<em>, <a>) keeps the observer's targets few on big pages, where each
 * target costs the browser work on every frame.
 */
function blockOf(match: PageMatch): Element | null {
  let element = match.startNode.parentElement;
  while (element && isInlineElement(element) && element.parentElement) element = element.parentElement;
  return element;
}
