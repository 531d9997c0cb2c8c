import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';
import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Definition } from '../glossary/types';
import type { PageContext } from '../page/page-context';
import type { NotebookBridge } from './NotebookActions';
import { Popover, type PopoverContent, type Toast } from './Popover';
import type { Settings } from '../settings/schema';
import popoverCss from './popover.css?inline';
import { backgroundLayers, isDarkBackground, resolveTheme } from './theme';
import type { Direction } from '../page/term-navigation';
import { stopSpeaking } from './listen';
import { cornerBox, dockCorner, type Corner } from './pin';
import { swipeDownToClose, usesSheet } from './sheet';

export const UI_HOST_NAME = 'termlight-ui';

/** What the popover points at: a term on the page, or the reader's selection. */
export interface Anchor {
  getBoundingClientRect(): DOMRect;
  getClientRects(): DOMRectList | DOMRect[];
  contextElement?: Element;
}

export interface PopoverActions {
  onShow: (id: string) => void;
  onKnown: (definition: Definition) => void;
  /** N / ] and P / [ in the popover: the next or previous highlighted term of the page. */
  onNavigate?: (direction: Direction) => void;
  /** The notebook row; `save` gets the page context of the definition on show, if it is the page's term. */
  notebook?: Omit<NotebookBridge, 'save' | 'copyCard'> & {
    save: (definition: Definition, context: (() => PageContext) | undefined, extra?: { note?: string; tags?: string[] }) => ReturnType<NotebookBridge['save']>;
    copyCard: (definition: Definition, context: (() => PageContext) | undefined) => Promise<boolean>;
  };
}

/**
 * Termlight's one UI host per page: a shadow root (page CSS cannot restyle it) created only when first
 * needed and appended after <body>, so the page's body is never changed. Positioned with floating-ui
 * beside the term, flipped or shifted to stay in the viewport without covering the term.
 */
