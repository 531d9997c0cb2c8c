import type { TextRun } from '../page/collect';

/**
 * Reads PDF text for the shared matcher. A PDF.js text layer is not prose markup: every text item is
 * its own absolutely placed <span>, and a line end is a <br>. Read like a web page, a term would break
 * at every line end. Here a line end reads as a space, and a word hyphenated at a line end
 * ("osteo-" / "clast") reads as one word: the hyphen is left out of the text (it is the last character
 * of its node, so offsets into the node stay valid and the highlight still covers it).
 */

/** One text layer as one TextRun. Its `starts` may run ahead of the nodes' lengths (the space between
 * lines); `locate` in src/page/collect.ts only compares offsets with `starts`, so that is fine. */
export function textLayerRun(layer: Element): TextRun | undefined {
  const run: TextRun = { text: '', nodes: [], starts: [] };
  let lineEndPending = false;
  const walker = layer.ownerDocument.createTreeWalker(layer, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === 1) {
      if ((node as Element).localName === 'br') lineEndPending = true;
      continue;
    }
    const text = node as Text;
    if (text.data.length === 0) continue;
    if (lineEndPending && run.nodes.length > 0) run.text = joinLines(run.text, text.data);
    lineEndPending = false;
    run.starts.push(run.text.length);
    run.nodes.push(text);
    run.text += text.data;
  }
  return /\S/.test(run.text) ? run : undefined;
}

/** The text of a page from PDF.js getTextContent() items, joined exactly like its text layer. */
export function textContentText(items: ReadonlyArray<{ str?: string; hasEOL?: boolean }>): string {
  let text = '';
  let lineEndPending = false;
  for (const item of items) {
    const str = item.str ?? '';
    if (str.length > 0) {
      if (lineEndPending && text.length > 0) text = joinLines(text, str);
      lineEndPending = false;
      text += str;
    }
    if (item.hasEOL) lineEndPending = true;
  }
  return text;
}

const HYPHEN_AT_END = /\p{L}[-\u00ad\u2010]$/u;

/** Joins the text so far with the next line: drops a line-end hyphen between letters, or adds a space. */
export function joinLines(soFar: string, next: string): string {
  if (/^\s/.test(next) || /\s$/.test(soFar)) return soFar;
  if (HYPHEN_AT_END.test(soFar) && /^\p{Ll}/u.test(next)) return soFar.slice(0, -1);
  return `${soFar} `;
}
