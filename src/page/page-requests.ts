import type { PageMatches, PageTerms } from '../messaging/messages';
import { answerMessages } from '../messaging/runtime';

/**
 * What a page that shows Termlight's highlights answers: a web page's content script and the PDF
 * reader (an extension page in a tab, which tabs.sendMessage reaches as well) answer the popup, the
 * side panel and the background's commands through this one path, with messages validated where
 * they arrive (answerMessages).
 */
export interface PageRequests {
  /** The popup's summary (web pages only). */
  terms?: () => PageTerms | Promise<PageTerms>;
  /** The side panel's "On this page". */
  matches: () => PageMatches | Promise<PageMatches>;
  /** The side panel chose a term: show its next occurrence and open its popover. */
  reveal: (id: string) => Promise<boolean>;
  explainSelection: (text: string | undefined) => Promise<boolean>;
  explainNext: () => Promise<boolean>;
}

export function answerPageRequests(page: PageRequests, signal: AbortSignal): void {
  const terms = page.terms;
  answerMessages(
    {
      ...(terms ? { 'page-terms': () => terms() } : {}),
      'page-matches': () => page.matches(),
      'reveal-term': (message) => page.reveal(message.id),
      'explain-selection': (message) => page.explainSelection(message.text),
      'explain-next-term': () => page.explainNext(),
    },
    signal,
  );
}
