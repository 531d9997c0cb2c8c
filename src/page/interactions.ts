import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Definition } from '../glossary/types';
import { sendToBackground } from '../messaging/runtime';
import { setKnown } from '../settings/store';
import type { PopoverContent } from '../ui/Popover';
import type { Anchor, PopoverHost } from '../ui/popover-host';
import type { PageController } from './controller';
import { matchAtPoint } from './hit-test';
import { sentenceAround } from '../notebook/sentence';
import { compareMatches, matchContext, pageIdentity, type PageContext } from './page-context';
import type { PageMatch } from './scan';
import { firstFromPosition, stepFrom, type Direction } from './term-navigation';
import { matchRange, readingPosition, scrollMatchIntoView } from './reading-position';

/** What Interactions needs from whoever found the terms: the web page's PageController or the PDF reader's. */
export type MatchSource = Pick<PageController, 'store' | 'isVisible' | 'isActive' | 'termIndex' | 'getLookupMatcher' | 'sensesOf'> &
  // The side panel's "reveal" on a web page walks its occurrences (the PDF reader reveals by page, revealMatch).
  Partial<Pick<PageController, 'occurrencesOf'>> & {
    /** Where a match was met, for the notebook, when the page is not the source (the PDF reader: "page N of <title>"). */
    contextOf?: (match: PageMatch) => PageContext | undefined;
    /** The same for a selection explained by the keyboard path (`range` is absent for a context menu's text). */
    selectionContextOf?: (range: Range | undefined, written: string) => PageContext | undefined;
  };

const HOVER_OPEN_MS = 150;
/** The occurrence the side panel scrolled to (see highlights.css). */
const REVEALED_HIGHLIGHT = 'termlight-revealed';
const HOVER_CLOSE_MS = 350;
/** A touch that moves further than this between down and up is a scroll or a drag, not a tap. */
const TAP_SLOP_PX = 10;

/**
 * The reader's ways in: pointing at a term (mouse), tapping it (touch), and the keyboard path
 * (shortcut / context menu on a selection). Listeners are bound to `ctx`, so they end with it.
 */