export class PopoverHost {
  private ui: ShadowRootContentScriptUi<HTMLElement> | undefined;
  private creating: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  private content: PopoverContent | null = null;
  private toast: Toast | null = null;
  private takeFocus = false;
  private anchor: Anchor | undefined;
  private stopAutoUpdate: (() => void) | undefined;
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private restoreFocusTo: Element | null = null;
  private appearance: Pick<Settings, 'popoverTheme' | 'textSize'> = { popoverTheme: 'auto', textSize: 'medium' };
  /** Pinned: stays open, docked to a corner, while the reader reads on (see pin.ts). */
  private pinned = false;
  private corner: Corner | undefined;
  /** Opened by a tap: the controls grow to touch size (44 x 44 px). */
  private touch = false;
  /** A bottom sheet scrolls its term above itself once per opening, not on every placement. */
  private sheetRevealedTerm = false;
  private readonly notebook: NotebookBridge | undefined;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly actions: PopoverActions,
  ) {
    ctx.onInvalidated(() => this.ui?.remove());
    const notebook = actions.notebook;
    this.notebook = notebook && {
      ...notebook,
      save: (definition, extra) => notebook.save(definition, this.shownContext(definition), extra),
      copyCard: (definition) => notebook.copyCard(definition, this.shownContext(definition)),
    };
  }

  /** The page context of the term on show, when it is the page's own term (not a related one chosen since). */
  private shownContext(definition: Definition): (() => PageContext) | undefined {
    return this.content?.kind === 'definition' && this.content.definition.id === definition.id ? this.content.pageContext : undefined;
  }

  get isOpen(): boolean {
    return this.content !== null;
  }

  get isPinned(): boolean {
    return this.isOpen && this.pinned;
  }

  /** Whether keyboard focus is inside the popover (a move to another term then takes focus along). */
  get hasFocus(): boolean {
    return this.isOpen && (this.ui?.shadow.activeElement ?? null) !== null;
  }

  /** The pin button: pin to a corner, or release it back beside its term (closing if the term is gone). */
  togglePin(): void {
    if (!this.isOpen) return;
    this.pinned = !this.pinned;
    this.corner = undefined;
    void this.renderNow().then(() => this.anchor && this.follow(this.anchor));
  }

  /** Whether an event target is Termlight's UI (events from inside the shadow root retarget to the host). */
  owns(target: EventTarget | null): boolean {
    return target instanceof Element && target.localName === UI_HOST_NAME;
  }

  /** The reader's theme and text size settings; applied at once to an open popover. */
  setAppearance(appearance: Pick<Settings, 'popoverTheme' | 'textSize'>): void {
    this.appearance = { popoverTheme: appearance.popoverTheme, textSize: appearance.textSize };
    if (this.ui) this.applyAppearance(this.ui.mounted!);
  }

  async open(anchor: Anchor, content: PopoverContent, options: { takeFocus: boolean; touch?: boolean }): Promise<void> {
    if (options.takeFocus && !this.isOpen) this.restoreFocusTo = document.activeElement;
    if (!this.isOpen) this.touch = false;
    this.touch ||= options.touch ?? false;
    this.anchor = anchor;
    this.content = content;
    this.takeFocus = options.takeFocus;
    this.sheetRevealedTerm = false;
    await this.renderNow();
    this.follow(anchor);
  }

  /** Replaces what the open popover shows (a definition arrived, a related term was chosen). */
  async update(content: PopoverContent): Promise<void> {
    if (!this.isOpen) return;
    this.content = content;
    await this.renderNow();
    if (this.anchor) this.follow(this.anchor);
  }

  close(): void {
    if (!this.isOpen) return;
    this.content = null;
    this.pinned = false;
    this.corner = undefined;
    stopSpeaking();
    this.stopAutoUpdate?.();
    this.stopAutoUpdate = undefined;
    this.anchor = undefined;
    void this.renderNow();
    if (this.restoreFocusTo instanceof HTMLElement) this.restoreFocusTo.focus();
    this.restoreFocusTo = null;
  }

  showToast(message: string, onUndo: () => void): void {
    clearTimeout(this.toastTimer);
    this.toast = { message, onUndo: () => { this.hideToast(); onUndo(); } };
    void this.renderNow();
    this.toastTimer = setTimeout(() => this.hideToast(), 8000);
  }

  private hideToast(): void {
    this.toast = null;
    void this.renderNow();
  }

  private async renderNow(): Promise<void> {
    if (!this.ui && this.content === null && this.toast === null) return;
    const ui = await this.mount();
    this.applyAppearance(ui.mounted!);
    render(
      <Popover
        content={this.content}
        toast={this.toast}
        takeFocus={this.takeFocus}
        onClose={() => this.close()}
        onShow={this.actions.onShow}
        onKnown={this.actions.onKnown}
        notebook={this.notebook}
        layout={this.layout()}
        pinned={this.pinned}
        onTogglePin={() => this.togglePin()}
        onNavigate={this.actions.onNavigate}
      />,
      ui.mounted!,
    );
  }

  /**
   * Theme and size live as attributes on the shadow root's container: the CSS picks colours and the
   * text scale from them. "Auto" judges the page's real background under the term, so a dark site on a
   * light system still gets a dark popover; the system preference decides only when the page paints none.
   */
  private applyAppearance(root: HTMLElement): void {
    const pageIsDark = this.anchor ? isDarkBackground(backgroundLayers(this.anchor.contextElement)) : undefined;
    const systemPrefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
    root.dataset.theme = resolveTheme(this.appearance.popoverTheme, pageIsDark, systemPrefersDark);
    root.dataset.size = this.appearance.textSize;
    root.dataset.input = this.touch ? 'touch' : 'pointer';
  }

  private layout(): 'anchored' | 'pinned' | 'sheet' {
    if (usesSheet(window.innerWidth)) return 'sheet';
    return this.pinned ? 'pinned' : 'anchored';
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
    this.creating ??= createShadowRootUi(this.ctx, {
      name: UI_HOST_NAME,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: popoverCss,
      onMount: (container) => {
        const root = document.createElement('div');
        root.className = 'tl-root';
        container.append(root);
        const lifetime = new AbortController();
        this.ctx.onInvalidated(() => lifetime.abort());
        swipeDownToClose(root, () => (this.layout() === 'sheet' ? this.popoverElement() : null), () => this.close(), lifetime.signal);
        return root;
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.creating;
  }

  private popoverElement(): HTMLElement | null {
    return this.ui?.shadow.querySelector<HTMLElement>('.popover') ?? null;
  }

  private follow(anchor: Anchor): void {
    const floating = this.popoverElement();
    if (!floating) return;
    this.stopAutoUpdate?.();
    const reference = { getBoundingClientRect: () => anchor.getBoundingClientRect(), getClientRects: () => anchor.getClientRects(), contextElement: anchor.contextElement };
    const place = async () => {
      const layout = this.layout();
      if (floating.dataset.layout !== layout) void this.renderNow(); // the window was resized across the phone width
      if (layout !== 'anchored') {
        this.placeDocked(floating, anchor, layout);
        return;
      }
      const { x, y, middlewareData } = await computePosition(reference, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(),
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              floating.style.maxHeight = `${Math.max(120, availableHeight)}px`;
            },
          }),
          hide(),
        ],
      });
      // Moving term to term scrolls the page: the last placement for the previous term may finish after
      // the next term opened, and its term has scrolled away. It must not close the new one.
      if (this.anchor !== anchor) return;
      if (middlewareData.hide?.referenceHidden || !onScreen(anchor.getBoundingClientRect())) {
        this.close(); // the term scrolled away
        return;
      }
      Object.assign(floating.style, { left: `${x}px`, top: `${y}px` });
    };
    this.stopAutoUpdate = autoUpdate(reference, floating, () => void place(), { animationFrame: false });
  }

  /**
   * A pinned popover docks to the corner that leaves its term clear and stays there as the page
   * scrolls (the term may scroll away). A bottom sheet spans the foot of the screen (CSS); it scrolls
   * its term above itself once, and closes when the term scrolls away unless pinned.
   */
  private placeDocked(floating: HTMLElement, anchor: Anchor, layout: 'pinned' | 'sheet'): void {
    const termRect = anchor.getBoundingClientRect();
    const visible = onScreen(termRect);
    if (!visible && !this.pinned) {
      this.close();
      return;
    }
    floating.style.maxHeight = '';
    if (layout === 'sheet') {
      Object.assign(floating.style, { left: '', top: '' });
      const sheetTop = floating.getBoundingClientRect().top;
      if (!this.sheetRevealedTerm && visible && termRect.bottom > sheetTop - 8) window.scrollBy({ top: termRect.bottom - sheetTop + 24, behavior: 'instant' });
      this.sheetRevealedTerm = true;
      return;
    }
    const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight };
    const size = { width: floating.offsetWidth, height: floating.offsetHeight };
    this.corner = dockCorner(visible ? termRect : undefined, size, viewport, this.corner);
    const box = cornerBox(this.corner, size, viewport);
    floating.dataset.corner = this.corner;
    Object.assign(floating.style, { left: `${box.left}px`, top: `${box.top}px` });
  }
}

function onScreen(rect: DOMRect): boolean {
  return rect.bottom > 0 && rect.top < window.innerHeight && rect.right > 0 && rect.left < window.innerWidth && (rect.width > 0 || rect.height > 0);
}
