/**
 * The compact term index the content script ships (built by the Vite plugin with index-encode.ts),
 * read in place: nothing is parsed at load, and a page decodes only what it asks for.
 *
 * Five sections, each deflated and written as text by index-text.ts (13 bits in two printable ASCII
 * characters: denser than base64), inflated the first time something needs it:
 * - words: every word of every surface key, sorted, front-coded in blocks of 16 (a block starts
 *   with MARK and its first word in full; every word starts with a header char holding the length
 *   of the prefix it shares with the word before and two flags: a single-word spelling target, the
 *   first word of a phrase target). Looked up by binary search over block heads, then a scan of at
 *   most 16 words that compares characters without building strings. A word's number is its rank.
 * - rows: bytes, the surface rows grouped by first word, in word order: per word a varint byte
 *   length, then its rows (see readRows). A table of where each block of 16 words' groups starts
 *   is made on first use by hopping over the lengths, so a group is found without decoding others.
 * - near: the ordinary English words close to a glossary word, front-coded like words.
 * - entries: one line per entry, the headword, plus a tab and the id when the id is not the
 *   headword's slug.
 * - extra: a first line of JSON (the few exact-case spellings not derived from keys, stage words),
 *   then one line per cue set (its cues joined by SET_SEPARATOR), then one per unless set. Split
 *   into lines when first read; a set's line is split into words only when a match asks for it.
 *
 * The content script's copy holds only words, rows and extra (what matching reads): it runs in
 * every frame, so its size counts many times. It brings the other two from the background
 * (`loadSection`): the entries when it starts on a readable page (ids and headwords are what a
 * match is shown and told with), the near words only once a page is about health (only
 * misspelling checks read them, and those start then). Extension pages (the PDF reader) import
 * all five.
 *
 * Spelling data is derived, not stored: glossary words are the words of 6 or more letters, and
 * the targets are the flagged words (the encoder checks that this reproduces the index exactly).
 */
import { inflateSync } from 'fflate';
import { textToBytes } from './index-text';
import type { SurfaceRow, TermIndex } from '../glossary/types';
import { stageWordsByEntry, type SpellingTargetKind, type TermIndexReader } from './index-reader';
import { MIN_MISSPELLING_LENGTH } from './misspell';

export const FORMAT_VERSION = 2;
export const BLOCK = 16;
export const MARK = 1;
export const PREFIX_CAP = 15;
export const FLAG_SINGLE = 1;
export const FLAG_PHRASE_START = 2;

/** What the Vite plugin emits: plain strings, so the content script's load parses no data at all. */
export interface CompactTermIndexData {
  v: number;
  entryCount: number;
  words: string;
  rows: string;
  /** Left out of the content script's copy (see the file comment): then brought with `loadSection`. */
  near?: string;
  /** Likewise. */
  entries?: string;
  extra: string;
}

/** The extra section's first line. */
export interface ExtraHead {
  exact: string[];
  stageWords?: Array<[entry: number, words: string[]]>;
}

/** Between the cues of one set in the extra section (cues are normalized words and spaces). */
export const SET_SEPARATOR = '|';

/** The extra section read: its head at once, each set's words when first asked for. */
class ExtraSets {
  readonly head: ExtraHead;
  readonly count: number;
  private readonly lines: string[];
  private readonly sets: Array<readonly string[] | undefined>;

  constructor(text: string) {
    this.lines = text.split('\n');
    this.head = JSON.parse(this.lines[0] ?? '{}') as ExtraHead;
    this.count = (this.lines.length - 1) >> 1;
    this.sets = new Array<readonly string[] | undefined>(this.count * 2);
  }

  /** Cue set `n` (unless: its unless set); empty past the end. */
  set(n: number, unless: boolean): readonly string[] {
    if (!(n >= 0 && n < this.count)) return NO_CUES;
    const at = unless ? this.count + n : n;
    let words = this.sets[at];
    if (!words) {
      const line = this.lines[1 + at]!;
      words = this.sets[at] = line === '' ? NO_CUES : line.split(SET_SEPARATOR);
    }
    return words;
  }
}

const NO_CUES: readonly string[] = [];

const NO_STAGE_WORDS: ReadonlySet<string> = new Set();

// Header chars avoid the characters words are made of ([0-9a-z] and anything past ASCII).
export function headerChar(value: number): string {
  return String.fromCharCode(value < 46 ? 2 + value : 0x3a + value - 46);
}
function headerValue(code: number): number {
  return code < 0x30 ? code - 2 : code - 0x3a + 46;
}
/** True for a header or block mark: where a word's characters end. */
function isBoundary(code: number): boolean {
  return code < 0x30 || (code >= 0x3a && code <= 0x60);
}

