/**
 * Builds the compact term index (index-format.ts) from the JSON TermIndex, at build time (Node). The
 * result is decoded again and compared with the input: a build never ships an index that reads
 * differently from the one compile produced.
 */
import { deflateRawSync } from 'node:zlib';
import type { SurfaceRow, TermIndex } from '../glossary/types';
import {
  BLOCK,
  CompactTermIndex,
  FLAG_PHRASE_START,
  FLAG_SINGLE,
  FORMAT_VERSION,
  headerChar,
  isPlainRow,
  MARK,
  PREFIX_CAP,
  slug,
  type CompactTermIndexData,
  SET_SEPARATOR,
  type ExtraHead,
} from './index-format';
import { bytesToText } from './index-text';
import { MIN_MISSPELLING_LENGTH } from './misspell';

function varint(n: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new Error(`varint of ${n}`);
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte += 128;
    out.push(byte);
  } while (n > 0);
  return out;
}

const zigzag = (n: number) => (n < 0 ? -2 * n - 1 : 2 * n);

/** Node's zlib at its best settings deflates these sections about 4% smaller than fflate. */
function deflateSection(data: string | Uint8Array): string {
  const bytes = deflateRawSync(typeof data === 'string' ? new TextEncoder().encode(data) : data, { level: 9, memLevel: 9 });
  return bytesToText(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

function frontCode(words: readonly string[], flagsOf: (word: string) => number = () => 0): string {
  let out = '';
  let previous = '';
  words.forEach((word, i) => {
    if (!/^[0-9a-z\u0080-\uffff]+$/.test(word)) throw new Error(`term index: cannot store the word "${word}"`);
    let shared = 0;
    if (i % BLOCK === 0) out += String.fromCharCode(MARK);
    else while (shared < PREFIX_CAP && shared < word.length && shared < previous.length && word[shared] === previous[shared]) shared++;
    out += headerChar(shared | (flagsOf(word) << 4)) + word.slice(shared);
    previous = word;
  });
  return out;
}

function sortedUnique(words: Iterable<string>): string[] {
  return [...new Set(words)].sort();
}

export function encodeTermIndex(index: TermIndex): CompactTermIndexData {
  const words = sortedUnique(index.surfaces.flatMap(([key]) => key.split(' ')));
  const number = new Map(words.map((w, i) => [w, i]));
  const flags = new Map<string, number>();
  for (const [word] of index.spelling.singleWords) flags.set(word, (flags.get(word) ?? 0) | FLAG_SINGLE);
  for (const word of index.spelling.phraseStarts) flags.set(word, (flags.get(word) ?? 0) | FLAG_PHRASE_START);

  const groups = new Map<number, Array<{ row: SurfaceRow; rest: number[]; order: number }>>();
  index.surfaces.forEach((row, order) => {
    const [first, ...rest] = row[0].split(' ');
    const id = number.get(first!)!;
    const group = groups.get(id) ?? [];
    group.push({ row, rest: rest.map((w) => number.get(w)!), order });
    groups.set(id, group);
  });

  const exact: string[] = [];
  const rows: number[] = [];
  let entry = 0;
  for (let id = 0; id < words.length; id++) {
    if (id % BLOCK === 0) entry = 0;
    const group = (groups.get(id) ?? []).sort((a, b) => compareNumbers(a.rest, b.rest) || a.order - b.order);
    const bytes: number[] = [];
    let previous: number[] = [];
    group.forEach(({ row, rest }, i) => {
      const [key, rowEntry, exactCase, cueSet, rowFlags] = row;
      let meta = 0;
      const body: number[] = [];
      if (rest.length === 0) meta = 0;
      else if (i > 0 && rest.length === previous.length && rest.slice(0, -1).every((w, k) => w === previous[k])) {
        meta = 1;
        body.push(...varint(zigzag(rest[rest.length - 1]! - previous[previous.length - 1]!)));
      } else {
        let shared = 0;
        while (shared < rest.length && shared < previous.length && rest[shared] === previous[shared]) shared++;
        meta = 2;
        body.push(...varint(shared), ...varint(rest.length - shared), ...rest.slice(shared).flatMap(varint));
      }
      if (rowEntry === entry) meta |= 4;
      else body.unshift(...varint(zigzag(rowEntry - entry)));
      if (exactCase !== null) {
        meta |= 8;
        body.push(...varint(exactCode(exactCase, key, exact)));
      }
      if (cueSet >= 0 || rowFlags !== 0) {
        meta |= 16;
        body.push(...varint(cueSet + 1), ...varint(rowFlags));
      }
      bytes.push(...varint(meta), ...body);
      entry = rowEntry;
      previous = rest;
    });
    rows.push(...varint(bytes.length), ...bytes);
  }

  const near = sortedUnique(index.nearWords);
  const entries = index.entries.map(([id, headword]) => {
    if (headword.includes('\n') || headword.includes('\t')) throw new Error(`term index: headword "${headword}" has a tab or newline`);
    return slug(headword) === id ? headword : `${headword}\t${id}`;
  });
  const head: ExtraHead = { exact, stageWords: index.stageWords ?? [] };
  const unlessSets = index.unlessSets ?? index.cueSets.map(() => []);
  const extra = [JSON.stringify(head), ...index.cueSets.map(setLine), ...index.cueSets.map((_, n) => setLine(unlessSets[n] ?? []))].join('\n');
  const data: CompactTermIndexData = {
    v: FORMAT_VERSION,
    entryCount: index.entries.length,
    words: deflateSection(frontCode(words, (w) => flags.get(w) ?? 0)),
    rows: deflateSection(Uint8Array.from(rows)),
    near: deflateSection(frontCode(near)),
    entries: deflateSection(entries.join('\n')),
    extra: deflateSection(extra),
  };
  const problem = differences(canonical(index), canonical(new CompactTermIndex(data).toTermIndex()));
  if (problem) throw new Error(`term index: the compact index does not read back as compiled (${problem}); update src/match/index-format.ts`);
  return data;
}

function setLine(cues: readonly string[]): string {
  for (const cue of cues) {
    if (cue === '' || cue.includes(SET_SEPARATOR) || cue.includes('\n')) throw new Error(`term index: cannot store the cue "${cue}"`);
  }
  return cues.join(SET_SEPARATOR);
}

function exactCode(exactCase: string, key: string, stored: string[]): number {
  if (exactCase === key.toUpperCase()) return 0;
  if (exactCase === key.slice(0, -1).toUpperCase() + key.slice(-1)) return 1;
  let at = stored.indexOf(exactCase);
  if (at < 0) at = stored.push(exactCase) - 1;
  return at + 2;
}

function compareNumbers(a: number[], b: number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if (a[k] !== b[k]) return a[k]! - b[k]!;
  return a.length - b.length;
}

/**
 * The logical content of an index, independent of storage order: rows sorted by key (rows of one key
 * keep their order, which decides ties between entries), everything else as is.
 */
export function canonical(index: TermIndex): TermIndex {
  const surfaces = index.surfaces.map((row, order) => ({ row, order })).sort((a, b) => (a.row[0] < b.row[0] ? -1 : a.row[0] > b.row[0] ? 1 : a.order - b.order));
  return {
    ...index,
    surfaces: surfaces.map((s) => s.row),
    unlessSets: index.unlessSets ?? index.cueSets.map(() => []),
    stageWords: index.stageWords ?? [],
    nearWords: sortedUnique(index.nearWords),
    spelling: {
      words: [...index.spelling.words].filter((w) => w.length >= MIN_MISSPELLING_LENGTH),
      singleWords: [...index.spelling.singleWords].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      phraseStarts: [...index.spelling.phraseStarts],
    },
  };
}

/** The first difference between two indexes, described, or undefined when they are equal. */
export function differences(a: TermIndex, b: TermIndex): string | undefined {
  for (const field of ['entries', 'surfaces', 'cueSets', 'unlessSets', 'stageWords', 'nearWords'] as const) {
    const x = a[field] ?? [];
    const y = b[field] ?? [];
    if (x.length !== y.length) return `${field}: ${x.length} vs ${y.length}`;
    for (let i = 0; i < x.length; i++) if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) return `${field}[${i}]: ${JSON.stringify(x[i])} vs ${JSON.stringify(y[i])}`;
  }
  for (const field of ['words', 'singleWords', 'phraseStarts'] as const) {
    if (JSON.stringify(a.spelling[field]) !== JSON.stringify(b.spelling[field])) return `spelling.${field} differs`;
  }
  return undefined;
}
