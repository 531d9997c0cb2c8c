import type { PDFDocumentProxy } from 'pdfjs-dist';
import { EventBus, PDFFindController, PDFLinkService, PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export interface ViewerEvents {
  /** A page's text layer is in the DOM (first render, or again after it was dropped). */
  onTextLayer: (pageNumber: number, layer: Element, pageDiv: HTMLElement) => void;
  /** The find bar re-marked its matches on a page (it splits the text layer's nodes to do so). */
  onTextLayerChanged: (pageNumber: number, layer: Element) => void;
  onPageChange: (pageNumber: number) => void;
}

/**
 * The PDF.js viewer (lazy page rendering, text layer, find) and the reader's toolbar: page
 * navigation, zoom (fit width, fit page, percentages, Ctrl +/-/0), find, and the outline. Listeners
 * end with `signal`.
 */
export class ReaderViewer {
  readonly eventBus = new EventBus();
  readonly viewer: PDFViewer;
  private readonly linkService: PDFLinkService;
  private readonly findController: PDFFindController;

  constructor(
    private readonly events: ViewerEvents,
    private readonly signal: AbortSignal,
  ) {
    const container = $<HTMLDivElement>('viewer-container');
    this.linkService = new PDFLinkService({ eventBus: this.eventBus, externalLinkTarget: 2 /* LinkTarget.BLANK */, externalLinkRel: 'noopener noreferrer nofollow' });
    this.findController = new PDFFindController({ eventBus: this.eventBus, linkService: this.linkService });
    this.viewer = new PDFViewer({
      container,
      viewer: $<HTMLDivElement>('viewer'),
      eventBus: this.eventBus,
      linkService: this.linkService,
      findController: this.findController,
      removePageBorders: false,
      // No editing tools or scripting: the reader reads.
      annotationEditorMode: -1,
    });
    this.linkService.setViewer(this.viewer);
    this.listen();
  }

  setDocument(pdf: PDFDocumentProxy): void {
    this.viewer.setDocument(pdf);
    this.linkService.setDocument(pdf, null);
    $<HTMLInputElement>('page-number').disabled = false;
    $<HTMLInputElement>('page-number').max = String(pdf.numPages);
    $('page-count').textContent = `of ${pdf.numPages}`;
    void this.showOutline(pdf);
  }

  /** Resolves once the page views exist (then pages can be navigated to). */
  pagesReady(): Promise<void> {
    return new Promise((resolve) => this.eventBus.on('pagesinit', () => resolve(), { once: true }));
  }

  /** The page on screen (1 before the document has pages). */
  get currentPage(): number {
    return this.viewer.currentPageNumber || 1;
  }

  goToPage(pageNumber: number): void {
    const count = this.viewer.pagesCount;
    if (count === 0) return;
    this.viewer.currentPageNumber = Math.min(Math.max(1, Math.round(pageNumber)), count);
  }

  setZoom(value: string): void {
    this.viewer.currentScaleValue = value;
  }

  private listen(): void {
    const signal = this.signal;
    const bus = this.eventBus;
    bus.on('pagesinit', () => this.setZoom('page-width'), { signal });
    bus.on('textlayerrendered', (event: { pageNumber: number; source: { textLayer?: { div: HTMLElement }; div: HTMLElement } }) => {
      const layer = event.source.textLayer?.div;
      if (layer) this.events.onTextLayer(event.pageNumber, layer, event.source.div);
    }, { signal });
    bus.on('updatetextlayermatches', (event: { pageIndex: number }) => {
      // PDF.js re-marks find matches right after this event, in its own listener: look after that.
      setTimeout(() => {
        const pages = event.pageIndex === -1 ? [...Array(this.viewer.pagesCount).keys()] : [event.pageIndex];
        for (const index of pages) {
          const layer = this.viewer.getPageView(index)?.textLayer?.div;
          if (layer?.isConnected) this.events.onTextLayerChanged(index + 1, layer);
        }
      }, 0);
    }, { signal });
    bus.on('pagechanging', (event: { pageNumber: number }) => {
      $<HTMLInputElement>('page-number').value = String(event.pageNumber);
      $<HTMLButtonElement>('prev-page').disabled = event.pageNumber <= 1;
      $<HTMLButtonElement>('next-page').disabled = event.pageNumber >= this.viewer.pagesCount;
      this.events.onPageChange(event.pageNumber);
    }, { signal });
    bus.on('scalechanging', (event: { scale: number; presetValue?: string }) => this.showZoom(event.scale, event.presetValue), { signal });
    bus.on('updatefindmatchescount', (event: { matchesCount: { current: number; total: number } }) => this.showFindCount(event.matchesCount), { signal });
    bus.on('updatefindcontrolstate', (event: { state: number; matchesCount: { current: number; total: number } }) => {
      if (event.state === 1 /* FindState.NOT_FOUND */) $('find-status').textContent = 'Not found';
      else if (event.state === 3 /* FindState.PENDING */) $('find-status').textContent = 'Searching…';
      else this.showFindCount(event.matchesCount);
    }, { signal });

    const on = <K extends keyof HTMLElementEventMap>(id: string, type: K, listener: (event: HTMLElementEventMap[K]) => void) =>
      $(id).addEventListener(type, listener, { signal });
    on('prev-page', 'click', () => this.viewer.previousPage());
    on('next-page', 'click', () => this.viewer.nextPage());
    on('page-number', 'change', () => this.goToPage(Number($<HTMLInputElement>('page-number').value)));
    on('zoom', 'change', () => this.setZoom($<HTMLSelectElement>('zoom').value));
    on('zoom-in', 'click', () => this.viewer.increaseScale());
    on('zoom-out', 'click', () => this.viewer.decreaseScale());
    on('find-form', 'submit', (event) => {
      event.preventDefault();
      this.find(false);
    });
    on('find-prev', 'click', () => this.find(true));
    on('find', 'input', () => this.find(false, 'again'));
    on('find', 'keydown', (event) => {
      if (event.key === 'Enter' && event.shiftKey) {
        event.preventDefault();
        this.find(true);
      }
    });
    window.addEventListener('keydown', (event) => this.onKeyDown(event), { signal, capture: true });
  }

  private find(previous: boolean, type: '' | 'again' = 'again'): void {
    const query = $<HTMLInputElement>('find').value;
    if (!query) $('find-status').textContent = '';
    this.eventBus.dispatch('find', { source: this, type, query, caseSensitive: false, entireWord: false, highlightAll: true, findPrevious: previous, matchDiacritics: false });
  }

  private showFindCount({ current, total }: { current: number; total: number }): void {
    if (total > 0) $('find-status').textContent = `${current} of ${total}`;
    else if (!$<HTMLInputElement>('find').value) $('find-status').textContent = '';
  }

  private showZoom(scale: number, preset?: string): void {
    const select = $<HTMLSelectElement>('zoom');
    const custom = $<HTMLOptionElement>('zoom-custom');
    const match = [...select.options].find((o) => o.value === (preset ?? String(scale)) && o !== custom);
    if (match) {
      select.value = match.value;
      custom.hidden = true;
    } else {
      custom.textContent = `${Math.round(scale * 100)}%`;
      custom.hidden = false;
      select.value = 'custom';
    }
  }

  private onKeyDown(event: KeyboardEvent): void {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && (event.key === '+' || event.key === '=')) {
      event.preventDefault();
      this.viewer.increaseScale();
    } else if (mod && event.key === '-') {
      event.preventDefault();
      this.viewer.decreaseScale();
    } else if (mod && event.key === '0') {
      event.preventDefault();
      this.setZoom('page-width');
    } else if (mod && event.key.toLowerCase() === 'f') {
      event.preventDefault();
      $<HTMLInputElement>('find').focus();
      $<HTMLInputElement>('find').select();
    } else if (!isTyping(event.target) && !mod && !event.altKey && !inPopover(event.target)) {
      // In the popover, N / P move term to term (its own keys), not page to page.
      if (event.key === 'n' || event.key === 'j') this.viewer.nextPage();
      else if (event.key === 'p' || event.key === 'k') this.viewer.previousPage();
    }
  }

  private async showOutline(pdf: PDFDocumentProxy): Promise<void> {
    const outline = await pdf.getOutline().catch(() => null);
    const section = $('outline-section');
    const nav = $('outline');
    nav.replaceChildren();
    if (!outline || outline.length === 0) {
      section.hidden = true;
      return;
    }
    type Item = { title: string; dest: unknown; items: Item[] };
    const list = (items: Item[], depth: number): HTMLUListElement => {
      const ul = document.createElement('ul');
      for (const item of items) {
        const li = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'link-button';
        button.textContent = item.title || '(untitled)';
        button.addEventListener('click', () => void this.linkService.goToDestination(item.dest as string), { signal: this.signal });
        li.append(button);
        if (item.items.length > 0 && depth < 6) li.append(list(item.items, depth + 1));
        ul.append(li);
      }
      return ul;
    };
    nav.append(list(outline as Item[], 0));
    section.hidden = false;
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement;
}

function inPopover(target: EventTarget | null): boolean {
  return target instanceof Element && target.localName === 'termlight-ui';
}
