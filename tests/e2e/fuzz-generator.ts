/**
 * Random DOM pages for the in-browser fuzz test (fuzz.spec.ts): seeded, so a failure replays with
 * FUZZ_SEED. Pages mix random block and inline nesting, term surfaces written many ways (split across
 * inline elements, even inside a word; HTML entities; odd whitespace; diacritics), RTL text and bidi
 * controls, emoji, zero-width characters, skipped elements (button, textarea, template, hidden,
 * contenteditable, svg) and declarative open shadow roots. The markup is always well nested, so the
 * HTML parser never reshapes it.
 *
 * A term written plainly with spaces around it in reading text is wrapped in <span data-expect>: the
 * test requires Termlight to highlight exactly that text. Every other occurrence may or may not match.
 */

export interface Vocabulary {
  terms: string[];
  filler: string[];
  rtl: string[];
}

export interface FuzzPage {
  html: string;
  /** How many <span data-expect> the page holds. */
  expected: number;
  /** The pieces of terms the generator broke inside a word: each may match a glossary word on its own. */
  fragments: string[];
}

export { mulberry32 } from '../prng';

// No <a>: a link inside a link would make the parser reshape the tree (links are made at depth 0 only).
const INLINE = ['b', 'i', 'em', 'strong', 'span', 'code', 'mark', 'small', 'sub', 'sup', 'u', 's', 'abbr', 'cite', 'kbd', 'q', 'samp', 'var', 'bdi', 'data', 'time', 'font'];
const BLOCK_WITH_BLOCKS = ['div', 'section', 'article', 'aside', 'blockquote', 'figure', 'header', 'footer', 'nav'];
const BLOCK_INLINE_ONLY = ['p', 'h2', 'h3', 'figcaption', 'pre', 'address'];
const SEPARATORS = [' ', ' ', ' ', ', ', '. ', '; ', ' (', ') ', ' — ', '\u00a0', '&nbsp;', '\n', '\t', ' / ', '\u2009', '&#32;', ': ', '! ', '? ', ' "', '" ', "' "];
const ZERO_WIDTH = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '&#x200B;', '&zwj;', '&zwnj;'];
const BIDI = ['\u200f', '\u200e', '\u202b', '\u202c', '\u2067', '\u2069', '\u061c', '&rlm;', '&lrm;'];
const EMOJI = ['🦴', '🩺', '💊', '👩‍⚕️', '🇬🇧', '👍🏽', '❤️', '🧬', '&#x1F9B4;', '&#129657;'];
const ENTITIES = ['&amp;', '&lt;', '&gt;', '&quot;', '&#39;', '&copy;', '&eacute;', '&hellip;', '&mdash;', '&shy;'];
const SOFT_BREAKERS = ['\u200b', '\u00ad', '&shy;', '\u2060', '<wbr>', '<br>'];

export class PageGenerator {
  private expected = 0;
  private fragments: string[] = [];

  constructor(private readonly random: () => number, private readonly vocabulary: Vocabulary) {}

