import type { TextMatch } from '../match/matcher';
import type { TermIndexReader } from '../match/index-reader';
import { sentenceAround } from '../notebook/sentence';
import type { PageEvidence } from '../page/page-evidence';
import type { PageMatch } from '../page/scan';

/** A match of the document's text (not of a rendered text layer): what "Terms in this document" lists. */
type DocumentMatch = Pick<PageMatch, 'entry' | 'needs' | 'senses'>;

/** A term's first occurrence in the document: the page, the words as written and their sentence (what "Save all" keeps). */
export interface FirstOccurrence {
  page: number;
  written: string;
  sentence: string;
  misspelled: boolean;
}

/** A term found somewhere in the document, with every page it is on ("On this page"). */
export interface DocumentTerm {
  id: string;
  headword: string;
  pages: number[];
  /** Occurrences in the document. */
  count: number;
  first?: FirstOccurrence;
}

/**
 * The terms of the whole document, from every page's text (rendered or not): for "Terms in this
 * document" and the side panel. One sentence is kept per term (its first occurrence), not per match.
 */
export class DocumentTerms {
  /** Entry number -> its matches by page. */
  private readonly byEntry = new Map<number, Map<number, DocumentMatch[]>>();
  private readonly firstOccurrences = new Map<number, FirstOccurrence>();

  constructor(private readonly termIndex: TermIndexReader) {}

  /** Adds the matches of one page's text. */
  add(page: number, text: string, matches: readonly TextMatch[]): void {
    for (const match of matches) {
      for (const entry of match.senses ?? [match.entry]) {
        if (this.firstOccurrences.has(entry)) continue;
        const written = text.slice(match.start, match.end).slice(0, 200);
        this.firstOccurrences.set(entry, { page, written, sentence: sentenceAround(text, match.start, match.end).sentence, misspelled: match.kind === 'misspelling' });
      }
      let byPage = this.byEntry.get(match.entry);
      if (!byPage) this.byEntry.set(match.entry, (byPage = new Map()));
      let onPage = byPage.get(page);
      if (!onPage) byPage.set(page, (onPage = []));
      onPage.push({ entry: match.entry, ...(match.needs ? { needs: match.needs } : {}), ...(match.senses ? { senses: match.senses } : {}) });
    }
  }

  /** The terms the document supports (`shows`, once read), without the reader's known terms, by headword. */
  list(shows: PageEvidence | undefined, known: ReadonlySet<number>): DocumentTerm[] {
    const found = new Map<number, { pages: Set<number>; count: number }>();
    for (const byPage of this.byEntry.values()) {
      for (const [page, matches] of byPage) {
        for (const match of matches) {
          if (shows && !shows.supports(match)) continue;
          for (const entry of shows ? shows.sensesOf(match) : [match.entry]) {
            if (known.has(entry)) continue;
            let term = found.get(entry);
            if (!term) found.set(entry, (term = { pages: new Set(), count: 0 }));
            term.pages.add(page);
            term.count++;
          }
        }
      }
    }
    return [...found]
      .map(([entry, { pages, count }]) => {
        const [id, headword] = this.termIndex.entry(entry);
        const first = this.firstOccurrences.get(entry);
        return { id, headword, pages: [...pages].sort((a, b) => a - b), count, ...(first ? { first } : {}) };
      })
      .sort((a, b) => a.headword.localeCompare(b.headword));
  }
}
