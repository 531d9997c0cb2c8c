import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * Real text that nobody here wrote and that installs offline: Debian's manual pages (English, French,
 * German, Spanish) and English package documentation. Read from the system at run time, never copied
 * into the repo. `.ci/run` installs the manpages packages when they are missing.
 */
export type CorpusLanguage = 'en' | 'fr' | 'de' | 'es';

export const MAN_ROOT = '/usr/share/man';
export const DOC_ROOT = '/usr/share/doc';

/** One document of the corpus: where it came from and its text as blocks (paragraphs, headings). */
export interface CorpusPage {
  path: string;
  blocks: string[];
  bytes: number;
}

/** Manual page files of a language, sorted (sections 1 to 8; the English ones sit at the root). */
export function manPageFiles(language: CorpusLanguage): string[] {
  const root = language === 'en' ? MAN_ROOT : join(MAN_ROOT, language);
  if (!existsSync(root)) return [];
  const files: string[] = [];
  for (const section of readdirSync(root).filter((d) => /^man[1-8]$/.test(d)).sort()) {
    const dir = join(root, section);
    for (const name of readdirSync(dir).sort()) files.push(join(dir, name));
  }
  return files;
}

/** English documentation files: READMEs, FAQs, NEWS and .txt files under /usr/share/doc, sorted. */
export function docFiles(): string[] {
  if (!existsSync(DOC_ROOT)) return [];
  const files: string[] = [];
  for (const pkg of readdirSync(DOC_ROOT).sort()) {
    const dir = join(DOC_ROOT, pkg);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      if (!/^(readme|faq|news)|\.txt(\.gz)?$/i.test(name)) continue;
      const path = join(dir, name);
      try {
        if (statSync(path).isFile()) files.push(path);
      } catch {
        // a dangling link
      }
    }
  }
  return files;
}

function readMaybeGzipped(path: string): string {
  const raw = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
}

/**
 * Takes documents spread evenly over `files` (every n-th, so every part of the alphabet is in), until
 * their text reaches `maxBytes`. Deterministic: the same files give the same sample.
 */
export function sample(files: string[], maxBytes: number, read: (path: string) => CorpusPage | undefined, spread = 7): CorpusPage[] {
  const pages: CorpusPage[] = [];
  let bytes = 0;
  for (let offset = 0; offset < spread && bytes < maxBytes; offset++) {
    for (let i = offset; i < files.length && bytes < maxBytes; i += spread) {
      const page = read(files[i]!);
      if (!page || page.bytes < 200) continue;
      pages.push(page);
      bytes += page.bytes;
    }
  }
  return pages;
}

/** A manual page's reading text, from its roff source: paragraphs and headings, macros and escapes removed. */
export function readManPage(path: string): CorpusPage | undefined {
  let source: string;
  try {
    source = readMaybeGzipped(path);
  } catch {
    return undefined;
  }
  if (/^\.so\s/m.test(source.slice(0, 200)) && source.length < 200) return undefined; // a link to another page
  const blocks = roffBlocks(source);
  return { path, blocks, bytes: blocks.reduce((n, b) => n + Buffer.byteLength(b), 0) };
}

/** A documentation file as paragraphs (blank lines separate them). */
export function readDocFile(path: string): CorpusPage | undefined {
  let text: string;
  try {
    text = readMaybeGzipped(path);
  } catch {
    return undefined;
  }
  if (text.includes('\u0000')) return undefined; // not text
  const blocks = text
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return { path, blocks, bytes: blocks.reduce((n, b) => n + Buffer.byteLength(b), 0) };
}

// Macros whose arguments are reading text (fonts, headings, list tags).
const TEXT_MACROS = new Set(['B', 'I', 'BR', 'RB', 'IR', 'RI', 'BI', 'IB', 'SM', 'SB', 'SH', 'SS', 'IP', 'TP', 'UR', 'MT', 'Nm', 'Nd', 'Sh', 'Ss', 'It', 'Pp']);
// Macros that end a paragraph.
const BREAK_MACROS = new Set(['PP', 'P', 'LP', 'TP', 'IP', 'HP', 'SH', 'SS', 'sp', 'br', 'RS', 'RE', 'TS', 'TE', 'EX', 'EE', 'nf', 'fi', 'Pp', 'Sh', 'Ss', 'It']);
const NAMED_CHARACTERS: Record<string, string> = { em: '\u2014', en: '\u2013', aq: "'", dq: '"', lq: '\u201c', rq: '\u201d', oq: '\u2018', cq: '\u2019', bu: '\u2022', co: '\u00a9', rg: '\u00ae', hy: '-', ti: '~', ha: '^', mi: '-', pl: '+', mu: '\u00d7', de: '\u00b0' };

/** Splits roff source into text blocks. Good enough for prose; tables and equations come out as plain words. */
export function roffBlocks(source: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const text = current.join(' ').replace(/\s+/g, ' ').trim();
    if (text) blocks.push(text);
    current = [];
  };
  let skipUntilDots = false;
  for (const line of source.split('\n')) {
    if (skipUntilDots) {
      if (line.startsWith('..')) skipUntilDots = false;
      continue;
    }
    if (/^[.']\s*\\"/.test(line) || line.startsWith('\\"')) continue;
    const macro = /^[.']\s*(\S+)\s*(.*)$/.exec(line);
    if (macro) {
      const [, name, args] = macro as unknown as [string, string, string];
      if (name === 'de' || name === 'ig' || name === 'am') {
        skipUntilDots = true;
        continue;
      }
      if (BREAK_MACROS.has(name)) flush();
      if (TEXT_MACROS.has(name) && args) current.push(unescape(args.replace(/"/g, '')));
      if (name === 'SH' || name === 'SS' || name === 'Sh' || name === 'Ss') flush();
      continue;
    }
    current.push(unescape(line));
  }
  flush();
  return blocks;
}

function unescape(text: string): string {
  return text
    .replace(/\\".*$/, '')
    .replace(/\\f(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\\((..)/g, (_, name: string) => NAMED_CHARACTERS[name] ?? '')
    .replace(/\\\[([^\]]*)\]/g, (_, name: string) => NAMED_CHARACTERS[name] ?? '')
    .replace(/\\\*(?:\[[^\]]*\]|\(..|.)/g, '')
    .replace(/\\s[+-]?\d+/g, '')
    .replace(/\\[-e]/g, (m) => (m === '\\-' ? '-' : '\\'))
    .replace(/\\[&%|^c]/g, '')
    .replace(/\\[ 0~]/g, ' ')
    .replace(/\\(.)/g, '$1');
}

/** A page of blocks as HTML with no lang attribute: the language must be found from the text itself. */
export function toHtml(blocks: string[]): string {
  const escape = (t: string) => t.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  return `<!doctype html><html><head><meta charset="utf-8"></head><body>${blocks.map((b) => `<p>${escape(b)}</p>`).join('\n')}</body></html>`;
}
