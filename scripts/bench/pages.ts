import type { TermIndex } from '../../src/glossary/types';
import { TermMatcher } from '../../src/match/matcher';

/**
 * Deterministic article-like pages for the benchmark. Everything comes from a seeded PRNG, so two
 * runs (and two machines) measure the same bytes. Text mixes ordinary English with glossary
 * surfaces drawn from the compiled term index; script, style and textarea blocks carry terms too,
 * because a correct scanner must skip them.
 */

import { mulberry32 as prng } from '../../tests/prng';

// Common English words. Any that the glossary knows (or would flag as a misspelling) are filtered
// out against the real matcher below, so the `no-terms` page really has no terms.
const COMMON = `the of and to in is it that was for on are as with his they at be this from have or by one had
not but what all were when we there can an your which their said if do will each about how up out them then she many
some so these would other into has more her two like him see time could no make than first been its who now people my
made over did down only way find use may water long little very after words called just where most know get through
back much before go good new write our used me man too any day same right look think also around another came come
work three word must because does part even place well such here take why things help put years different away again
off went old number great tell men say small every found still between name should home big give air line set own
under read last never us left end along while might next sound below saw something thought both few those always
looked show large often together asked house world going want school important until form food keep children feet
land side without boy once animals life enough took sometimes four head above kind began almost live page got earth
need far hand high year mother light parts country father let night following picture being study second eyes soon
times story boys since white days ever paper hard near sentence better best across during today others however sure
means knew try told young miles sun ways thing whole hear example heard several change answer room sea against top
turned learn point city play toward five using himself usually money seen car morning given trees hours plain
weather garden window kitchen letter music river travel market station bridge village journey evening holiday
library teacher family friend neighbour weekend summer winter spring autumn coffee bread cheese orange yellow purple
quickly slowly happily carefully quietly bright gentle simple narrow distant ancient modern careful patient famous`
  .split(/\s+/)
  .filter(Boolean);

export interface Vocabulary {
  ordinary: string[];
  /** Glossary surfaces as a page would write them (abbreviations in their exact case). */
  terms: string[];
}

export function vocabulary(index: TermIndex): Vocabulary {
  const matcher = new TermMatcher(index);
  const known = new Set(index.surfaces.flatMap(([key]) => key.split(' ')));
  const ordinary = COMMON.filter((w) => !known.has(w) && matcher.findInText(w).length === 0);
  // Surfaces that need a context cue are left out: a random sentence rarely carries the cue.
  const terms = [...new Set(index.surfaces.filter(([, , , cueSet]) => cueSet < 0).map(([key, , exactCase]) => exactCase ?? key))].sort();
  return { ordinary, terms };
}

interface Writer {
  rand: () => number;
  vocab: Vocabulary;
  termRate: number;
}

const pick = <T>(w: Writer, list: readonly T[]): T => list[Math.floor(w.rand() * list.length)]!;
const between = (w: Writer, lo: number, hi: number): number => lo + Math.floor(w.rand() * (hi - lo + 1));

/** One item of text: a glossary term (kept whole, so no contender sees it split) or an ordinary word. */
function item(w: Writer): string {
  return w.rand() < w.termRate ? pick(w, w.vocab.terms) : pick(w, w.vocab.ordinary);
}

function plainSentence(w: Writer, min = 8, max = 20): string {
  const items = Array.from({ length: between(w, min, max) }, () => item(w));
  items[0] = items[0]!.charAt(0).toUpperCase() + items[0]!.slice(1);
  return items.join(' ') + '.';
}

/** A sentence with nested inline markup around whole items: em, strong, links, span > em, code. */
function richSentence(w: Writer): string {
  const items = plainSentence(w).slice(0, -1).split(' ');
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const r = w.rand();
    const word = items[i]!;
    if (r < 0.05) out.push(`<em>${word}</em>`);
    else if (r < 0.08) out.push(`<strong>${word}</strong>`);
    else if (r < 0.11 && i + 1 < items.length) out.push(`<a href="#ref-${between(w, 1, 99)}">${word} ${items[++i]}</a>`);
    else if (r < 0.13) out.push(`<span class="x"><em>${word}</em></span>`);
    else if (r < 0.14) out.push(`<code>${word}</code>`);
    else out.push(word);
  }
  // Punctuation right after a word: the way articles are written (and what accuracy "exactly" copes with badly).
  return out.join(' ') + (w.rand() < 0.8 ? '.' : '?');
}