  page(index: number): FuzzPage {
    this.expected = 0;
    this.fragments = [];
    const parts = [`<p>${this.filler()} ${this.expect(this.pick(this.vocabulary.terms))} ${this.filler()}.</p>`];
    const blocks = this.int(1, 5);
    for (let i = 0; i < blocks; i++) parts.push(this.block(0, true));
    return { html: `<section class="fuzz-page" data-page="${index}">${parts.join('')}</section>`, expected: this.expected, fragments: this.fragments };
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)]!;
  }
  private int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  private chance(p: number): boolean {
    return this.random() < p;
  }

  private expect(term: string): string {
    this.expected++;
    return `<span data-expect>${escape(term)}</span>`;
  }

  private filler(): string {
    const words: string[] = [];
    for (let i = this.int(1, 3); i > 0; i--) words.push(this.pick(this.vocabulary.filler));
    return words.join(' ');
  }

  /** A block element; `reading` is false inside elements whose text Termlight must skip. */
  private block(depth: number, reading: boolean): string {
    const roll = this.random();
    const dir = this.chance(0.15) ? ' dir="rtl"' : '';
    if (depth < 3 && roll < 0.22) {
      const tag = this.pick(BLOCK_WITH_BLOCKS);
      const children: string[] = [];
      for (let i = this.int(1, 3); i > 0; i--) children.push(this.chance(0.7) ? this.block(depth + 1, reading) : this.inline(depth, reading));
      return `<${tag}${dir}>${children.join('')}</${tag}>`;
    }
    if (depth < 3 && roll < 0.3) {
      const tag = this.chance(0.5) ? 'ul' : 'ol';
      const items: string[] = [];
      for (let i = this.int(1, 3); i > 0; i--) items.push(`<li>${this.chance(0.3) ? this.block(depth + 1, reading) : this.inline(0, reading)}</li>`);
      return `<${tag}${dir}>${items.join('')}</${tag}>`;
    }
    if (roll < 0.35) return `<table><tbody><tr><td>${this.inline(0, reading)}</td><td>${this.inline(0, reading)}</td></tr></tbody></table>`;
    if (roll < 0.39) return `<dl><dt>${this.inline(0, reading)}</dt><dd>${this.inline(0, reading)}</dd></dl>`;
    if (roll < 0.42) return `<details open><summary>${this.inline(0, reading)}</summary><p>${this.inline(0, reading)}</p></details>`;
    if (depth < 3 && roll < 0.47) return `<div class="host"><template shadowrootmode="open" shadowrootclonable><p>${this.inline(0, reading)}</p>${this.chance(0.5) ? this.block(depth + 1, reading) : ''}</template>${this.chance(0.5) ? `<p>${this.inline(0, reading)}</p>` : ''}</div>`;
    if (roll < 0.55) return this.skipped(depth);
    const tag = this.pick(BLOCK_INLINE_ONLY);
    return `<${tag}${dir}>${this.inline(0, reading)}</${tag}>`;
  }

  /** Elements whose text is not reading text: terms inside them must never be highlighted. */
  private skipped(depth: number): string {
    const content = () => this.inline(depth, false);
    switch (this.int(0, 7)) {
      case 0: return `<p><button type="button">${content()}</button></p>`;
      case 1: return `<textarea>${escape(this.pick(this.vocabulary.terms))} ${this.filler()}</textarea>`;
      case 2: return `<template><p>${content()}</p></template>`;
      case 3: return `<p hidden>${content()}</p>`;
      case 4: return `<div contenteditable="true"><p>${content()}</p></div>`;
      case 5: return `<svg width="60" height="14"><text x="0" y="12">${escape(this.pick(this.vocabulary.terms))}</text></svg>`;
      case 6: return `<p><select><option>${escape(this.pick(this.vocabulary.terms))}</option></select> ${this.filler()}</p>`;
      default: return `<noscript><p>${escape(this.pick(this.vocabulary.terms))}</p></noscript>`;
    }
  }

  /** A run of inline content: words, terms in many spellings, separators and nested inline elements. */
  private inline(depth: number, reading: boolean): string {
    const out: string[] = [];
    for (let i = this.int(1, 5); i > 0; i--) {
      const roll = this.random();
      if (roll < 0.3) out.push(this.filler());
      else if (roll < 0.55) out.push(this.term(reading));
      else if (roll < 0.63) out.push(this.pick(this.vocabulary.rtl) + (this.chance(0.5) ? ` ${this.pick(this.vocabulary.rtl)}` : ''));
      else if (roll < 0.7) out.push(this.pick(EMOJI));
      else if (roll < 0.75) out.push(this.pick(ENTITIES));
      else if (roll < 0.8) out.push(this.pick(ZERO_WIDTH) + this.pick(BIDI));
      else if (roll < 0.83) out.push(`<span data-lone="${this.chance(0.5) ? 'high' : 'low'}"></span>`);
      else if (roll < 0.86) out.push(this.chance(0.5) ? '<br>' : '<img alt="" width="4" height="4">');
      else if (depth === 0 && roll < 0.9) out.push(`<a href="#x">${this.inline(1, reading)}</a>`);
      else if (depth < 5) {
        const tag = this.pick(INLINE);
        out.push(`<${tag}>${this.inline(depth + 1, reading)}</${tag}>`);
      }
      out.push(this.pick(SEPARATORS));
    }
    return out.join('');
  }

  /** One term occurrence, written one of many ways. */
  private term(reading: boolean): string {
    const term = this.pick(this.vocabulary.terms);
    const acronym = term === term.toUpperCase();
    const roll = this.random();
    if (roll < 0.2 && reading) return ` ${this.expect(term)} `;
    if (roll < 0.3 && !acronym) return escape(term[0]!.toUpperCase() + term.slice(1));
    if (roll < 0.5) return this.split(term);
    if (roll < 0.6) return [...term].map((c) => (this.chance(0.3) ? `&#${c.codePointAt(0)};` : escape(c))).join('');
    if (roll < 0.68) return escape(term).replace(/ /g, () => this.pick(['&nbsp;', '  ', '\n', ' \u200b', '\u2009', ' <b></b>']));
    if (roll < 0.74) return escape(term.replace(/[aeiou]/, (v) => `${v}\u0301`));
    if (roll < 0.82) {
      const at = this.int(1, term.length - 1); // a break inside the word: this occurrence must not match as the term
      this.fragments.push(term.slice(0, at), term.slice(at));
      return escape(term.slice(0, at)) + this.pick(SOFT_BREAKERS) + escape(term.slice(at));
    }
    if (roll < 0.9) return this.pick([...EMOJI, ...BIDI, ...ZERO_WIDTH]) + escape(term) + this.pick([...EMOJI, ...BIDI, ...ZERO_WIDTH]);
    const tag = this.pick(['b', 'i', 'span']); // glued to a word across an element: one word, no match
    return this.chance(0.5) ? `${this.pick(this.vocabulary.filler)}<${tag}>${escape(term)}</${tag}>` : `<${tag}>${escape(term)}</${tag}>${this.pick(this.vocabulary.filler)}`;
  }

  /** The term cut into 2–4 pieces, each maybe wrapped in (nested) inline elements. */
  private split(term: string): string {
    const cuts = new Set<number>();
    for (let i = this.int(1, 3); i > 0; i--) cuts.add(this.int(1, term.length - 1));
    const points = [0, ...[...cuts].sort((a, b) => a - b), term.length];
    const pieces: string[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      let piece = escape(term.slice(points[i], points[i + 1]));
      for (let d = this.int(0, 2); d > 0; d--) {
        const tag = this.pick(INLINE);
        piece = `<${tag}>${piece}</${tag}>`;
      }
      if (this.chance(0.15)) piece += this.pick(['<span></span>', '<wbr>', '<!-- c -->', '<em></em>']);
      pieces.push(piece);
    }
    return pieces.join('');
  }
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