export class Interactions {
  private hovered: PageMatch | undefined;
  private openedByHover = false;
  private openTimer: ReturnType<typeof setTimeout> | undefined;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private framePending = false;
  private lastPointer = { x: 0, y: 0 };
  /** The occurrence the side panel last revealed, per entry, so "next" moves on through the page. */
  private revealed = new Map<string, PageMatch>();
  private focusHighlight: Highlight | undefined;
  /** The page's term the popover explains (for next / previous), while it is open. */
  private shown: PageMatch | undefined;
  /** Where the current touch went down; cleared when the browser takes it for a scroll. */
  private touchStart: { x: number; y: number; id: number } | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly controller: MatchSource,
    private readonly popover: PopoverHost,
    private readonly ownHostName = 'termlight-ui',
  ) {
    ctx.onInvalidated(() => CSS?.highlights?.delete(REVEALED_HIGHLIGHT));
  }

  listen(): void {
    const options = { passive: true, capture: true } as const;
    this.ctx.addEventListener(document, 'pointermove', (e) => this.onPointerMove(e), options);
    this.ctx.addEventListener(document, 'pointerdown', (e) => this.onPointerDown(e), options);
    this.ctx.addEventListener(document, 'pointerup', (e) => this.onPointerUp(e), options);
    this.ctx.addEventListener(document, 'pointerout', (e) => this.onPointerOut(e), options);
    this.ctx.addEventListener(document, 'pointercancel', () => (this.touchStart = undefined), options);
    this.ctx.addEventListener(document, 'keydown', (e) => this.onKeyDown(e), { capture: true });
  }

  /** A related term or suggestion chosen inside the popover. */
  async show(id: string): Promise<void> {
    const definition = await sendToBackground({ type: 'lookup', id });
    if (definition) await this.popover.update({ kind: 'definition', definition });
  }

  /** "I know this word": hide it everywhere (all tabs follow the stored setting), with undo. */
  async markKnown(definition: Definition): Promise<void> {
    this.popover.close();
    await setKnown(definition.id, true);
    this.popover.showToast(`Termlight will stop highlighting “${definition.headword}”.`, () => void setKnown(definition.id, false));
  }

  /** The keyboard path: explain the selection, or the term at the caret. */
  async explainSelection(fallbackText?: string): Promise<boolean> {
    this.shown = undefined;
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
    const text = (selection?.toString() ?? '').trim() || (fallbackText ?? '').trim();
    const anchor = range && hasBox(range) ? rangeAnchor(range) : focusAnchor();
    if (!text) {
      const atCaret = range ? this.matchAtCaret(range) : undefined;
      if (atCaret) return this.openMatch(atCaret, { takeFocus: true });
      await this.popover.open(anchor, { kind: 'empty-selection' }, { takeFocus: true });
      return true;
    }
    // The reader asked: every sense and every language is explained, evidence or not, and a
    // misspelling too (the content script's index brings what those checks read on first need).
    await this.controller.termIndex.prepareMisspellings?.();
    const found = this.controller.getLookupMatcher().findInText(text)[0];
    if (found) {
      const written = text.slice(found.start, found.end);
      const content = await this.contentFor(found.senses ?? [found.entry], written, found.kind);
      if (content === undefined) return false; // the background is unreachable (extension updated): say nothing wrong
      if (content) {
        const pageContext = (): PageContext => this.controller.selectionContextOf?.(range, written) ?? { written, sentence: selectionSentence(range, text), ...pageIdentity() };
        await this.popover.open(anchor, withPageContext(content, pageContext), { takeFocus: true });
        this.shown = range ? this.matchAtCaret(range) : undefined; // N / P go on from the selected term
        return true;
      }
    }
    const suggestions = await sendToBackground({ type: 'suggest', text });
    await this.popover.open(anchor, { kind: 'unknown', text, suggestions: suggestions ?? [] }, { takeFocus: true });
    return true;
  }

  private matchAtCaret(range: Range): PageMatch | undefined {
    if (range.startContainer.nodeType !== Node.TEXT_NODE) return undefined;
    return this.controller.store
      .at(range.startContainer as Text)
      .find((m) => this.controller.isVisible(m) && m.startNode === range.startContainer && m.startOffset <= range.startOffset && (m.endNode !== m.startNode || m.endOffset >= range.startOffset));
  }

  private async openMatch(match: PageMatch, options: { takeFocus: boolean; touch?: boolean }): Promise<boolean> {
    const found = await this.contentFor(this.controller.sensesOf(match), match.text, match.kind);
    if (!found) return false;
    const content = withPageContext(found, () => this.controller.contextOf?.(match) ?? matchContext(match, this.ownHostName));
    await this.popover.open(matchAnchor(match), content, options);
    this.shown = match;
    return true;
  }

  /** The visible terms in page order. */
  private ordered(): PageMatch[] {
    return [...this.controller.store.all()].filter(this.controller.isVisible).sort(compareMatches);
  }

  /**
   * N / ] and P / [ in an open popover: the next or previous highlighted term in page order, scrolled
   * into view, marked and explained. Focus moves along when it was in the popover.
   */
  async step(direction: Direction): Promise<boolean> {
    const ordered = this.ordered();
    const current = this.popover.isOpen ? this.shown : undefined;
    // No page term on show (a selection that is not one): go on from the reading position.
    const from = current ?? firstFromPosition(ordered, readingPosition());
    const next = current || direction === 'previous' ? stepFrom(ordered, from, direction, compareMatches)?.item : from;
    if (!next) return false;
    return this.goTo(next, { takeFocus: this.popover.hasFocus || !this.popover.isOpen });
  }

  /**
   * The command "Explain the next term": from the open popover's term, else from the reading
   * position (after the selection or the focused element, else the first term at the top of the
   * viewport), with focus in the popover.
   */
  async explainNext(): Promise<boolean> {
    const ordered = this.ordered();
    if (this.popover.isOpen && this.shown && ordered.includes(this.shown)) return this.step('next');
    const target = firstFromPosition(ordered, readingPosition());
    if (!target) return false;
    return this.goTo(target, { takeFocus: true });
  }

  private async goTo(match: PageMatch, options: { takeFocus: boolean }): Promise<boolean> {
    scrollMatchIntoView(match);
    this.markRevealed(match);
    this.openedByHover = false;
    return this.openMatch(match, options);
  }

  /**
   * What the popover shows for a word of the page: its entry's definition, named as the page writes it,
   * or every sense of an abbreviation that nothing on the page tells apart. Undefined when the
   * background cannot answer, null when it knows no such entry.
   */
  private async contentFor(entries: number[], pageWord: string, kind: PageMatch['kind']): Promise<PopoverContent | null | undefined> {
    const ids = entries.map((entry) => this.controller.termIndex.entry(entry)[0]);
    const definitions = await Promise.all(ids.map((id) => sendToBackground({ type: 'lookup', id })));
    if (definitions.some((d) => d === undefined)) return undefined;
    const found = definitions.filter((d): d is Definition => d !== null && d !== undefined);
    if (found.length === 0) return null;
    if (found.length > 1) return { kind: 'senses', pageWord, definitions: found };
    return { kind: 'definition', definition: found[0]!, pageWord, ...(kind === 'misspelling' ? { misspelledAs: pageWord } : {}) };
  }

  /**
   * From the side panel: scroll to the term's next occurrence (after the one revealed last), mark it
   * and open its popover. Focus stays in the side panel, where the reader chose the term.
   */
  async reveal(id: string): Promise<boolean> {
    const occurrences = this.controller.occurrencesOf?.(id) ?? [];
    if (occurrences.length === 0) return false;
    const last = this.revealed.get(id);
    const index = last ? occurrences.indexOf(last) : -1;
    const match = occurrences[(index + 1) % occurrences.length]!;
    this.revealed.set(id, match);
    return this.revealMatch(match);
  }

  /** Scrolls to one occurrence, marks it and opens its popover, leaving focus where it is (the side panel). */
  async revealMatch(match: PageMatch): Promise<boolean> {
    match.startNode.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    this.markRevealed(match);
    this.openedByHover = false;
    return this.openMatch(match, { takeFocus: false });
  }

  private markRevealed(match: PageMatch): void {
    if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !('highlights' in CSS)) return;
    this.focusHighlight ??= new Highlight();
    this.focusHighlight.priority = 3;
    this.focusHighlight.clear();
    this.focusHighlight.add(new StaticRange({ startContainer: match.startNode, startOffset: match.startOffset, endContainer: match.endNode, endOffset: match.endOffset }));
    CSS.highlights.set(REVEALED_HIGHLIGHT, this.focusHighlight);
  }

  private onPointerMove(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    this.lastPointer = { x: event.clientX, y: event.clientY };
    if (this.popover.owns(event.target)) {
      clearTimeout(this.closeTimer); // moving onto the popover keeps it open (WCAG 1.4.13)
      return;
    }
    if (this.framePending) return;
    this.framePending = true;
    this.ctx.requestAnimationFrame(() => {
      this.framePending = false;
      this.onHover(this.lastPointer.x, this.lastPointer.y);
    });
  }

  /**
   * The pointer left this document (the window, or this iframe) or went into a child frame: this
   * document gets no more pointermoves, so a popover opened by hovering would stay open over the
   * page. That is pointing at nothing.
   */
  private onPointerOut(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const to = event.relatedTarget;
    if (to !== null && !(to instanceof HTMLIFrameElement || to instanceof HTMLFrameElement || to instanceof HTMLObjectElement || to instanceof HTMLEmbedElement)) return;
    this.lastPointer = { x: -1, y: -1 }; // a frame already requested hit-tests nothing
    this.onHover(-1, -1);
  }

  private onHover(x: number, y: number): void {
    const match = this.hitTest(x, y);
    if (match === this.hovered) {
      if (match) clearTimeout(this.closeTimer);
      return;
    }
    this.hovered = match;
    clearTimeout(this.openTimer);
    if (match) {
      clearTimeout(this.closeTimer);
      this.openTimer = setTimeout(() => {
        if (this.hovered !== match) return;
        // A pinned popover shows each term pointed at, and stays pinned.
        this.openedByHover = !this.popover.isPinned;
        void this.openMatch(match, { takeFocus: false });
      }, HOVER_OPEN_MS);
    } else if (this.popover.isOpen && this.openedByHover && !this.popover.isPinned) {
      this.closeTimer = setTimeout(() => !this.popover.isPinned && this.popover.close(), HOVER_CLOSE_MS);
    }
  }

  private onPointerDown(event: PointerEvent): void {
    if (event.pointerType === 'touch') this.touchStart = event.isPrimary ? { x: event.clientX, y: event.clientY, id: event.pointerId } : undefined;
    // A pinned popover stays while the reader clicks and taps on (Esc or its pin releases it).
    if (this.popover.isOpen && !this.popover.isPinned && !this.popover.owns(event.target)) {
      const match = event.pointerType === 'touch' ? this.hitTest(event.clientX, event.clientY) : undefined;
      if (!match) this.popover.close();
    }
  }

  /**
   * A tap on a term opens its popover; the tap still reaches the page as usual. A touch that moved
   * (a scroll or a drag, which the browser usually cancels) is not a tap and opens nothing.
   */
  private onPointerUp(event: PointerEvent): void {
    if (event.pointerType !== 'touch') return;
    const start = this.touchStart;
    this.touchStart = undefined;
    if (this.popover.owns(event.target) || !start || start.id !== event.pointerId) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > TAP_SLOP_PX) return;
    const match = this.hitTest(event.clientX, event.clientY);
    if (!match) return;
    this.openedByHover = false;
    void this.openMatch(match, { takeFocus: false, touch: true });
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.popover.isOpen) this.popover.close();
  }

  private hitTest(x: number, y: number): PageMatch | undefined {
    if (!this.controller.isActive) return undefined;
    return matchAtPoint(document, x, y, (node) => this.controller.store.at(node), this.controller.isVisible);
  }
}

