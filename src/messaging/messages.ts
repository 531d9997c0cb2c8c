import { z } from 'zod';
import type { Definition } from '../glossary/types';

/** Every message Termlight's parts send each other: one discriminated union, checked where it arrives. */
export const MessageSchema = z.discriminatedUnion('type', [
  /** content -> background: the definition the popover shows. */
  z.strictObject({ type: z.literal('lookup'), id: z.string().max(100) }),
  /** content -> background: closest entries for text that is not a known term. */
  z.strictObject({ type: z.literal('suggest'), text: z.string().max(300) }),
  /** background -> content: explain the current selection (shortcut or context menu). */
  z.strictObject({ type: z.literal('explain-selection'), text: z.string().max(300).optional() }),
  /** popup -> content: what Termlight found on this page. */
  z.strictObject({ type: z.literal('page-terms') }),
  /** content -> background: the language of a page sample that its words and markup do not decide. */
  z.strictObject({ type: z.literal('detect-language'), sample: z.string().max(4000) }),
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

/** What each message answers. */
export interface Responses {
  lookup: Definition | null;
  suggest: Definition[];
  'explain-selection': boolean;
  'page-terms': PageTerms;
  /** An ISO 639-3 code, or null when the sample is too short or unlike any language. */
  'detect-language': string | null;
}

export type Handlers = {
  [K in Message['type']]?: (message: Extract<Message, { type: K }>) => Responses[K] | Promise<Responses[K]>;
};

/** Parses an incoming message; anything malformed is dropped, never thrown into the listener. */
export function parseMessage(raw: unknown): Message | undefined {
  const parsed = MessageSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
