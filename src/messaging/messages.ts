// zod/mini: the content script bundles this union, and classic zod is not tree-shaken.
import { z } from 'zod/mini';
import type { Definition } from '../glossary/types';
import { EntrySchema, SaveInputSchema, type NotebookEntry } from '../notebook/schema';
import { GATE_TEXT_CHARS, GATE_TEXT_RUNS } from '../page/gate-limits';

/** Every message Termlight's parts send each other: one discriminated union, checked where it arrives. */
export const MessageSchema = z.discriminatedUnion('type', [
  /** content -> background: the definition the popover shows. */
  z.strictObject({ type: z.literal('lookup'), id: z.string().check(z.maxLength(100)) }),
  /** content -> background: closest entries for text that is not a known term. */
  z.strictObject({ type: z.literal('suggest'), text: z.string().check(z.maxLength(300)) }),
  /** background -> content: explain the current selection (shortcut or context menu). */
  z.strictObject({ type: z.literal('explain-selection'), text: z.optional(z.string().check(z.maxLength(300))) }),
  /** background -> content: "Explain the next term" (shortcut), from the reading position or the open popover's term. */
  z.strictObject({ type: z.literal('explain-next-term') }),
  /** popup -> content: what Termlight found on this page. */
  z.strictObject({ type: z.literal('page-terms') }),
  /** content -> background: the language of a page sample that its words and markup do not decide. */
  z.strictObject({ type: z.literal('detect-language'), sample: z.string().check(z.maxLength(4000)) }),
  /**
   * content -> background: a section of the term index the content script does not carry (src/match/index-format.ts):
   * the entries when it starts on a readable page, the near-English words once a page is about health.
   */
  z.strictObject({ type: z.literal('term-index-section'), name: z.enum(['near', 'entries']) }),
  /** side panel -> content: every term on the page, in page order, with counts and first contexts. */
  z.strictObject({ type: z.literal('page-matches') }),
  /** side panel -> content: scroll to the term's next occurrence, mark it, open its popover. */
  z.strictObject({ type: z.literal('reveal-term'), id: z.string().check(z.maxLength(100)) }),
  /** content -> extension pages: the terms on this page changed (the side panel asks again). */
  z.strictObject({ type: z.literal('page-changed') }),
  /** any -> background (the notebook's one writer): save a term, with its page context when there is one. */
  z.strictObject({ type: z.literal('notebook-save'), input: SaveInputSchema }),
  z.strictObject({ type: z.literal('notebook-save-many'), inputs: z.array(SaveInputSchema).check(z.maxLength(5000)) }),
  /** content -> background: the saved entry for a term, if any ("Saved on 3 Dec from …"). */
  z.strictObject({ type: z.literal('notebook-get'), entryId: z.string().check(z.maxLength(100)) }),
  z.strictObject({
    type: z.literal('notebook-update'),
    entryId: z.string().check(z.maxLength(100)),
    note: z.optional(z.string().check(z.maxLength(5000))),
    tags: z.optional(z.array(z.string().check(z.maxLength(40))).check(z.maxLength(30))),
  }),
  z.strictObject({ type: z.literal('notebook-delete'), entryId: z.string().check(z.maxLength(100)) }),
  /** Undo of a delete: the entry as it was. */
  z.strictObject({ type: z.literal('notebook-restore'), entry: EntrySchema }),
  /** The text of a JSON backup: the background parses and validates it, all or nothing. */
  z.strictObject({ type: z.literal('notebook-import'), text: z.string().check(z.maxLength(50 * 1024 * 1024)) }),
  z.strictObject({ type: z.literal('notebook-clear') }),
  /** page gate -> background: some of this frame's text; when it may hold a term, the background starts the main script in the frame. */
  z.strictObject({ type: z.literal('gate-text'), texts: z.array(z.string().check(z.maxLength(GATE_TEXT_CHARS))).check(z.maxLength(GATE_TEXT_RUNS)) }),
  /** popup/side panel -> background: start the main script in this frame before talking to it (src/background/inject.ts). */
  z.strictObject({ type: z.literal('ensure-page-script'), tabId: z.number().check(z.int()), frameId: z.number().check(z.int()) }),
  /** content/popup -> background: open the side panel (or, where it cannot be opened, the notebook in a tab). */
  z.strictObject({ type: z.literal('open-notebook'), view: z.optional(z.enum(['page', 'notebook'])) }),
]);