function paragraph(w: Writer): string {
  return `<p>${Array.from({ length: between(w, 3, 6) }, () => richSentence(w)).join(' ')}</p>`;
}

function list(w: Writer): string {
  const tag = w.rand() < 0.5 ? 'ul' : 'ol';
  const items = Array.from({ length: between(w, 3, 6) }, () => `<li>${richSentence(w)}</li>`);
  return `<${tag}>${items.join('')}</${tag}>`;
}

function table(w: Writer): string {
  const cell = () => Array.from({ length: between(w, 1, 4) }, () => item(w)).join(' ');
  const rows = Array.from({ length: between(w, 4, 8) }, () => `<tr><td>${cell()}</td><td>${cell()}</td><td>${between(w, 1, 500)}</td></tr>`);
  return `<table><caption>${plainSentence(w, 4, 8)}</caption><thead><tr><th>${cell()}</th><th>${cell()}</th><th>n</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** Blocks that are not reading text; they carry terms so a scanner that enters them would be caught. */
function skipped(w: Writer): string {
  const r = w.rand();
  if (r < 0.34) return `<script>window.__benchData = ${JSON.stringify(plainSentence(w))};</script>`;
  if (r < 0.67) return `<style>.x-${between(w, 1, 1e6)}::after { content: ${JSON.stringify(plainSentence(w, 3, 6))}; }</style>`;
  return `<textarea rows="2" cols="60">${plainSentence(w)}</textarea>`;
}

function section(w: Writer, n: number): string {
  const blocks = [`<h2 id="s${n}">${plainSentence(w, 3, 7).slice(0, -1)}</h2>`];
  const count = between(w, 4, 9);
  for (let i = 0; i < count; i++) {
    const r = w.rand();
    if (r < 0.65) blocks.push(paragraph(w));
    else if (r < 0.78) blocks.push(list(w));
    else if (r < 0.86) blocks.push(table(w));
    else if (r < 0.93) blocks.push(`<blockquote>${paragraph(w)}</blockquote>`);
    else blocks.push(skipped(w));
  }
  return `<section>${blocks.join('\n')}</section>`;
}

export interface PageSpec {
  name: string;
  targetBytes: number;
  seed: number;
  termRate: number;
}

/** A whole document of about `targetBytes` bytes (ASCII, so bytes = characters). */
export function articlePage(spec: PageSpec, vocab: Vocabulary): string {
  const w: Writer = { rand: prng(spec.seed), vocab, termRate: spec.termRate };
  const head = `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${spec.name}: ${plainSentence(w, 3, 6)}</title>
<style>body{font:16px/1.5 serif;max-width:46em;margin:auto;padding:0 1em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>
</head><body><header><nav><a href="#s1">Home</a> <a href="#s2">News</a> <a href="#s3">About</a></nav><h1>${plainSentence(w, 4, 9)}</h1></header><main><article>\n`;
  const tail = `</article></main><footer><p>${plainSentence(w)}</p></footer></body></html>\n`;
  const parts = [head];
  let bytes = head.length + tail.length;
  for (let n = 1; bytes < spec.targetBytes; n++) {
    const s = section(w, n) + '\n';
    parts.push(s);
    bytes += s.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** Paragraph HTML for the living-page tests (appended bursts, rewritten text). */
export function paragraphs(count: number, seed: number, vocab: Vocabulary, termRate = 0.06): string[] {
  const w: Writer = { rand: prng(seed), vocab, termRate };
  return Array.from({ length: count }, () => paragraph(w));
}

export const GENERATED: PageSpec[] = [
  { name: '1mb', targetBytes: 1_000_000, seed: 1, termRate: 0.06 },
  { name: '5mb', targetBytes: 5_000_000, seed: 5, termRate: 0.06 },
  // About the size of a long newspaper article (~5,000 words).
  { name: 'no-terms', targetBytes: 40_000, seed: 7, termRate: 0 },
];