export const unzigzag = (n: number) => (n >>> 1) ^ -(n & 1);

/** Reads varints (7 bits per byte, low bits first, a set top bit = more follows). */
class VarintReader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
  ) {}
  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = this.bytes[this.pos++]!;
      value += (byte & 127) * scale;
      if (byte < 128) return value;
      scale *= 128;
    }
  }
}

/** Inflates in JavaScript, synchronously (fflate): for sections needed before `ready()` had its turn, and for Node. */
export function inflateBytes(section: string): Uint8Array {
  return inflateSync(textToBytes(section));
}

export function inflateSection(section: string): string {
  return new TextDecoder().decode(inflateBytes(section));
}

/** Inflates with the browser's own zlib (DecompressionStream): several times faster than JavaScript. */
async function inflateNatively(section: string): Promise<Uint8Array> {
  const stream = new Blob([textToBytes(section) as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Sections the content script's copy leaves out (see the file comment): they come from the background. */
export type HeldSection = 'near' | 'entries';

export interface CompactTermIndexOptions {
  /**
   * Where a section the data leaves out comes from (the content script asks the background).
   * Resolves to undefined when it cannot be had.
   */
  loadSection?: (name: HeldSection) => Promise<string | undefined>;
}

type SectionName = 'words' | 'rows' | 'near' | 'extra' | 'entries';

/** A sorted, front-coded word list read in place (see the file comment). */
export class FrontCodedWords {
  private readonly blocks: number[] = [];
  private readonly heads: string[] = [];

  constructor(readonly text: string) {
    const mark = String.fromCharCode(MARK);
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) this.blocks.push(at);
  }

  private head(block: number): string {
    let head = this.heads[block];
    if (head === undefined) {
      const from = this.blocks[block]! + 2;
      let to = from;
      while (to < this.text.length && !isBoundary(this.text.charCodeAt(to))) to++;
      head = this.heads[block] = this.text.slice(from, to);
    }
    return head;
  }

  /** The last block whose first word is not after `word` (-1 if every block starts after it). */
  private blockFor(word: string): number {
    let lo = 0;
    let hi = this.blocks.length - 1;
    if (hi < 0 || this.head(0) > word) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.head(mid) <= word) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The word's number, or -1. Compares characters in place: no string is built for a word not found. */
  find(word: string): number {
    const block = this.blockFor(word);
    if (block < 0) return -1;
    const text = this.text;
    const end = block + 1 < this.blocks.length ? this.blocks[block + 1]! : text.length;
    let pos = this.blocks[block]! + 1;
    let matched = 0; // characters the current word shares with `word`
    for (let id = block * BLOCK; pos < end; id++) {
      const shared = headerValue(text.charCodeAt(pos++)) & PREFIX_CAP;
      if (shared < matched) {
        // It differs from the word before earlier than that one differed from `word`: it sorts after `word`.
        if (shared < PREFIX_CAP) return -1;
        matched = shared;
      } else if (shared > matched) {
        while (pos < end && !isBoundary(text.charCodeAt(pos))) pos++; // still before `word`
        continue;
      }
      let i = matched;
      for (; pos < end; pos++, i++) {
        const code = text.charCodeAt(pos);
        if (isBoundary(code)) break;
        const want = i < word.length ? word.charCodeAt(i) : -1;
        if (code !== want) {
          if (want < 0 || code > want) return -1;
          matched = i;
          while (pos < end && !isBoundary(text.charCodeAt(pos))) pos++;
          i = -1;
          break;
        }
      }
      if (i < 0) continue;
      if (i === word.length) return id;
      matched = i; // this word is a prefix of `word`
    }
    return -1;
  }

  /** Calls `visit` with each word of the block holding `from` and later blocks, until it returns false. */
  scan(fromBlock: number, visit: (id: number, word: string, flags: number) => boolean): void {
    const text = this.text;
    let word = '';
    for (let block = Math.max(0, fromBlock); block < this.blocks.length; block++) {
      let pos = this.blocks[block]! + 1;
      const end = block + 1 < this.blocks.length ? this.blocks[block + 1]! : text.length;
      for (let id = block * BLOCK; pos < end; id++) {
        const header = headerValue(text.charCodeAt(pos++));
        const start = pos;
        while (pos < end && !isBoundary(text.charCodeAt(pos))) pos++;
        word = word.slice(0, header & PREFIX_CAP) + text.slice(start, pos);
        if (!visit(id, word, header >> 4)) return;
      }
    }
  }

  /** Words read back by number (the later words of phrases), kept: a block is decoded once. */
  private readonly byNumber = new Map<number, string>();

  at(id: number): string {
    let found = this.byNumber.get(id);
    if (found === undefined) {
      const block = Math.floor(id / BLOCK);
      this.scan(block, (n, word) => {
        this.byNumber.set(n, word);
        return n < block * BLOCK + BLOCK - 1;
      });
      found = this.byNumber.get(id) ?? '';
    }
    return found;
  }

  /** Words starting with `prefix`, with their flags (a contiguous run in sorted order). */
  withPrefix(prefix: string, visit: (id: number, word: string, flags: number) => void): void {
    this.scan(this.blockFor(prefix), (id, word, flags) => {
      if (word < prefix) return true;
      if (!word.startsWith(prefix)) return false;
      visit(id, word, flags);
      return true;
    });
  }
}

/** The content script's term index: sections are inflated on first use, rows decoded per first word. */
export class CompactTermIndex implements TermIndexReader {
  readonly entryCount: number;
  private wordList: FrontCodedWords | undefined;
  private nearList: FrontCodedWords | undefined;
  private rowBytes: Uint8Array | undefined;
  private rowBlocks: number[] | undefined;
  private entryLines: string[] | undefined;
  private ids: Map<string, number> | undefined;
  private extraData: ExtraSets | undefined;
  private stageWords: Map<number, ReadonlySet<string>> | undefined;
  private readonly targets = { single: new Map<string, string[]>(), phraseStart: new Map<string, string[]>() };
  /** Answers per word: a page asks about the same words again and again (bounded, see remember). */
  private readonly known = new Map<string, boolean>();
  private readonly nearAnswers = new Map<string, boolean>();
  private readonly singles = new Map<string, number | undefined>();
  /** Sections inflated ahead by ready(), taken by the first reader. */
  private readonly inflated = new Map<SectionName, Uint8Array>();
  private readying: Promise<void> | undefined;
  /** Held sections brought by `loadSection` ('' when one could not be had). */
  private readonly brought = new Map<HeldSection, string>();
  private readonly bringing = new Map<HeldSection, Promise<void>>();

  constructor(
    private readonly data: CompactTermIndexData,
    private readonly options: CompactTermIndexOptions = {},
  ) {
    if (data.v !== FORMAT_VERSION) throw new Error(`term index format ${data.v}, expected ${FORMAT_VERSION}`);
    this.entryCount = data.entryCount;
  }

  /** A held section's text: '' when it is not here (yet, or at all). */
  private held(name: HeldSection): string {
    return this.data[name] ?? this.brought.get(name) ?? '';
  }

  private isHere(name: HeldSection): boolean {
    return this.data[name] !== undefined || this.brought.has(name) || !this.options.loadSection;
  }

  /** Brings a held section (once; at once when it is here already). */
  private bring(name: HeldSection): Promise<void> {
    if (this.isHere(name)) return Promise.resolve();
    let pending = this.bringing.get(name);
    if (!pending) {
      pending = (async () => {
        let section: string | undefined;
        try {
          section = await this.options.loadSection?.(name);
        } catch {
          section = undefined;
        }
        if (section) await this.inflateAhead(name, section);
        this.brought.set(name, section ?? '');
      })();
      this.bringing.set(name, pending);
    }
    return pending;
  }

  /** Whether misspellings can be checked now (the near words are here, or known not to be had). */
  misspellingsReady(): boolean {
    return this.isHere('near');
  }

  /** Brings what misspelling checks read. */
  prepareMisspellings(): Promise<void> {
    return this.bring('near');
  }

  /** Brings the entries (ids and headwords): entry() and entryNumber() read them. */
  prepareEntries(): Promise<boolean> {
    return this.bring('entries').then(() => this.held('entries') !== '');
  }

  /**
   * Inflates the sections the data holds (words, rows, cue sets; near words and entries where they
   * are in it: sections brought later are inflated as they come) with the browser's zlib, off the
   * JavaScript inflater's slow path. Optional: anything read before it is done (or where there is
   * no DecompressionStream) is inflated synchronously instead.
   */
  ready(): Promise<void> {
    if (typeof DecompressionStream !== 'function') return Promise.resolve();
    return (this.readying ??= (async () => {
      const present = (['words', 'rows', 'extra', 'near', 'entries'] as const).filter((name) => this.data[name] !== undefined);
      // Turning a section's text into bytes is JavaScript work on the main thread: one section per
      // task, the page gets its turn in between; the inflating itself runs natively, all at once.
      const inflating: Array<Promise<void>> = [];
      for (const name of present) {
        if (inflating.length > 0) await nextTask();
        inflating.push(this.inflateAhead(name, this.data[name]!));
      }
      await Promise.all(inflating);
    })());
  }

  private async inflateAhead(name: SectionName, section: string): Promise<void> {
    if (typeof DecompressionStream !== 'function') return;
    try {
      this.inflated.set(name, await inflateNatively(section));
    } catch {
      // Left to the synchronous inflater, which reports a corrupt section where it is read.
    }
  }

  private bytes(name: SectionName): Uint8Array {
    const ready = this.inflated.get(name);
    this.inflated.delete(name);
    return ready ?? inflateBytes(name === 'near' || name === 'entries' ? this.held(name) : this.data[name]);
  }

  private text(name: SectionName): string {
    return new TextDecoder().decode(this.bytes(name));
  }

  private get words(): FrontCodedWords {
    return (this.wordList ??= new FrontCodedWords(this.text('words')));
  }

  /** The near words, or undefined while they are not here (or could not be had). */
  private get near(): FrontCodedWords | undefined {
    if (!this.held('near')) return undefined;
    return (this.nearList ??= new FrontCodedWords(this.text('near')));
  }

  private get extra(): ExtraSets {
    return (this.extraData ??= new ExtraSets(this.text('extra')));
  }

  private get entries(): string[] {
    if (!this.entryLines && !this.held('entries')) throw new Error('term index: the entries are not here yet (prepareEntries)');
    return (this.entryLines ??= this.text('entries').split('\n'));
  }

  entry(n: number): readonly [id: string, headword: string] {
    const line = this.entries[n] ?? '';
    const tab = line.indexOf('\t');
    return tab < 0 ? [slug(line), line] : [line.slice(tab + 1), line.slice(0, tab)];
  }

  entryNumber(id: string): number | undefined {
    if (!this.ids) {
      this.ids = new Map();
      for (let n = 0; n < this.entryCount; n++) this.ids.set(this.entry(n)[0], n);
    }
    return this.ids.get(id);
  }

  rowsStartingWith(word: string): readonly SurfaceRow[] | undefined {
    const id = this.words.find(word);
    if (id < 0) return undefined;
    const rows = this.readGroup(id, word);
    return rows.length > 0 ? rows : undefined;
  }

  cueSet(n: number): readonly string[] {
    return this.extra.set(n, false);
  }

  stageWordsOf(entry: number): ReadonlySet<string> {
    const byEntry = (this.stageWords ??= stageWordsByEntry(this.extra.head.stageWords));
    return byEntry.get(entry) ?? NO_STAGE_WORDS;
  }

  unlessSet(n: number): readonly string[] {
    return this.extra.set(n, true);
  }

  isGlossaryWord(word: string): boolean {
    if (word.length < MIN_MISSPELLING_LENGTH) return false;
    let answer = this.known.get(word);
    if (answer === undefined) remember(this.known, word, (answer = this.words.find(word) >= 0));
    return answer;
  }

  /**
   * Without the near words, every word counts as near-English: a misspelling is then missed, never an
   * English word flagged (callers wait for misspellingsReady()).
   */
  isNearWord(word: string): boolean {
    const near = this.near;
    if (!near) return true;
    let answer = this.nearAnswers.get(word);
    if (answer === undefined) remember(this.nearAnswers, word, (answer = near.find(word) >= 0));
    return answer;
  }

  singleWordEntry(word: string): number | undefined {
    if (this.singles.has(word)) return this.singles.get(word);
    const entry = this.rowsStartingWith(word)?.find((r) => isPlainRow(r) && r[0] === word)?.[1];
    remember(this.singles, word, entry);
    return entry;
  }

  spellingTargets(kind: SpellingTargetKind, firstTwoLetters: string): readonly string[] {
    const cache = this.targets[kind];
    let list = cache.get(firstTwoLetters);
    if (!list) {
      const found: string[] = [];
      const flag = kind === 'single' ? FLAG_SINGLE : FLAG_PHRASE_START;
      this.words.withPrefix(firstTwoLetters, (_, word, flags) => {
        if (flags & flag) found.push(word);
      });
      cache.set(firstTwoLetters, (list = found));
    }
    return list;
  }

  /**
   * The rows of word `id`. Entry numbers are coded as differences from the row before in the same
   * block of words, so the block's earlier groups are read (not built) first.
   */
  private readGroup(id: number, firstWord: string): SurfaceRow[] {
    const bytes = (this.rowBytes ??= this.bytes('rows'));
    if (!this.rowBlocks) {
      this.rowBlocks = [];
      const hop = new VarintReader(bytes, 0);
      for (let n = 0; hop.pos < bytes.length; n++) {
        if (n % BLOCK === 0) this.rowBlocks.push(hop.pos);
        const length = hop.next();
        hop.pos += length;
      }
    }
    const reader = new VarintReader(bytes, this.rowBlocks[Math.floor(id / BLOCK)] ?? bytes.length);
    const state = { entry: 0 };
    for (let n = id - (id % BLOCK); n < id; n++) {
      const length = reader.next();
      const end = reader.pos + length;
      readRows(reader, end, state, undefined);
      reader.pos = end;
    }
    const length = reader.next();
    const out: SurfaceRow[] = [];
    readRows(reader, reader.pos + length, state, (entry, rest, exact, cueSet, flags) => {
      const key = rest.length === 0 ? firstWord : `${firstWord} ${rest.map((w) => this.words.at(w)).join(' ')}`;
      out.push([key, entry, exactCaseOf(exact, key, this.extra.head.exact), cueSet, flags]);
    });
    return out;
  }

  /** Every row, entry and set, as the JSON TermIndex would hold them (tests and tools; never a page). */
  toTermIndex(): TermIndex {
    const surfaces: SurfaceRow[] = [];
    const words: string[] = [];
    const singleWords: Array<[string, number]> = [];
    const phraseStarts: string[] = [];
    this.words.scan(0, (id, word, flags) => {
      surfaces.push(...this.readGroup(id, word));
      if (word.length >= MIN_MISSPELLING_LENGTH) words.push(word);
      if (flags & FLAG_SINGLE) singleWords.push([word, this.singleWordEntry(word)!]);
      if (flags & FLAG_PHRASE_START) phraseStarts.push(word);
      return true;
    });
    const nearWords: string[] = [];
    this.near?.scan(0, (_, word) => (nearWords.push(word), true));
    return {
      entries: Array.from({ length: this.entryCount }, (_, n) => [...this.entry(n)] as [string, string]),
      surfaces,
      cueSets: Array.from({ length: this.extra.count }, (_, n) => [...this.extra.set(n, false)]),
      unlessSets: Array.from({ length: this.extra.count }, (_, n) => [...this.extra.set(n, true)]),
      stageWords: this.extra.head.stageWords ?? [],
      nearWords,
      spelling: { words, singleWords, phraseStarts },
    };
  }
}

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Keeps an answer; a page of endless unique words cannot grow the map forever. */
function remember<V>(map: Map<string, V>, word: string, value: V): void {
  if (map.size >= 50_000) map.clear();
  map.set(word, value);
}

type RowVisitor = (entry: number, rest: number[], exact: number, cueSet: number, flags: number) => void;

/**
 * One group's rows. Each starts with a meta digit: bits 0-1 how its words after the first are coded
 * (0 none; 1 the row before's, last one shifted by a delta; 2 a count shared with the row before,
 * then new word numbers), bit 2 same entry as the row before, bit 3 an exact case follows, bit 4 a
 * cue set and flags follow. Then the entry delta (zigzag) unless bit 2.
 */
function readRows(reader: VarintReader, end: number, state: { entry: number }, visit: RowVisitor | undefined): void {
  let rest: number[] = [];
  while (reader.pos < end) {
    const meta = reader.next();
    if ((meta & 4) === 0) state.entry += unzigzag(reader.next());
    const mode = meta & 3;
    if (mode === 0) rest = [];
    else if (mode === 1) rest = [...rest.slice(0, -1), rest[rest.length - 1]! + unzigzag(reader.next())];
    else {
      const shared = reader.next();
      const count = reader.next();
      rest = rest.slice(0, shared);
      for (let k = 0; k < count; k++) rest.push(reader.next());
    }
    const exact = meta & 8 ? reader.next() : -1;
    const cueSet = meta & 16 ? reader.next() - 1 : -1;
    const flags = meta & 16 ? reader.next() : 0;
    visit?.(state.entry, rest, exact, cueSet, flags);
  }
}

/** Exact-case codes: -1 none, 0 the key in capitals, 1 capitals but a final lower-case letter ("NSAIDs"), n >= 2 a stored spelling. */
export function exactCaseOf(code: number, key: string, stored: readonly string[]): string | null {
  if (code < 0) return null;
  if (code === 0) return key.toUpperCase();
  if (code === 1) return key.slice(0, -1).toUpperCase() + key.slice(-1);
  return stored[code - 2] ?? null;
}

export function isPlainRow(row: SurfaceRow): boolean {
  return row[2] === null && row[3] < 0;
}

/** The id a headword implies (most ids are their headword's slug, so only the others are stored). */
export function slug(headword: string): string {
  return headword
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