function matchAnchor(match: PageMatch): Anchor {
  return rangeAnchor(matchRange(match));
}

function rangeAnchor(range: Range): Anchor {
  const contextElement = range.startContainer.parentElement ?? undefined;
  return { getBoundingClientRect: () => range.getBoundingClientRect(), getClientRects: () => range.getClientRects(), contextElement };
}

/** A definition shown for a word of this page carries where it was met, for saving it. */
function withPageContext(content: PopoverContent, pageContext: () => PageContext): PopoverContent {
  return content.kind === 'definition' ? { ...content, pageContext } : content;
}

/** The sentence around a selection: the text of its block, cut to the sentence holding the selection. */
function selectionSentence(range: Range | undefined, text: string): string {
  const block = range?.commonAncestorContainer.parentElement?.closest('p, li, td, th, dd, dt, blockquote, h1, h2, h3, h4, h5, h6, figcaption, div');
  if (!range || !block) return text;
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const start = before.toString().length;
  return sentenceAround(block.textContent ?? '', start, start + range.toString().length).sentence || text;
}

function hasBox(range: Range): boolean {
  const rect = range.getBoundingClientRect();
  return rect.width > 0 || rect.height > 0;
}

/** Where to show a popover when there is no selection box: the focused element, or the top of the viewport. */
function focusAnchor(): Anchor {
  const element = document.activeElement instanceof Element && document.activeElement !== document.body ? document.activeElement : undefined;
  const rect = () => element?.getBoundingClientRect() ?? new DOMRect(window.innerWidth / 2 - 150, 24, 1, 1);
  return { getBoundingClientRect: rect, getClientRects: () => [rect()], contextElement: element };
}
