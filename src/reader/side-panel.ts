import type { PageMatches, PageTerm } from '../messaging/messages';
import { sendToBackground } from '../messaging/runtime';
import type { Interactions } from '../page/interactions';
import type { PageRequests } from '../page/page-requests';
import type { ReaderController } from './controller';
import { pageSource } from './save-context';

/** How long the document's term list must be quiet before the side panel is told it changed (the web page's delay). */
const TERMS_CHANGED_DELAY_MS = 400;

export interface OpenDocument {
  controller: ReaderController;
  title: string;
  /** The reader's address for a page of the document (none for a local file). */
  url: (page: number) => string | undefined;
  goToPage: (page: number) => void;
}

/** "On this page" for the PDF reader: every term in the document, by the page it first appears on, with its pages. */
export function readerPageMatches(open: OpenDocument | undefined): PageMatches {
  const identity = { title: open?.title ?? document.title, url: location.href.split('#')[0]! };
  if (!open) return { ...identity, active: false, terms: [] };
  const terms = open.controller
    .documentTermList()
    .map((term): PageTerm & { firstPage: number } => {
      const firstPage = term.first?.page ?? term.pages[0] ?? 1;
      return {
        id: term.id,
        headword: term.headword,
        count: term.count,
        written: term.first?.written ?? term.headword,
        sentence: term.first?.sentence ?? '',
        misspelled: term.first?.misspelled ?? false,
        pages: term.pages,
        source: { title: pageSource(firstPage, open.title), url: open.url(firstPage) ?? '' },
        firstPage,
      };
    })
    .sort((a, b) => a.firstPage - b.firstPage || a.headword.localeCompare(b.headword))
    .map(({ firstPage: _, ...term }) => term);
  return { ...identity, active: open.controller.isActive, terms };
}

/**
 * The reader's answers to the side panel, the popup's commands and the background: the same requests
 * a web page's content script answers (src/page/page-requests.ts). Revealing a term goes to its next
 * page, waits for that page to be rendered and matched, then opens the popover on it.
 */
export function readerPageRequests(current: () => OpenDocument | undefined, interactions: Interactions): PageRequests {
  const revealedPage = new Map<string, number>();
  return {
    matches: () => readerPageMatches(current()),
    reveal: async (id) => {
      const open = current();
      const term = open?.controller.documentTermList().find((t) => t.id === id);
      if (!open || !term || term.pages.length === 0) return false;
      const last = revealedPage.get(id) ?? 0;
      const page = term.pages.find((p) => p > last) ?? term.pages[0]!;
      revealedPage.set(id, page);
      open.goToPage(page);
      const match = await open.controller.visibleMatchOn(page, id);
      return match ? interactions.revealMatch(match) : false;
    },
    explainSelection: (text) => interactions.explainSelection(text),
    explainNext: () => interactions.explainNext(),
  };
}

/** Tells the side panel (once the list settles) that the document's terms changed, as a web page does. */
export function termsChangedNotifier(signal: AbortSignal): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => {
    clearTimeout(timer);
    if (signal.aborted) return;
    timer = setTimeout(() => void sendToBackground({ type: 'page-changed' }), TERMS_CHANGED_DELAY_MS);
  };
}
