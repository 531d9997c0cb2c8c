import { z } from 'zod';

/** Files larger than this are refused with a message instead of freezing the tab. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

/** Where a document comes from: an address (?src=) or a local file (picker, drag and drop). */
export type PdfSource = { kind: 'url'; url: string; title: string } | { kind: 'file'; file: File; title: string };

const SrcSchema = z.url({ protocol: /^https?$/ });

/** The document address from the reader's own URL (`reader.html?src=<encoded URL>`), if it is a valid http(s) URL. */
export function sourceFromLocation(search: string): PdfSource | { kind: 'invalid'; src: string } | undefined {
  const src = new URLSearchParams(search).get('src');
  if (src === null || src === '') return undefined;
  const parsed = SrcSchema.safeParse(src);
  if (!parsed.success) return { kind: 'invalid', src };
  return { kind: 'url', url: parsed.data, title: titleFromUrl(parsed.data) };
}

export function titleFromUrl(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : new URL(url).hostname;
  } catch {
    return url;
  }
}

/** A reason a document cannot be shown, worded for the reader. */
export class ReaderError extends Error {
  constructor(
    readonly code: 'download' | 'too-large' | 'corrupt' | 'password' | 'not-pdf' | 'invalid-src' | 'unknown',
    message: string,
  ) {
    super(message);
  }
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The document's bytes: the one request the reader makes (an address), or read in the browser (a file). */
export async function readSource(source: PdfSource, signal: AbortSignal): Promise<Uint8Array> {
  if (source.kind === 'file') {
    if (source.file.size > MAX_PDF_BYTES) throw tooLarge(source.file.size);
    return new Uint8Array(await source.file.arrayBuffer());
  }
  let response: Response;
  try {
    response = await fetch(source.url, { signal, credentials: 'include' });
  } catch {
    throw new ReaderError('download', 'Termlight could not download this PDF. Check the address and your connection, then try again.');
  }
  if (!response.ok) throw new ReaderError('download', `Termlight could not download this PDF (the server answered ${response.status}).`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_PDF_BYTES) throw tooLarge(declared);
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_PDF_BYTES) {
      await reader.cancel();
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(bytes: number): ReaderError {
  return new ReaderError('too-large', `This PDF is too large for the reader (${megabytes(bytes)}; the limit is ${megabytes(MAX_PDF_BYTES)}).`);
}

/** Whether bytes start like a PDF ("%PDF-" within the first kilobyte, as PDF readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** Turns a PDF.js loading error into a message for the reader. */
export function explainLoadError(error: unknown): ReaderError {
  if (error instanceof ReaderError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new ReaderError('password', 'This PDF is protected by a password.');
  if (name === 'InvalidPDFException' || name === 'FormatError' || name === 'UnknownErrorException')
    return new ReaderError('corrupt', 'This file is damaged or is not a PDF, so Termlight cannot open it.');
  return new ReaderError('unknown', 'Termlight could not open this PDF.');
}