export type Message = z.infer<typeof MessageSchema>;

export interface PageTerms {
  /** Distinct glossary terms found on the page (after known words are hidden). */
  count: number;
  terms: Array<{ id: string; headword: string }>;
  highlightSupported: boolean;
  active: boolean;
  hostname: string;
  /** The page's language, once decided; `read` is false when Termlight does not read it (not English). */
  language?: { code: string; read: boolean };
}

/** One term found on the page, for the side panel's "On this page" (checked where the reply arrives). */
export const PageTermSchema = z.object({
  id: z.string().check(z.maxLength(100)),
  headword: z.string().check(z.maxLength(200)),
  /** Visible occurrences on the page (in a PDF: in the document). */
  count: z.number(),
  /** The first occurrence as written, and its sentence (what "Save all" keeps). */
  written: z.string().check(z.maxLength(200)),
  sentence: z.string().check(z.maxLength(2000)),
  misspelled: z.boolean(),
  /** In the PDF reader: the pages the term is on. */
  pages: z.optional(z.array(z.number()).check(z.maxLength(100_000))),
  /** Where the first occurrence was met when that is not the page itself (a PDF: "page N of <title>", #page=N). */
  source: z.optional(z.object({ title: z.string().check(z.maxLength(300)), url: z.string().check(z.maxLength(2048)) })),
});
export type PageTerm = z.infer<typeof PageTermSchema>;

/** The answer to `page-matches`: from a web page's content script or from the PDF reader. */
export const PageMatchesSchema = z.object({
  title: z.string(),
  url: z.string(),
  active: z.boolean(),
  terms: z.array(PageTermSchema).check(z.maxLength(20_000)),
});
export type PageMatches = z.infer<typeof PageMatchesSchema>;

/** A notebook change's answer: the result, or an error the reader can act on (storage full, bad file). */
export type NotebookReply<T> = { ok: true; value: T } | { ok: false; error: string };

/** The answer to 'term-index-section', checked where it arrives: text of the term index's alphabet, of a sane size. */
export const TermIndexSectionSchema = z.string().check(z.maxLength(4_000_000), z.regex(/^[ !#-[\]-~]*$/));

/** What each message answers. */
export interface Responses {
  lookup: Definition | null;
  suggest: Definition[];
  'explain-selection': boolean;
  'explain-next-term': boolean;
  'page-terms': PageTerms;
  /** An ISO 639-3 code, or null when the sample is too short or unlike any language. */
  'detect-language': string | null;
  /** The section, as the term index writes it (src/match/index-text.ts). */
  'term-index-section': string;
  'page-matches': PageMatches;
  'reveal-term': boolean;
  'page-changed': void;
  'notebook-save': NotebookReply<NotebookEntry>;
  'notebook-save-many': NotebookReply<number>;
  'notebook-get': NotebookEntry | null;
  'notebook-update': NotebookReply<NotebookEntry | null>;
  'notebook-delete': NotebookReply<NotebookEntry | null>;
  'notebook-restore': NotebookReply<NotebookEntry>;
  'notebook-import': NotebookReply<{ added: number; updated: number; unchanged: number }>;
  'notebook-clear': NotebookReply<number>;
  'open-notebook': boolean;
  /** Whether the frame's main script runs now (the gate stops reading). */
  'gate-text': boolean;
  'ensure-page-script': boolean;
}

/** Who sent a message: its tab, when it came from a page's content script. */
export interface MessageSender {
  tab?: { id?: number; windowId?: number };
  /** The frame a content script's message came from (0: the top frame). */
  frameId?: number;
}

export type Handlers = {
  [K in Message['type']]?: (message: Extract<Message, { type: K }>, sender: MessageSender) => Responses[K] | Promise<Responses[K]>;
};

/** Parses an incoming message; anything malformed is dropped, never thrown into the listener. */
export function parseMessage(raw: unknown): Message | undefined {
  const parsed = MessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
