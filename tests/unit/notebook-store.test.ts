import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySave, contextId, mergeEntries, mergeNotes } from '../../src/notebook/merge';
import { readRecord } from '../../src/notebook/migrations';
import { entryKey, normalizeTags, parseTagInput, type NotebookEntry, type SaveInput } from '../../src/notebook/schema';
import { sentenceAround } from '../../src/notebook/sentence';
import { NotebookStore, readNotebookInPages, readSnapshot, readWholeNotebook, StorageFullError, type NotebookSnapshot, type StorageArea } from '../../src/notebook/store';
import { byHeadword, filterEntries, groupByPage, prepareSearch } from '../../src/notebook/filter';

const DAY1 = new Date('2026-12-03T10:00:00.000Z');
const DAY2 = new Date('2026-12-04T10:00:00.000Z');

const fromPage = (entryId: string, headword: string, url: string, sentence: string, written = headword): SaveInput => ({
  entryId,
  headword,
  context: { written, sentence, title: `Title of ${url}`, url },
});

function makeStore(now = DAY1) {
  const local = fakeBrowser.storage.local;
  const area: StorageArea = {
    get: (keys) => local.get(keys) as Promise<Record<string, unknown>>,
    set: (items) => local.set(items),
    remove: (keys) => local.remove(keys),
  };
  let clock = now;
  const store = new NotebookStore(area, () => clock);
  return { area, store, setNow: (d: Date) => (clock = d) };
}

describe('notebook store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves a term from a page with everything the reader needs later', async () => {
    const { store } = makeStore();
    const saved = await store.save({ ...fromPage('hypercalcemia', 'hypercalcemia', 'https://a.example/x', 'Too much calcium is called hypercalcemia.'), note: 'ask about it', tags: ['to ask'] });
    expect(saved).toMatchObject({ entryId: 'hypercalcemia', headword: 'hypercalcemia', note: 'ask about it', tags: ['to-ask'], createdAt: DAY1.toISOString() });
    expect(saved.contexts).toEqual([
      { id: contextId('https://a.example/x', 'Too much calcium is called hypercalcemia.'), written: 'hypercalcemia', sentence: 'Too much calcium is called hypercalcemia.', title: 'Title of https://a.example/x', url: 'https://a.example/x', savedAt: DAY1.toISOString() },
    ]);
    expect(await store.get('hypercalcemia')).toEqual(saved);
  });

  it('one entry per term: a second page adds a context, the same sentence again does not', async () => {
    const { store, setNow } = makeStore();
    await store.save(fromPage('osteoclast', 'osteoclast', 'https://a.example/1', 'Osteoclasts clear away old bone.', 'Osteoclasts'));
    setNow(DAY2);
    await store.save(fromPage('osteoclast', 'osteoclast', 'https://b.example/2', 'An osteoclast breaks bone down.', 'osteoclast'));
    await store.save(fromPage('osteoclast', 'osteoclast', 'https://a.example/1#top', 'Osteoclasts  clear away old bone.', 'Osteoclasts'));
    const { entries } = await store.snapshot();
    expect(entries).toHaveLength(1);
    expect(entries[0]!.contexts.map((c) => c.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect(entries[0]!.createdAt).toBe(DAY1.toISOString());
    expect(entries[0]!.updatedAt).toBe(DAY2.toISOString());
  });

  it('saves from the popup search with no page context', async () => {
    const { store } = makeStore();
    const saved = await store.save({ entryId: 'denosumab', headword: 'denosumab' });
    expect(saved.contexts).toEqual([]);
  });

  it('loses nothing when many saves arrive at once (one queue, read-modify-write per change)', async () => {
    const { store } = makeStore();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => store.save(fromPage(i % 2 ? 'mri' : 'pet-scan', i % 2 ? 'MRI' : 'PET scan', `https://tab${i}.example/`, `Sentence ${i} about it.`))),
    );
    const { entries } = await store.snapshot();
    expect(entries.map((e) => [e.entryId, e.contexts.length]).sort()).toEqual([
      ['mri', 20],
      ['pet-scan', 20],
    ]);
  });

  it('saving one term never rewrites another term’s record', async () => {
    const { store, area } = makeStore();
    await store.save({ entryId: 'a-term', headword: 'a' });
    const writes: string[][] = [];
    const set = area.set.bind(area);
    area.set = async (items) => {
      writes.push(Object.keys(items));
      return set(items);
    };
    await store.save({ entryId: 'b-term', headword: 'b' });
    expect(writes).toEqual([[entryKey('b-term')]]);
  });

  it('edits a note and tags, deletes with undo', async () => {
    const { store } = makeStore();
    await store.save(fromPage('mri', 'MRI', 'https://a.example/', 'He had an MRI.'));
    expect((await store.update('mri', { note: 'magnets', tags: ['scan', 'Scan', ' imaging '] }))!).toMatchObject({ note: 'magnets', tags: ['scan', 'imaging'] });
    const removed = await store.delete('mri');
    expect(await store.get('mri')).toBeNull();
    await store.restore(removed!);
    expect(await store.get('mri')).toEqual(removed);
    expect(await store.update('missing', { note: 'x' })).toBeNull();
  });

  it('one corrupt record is skipped with a notice; the rest of the notebook is read', async () => {
    const { store, area } = makeStore();
    await store.save({ entryId: 'mri', headword: 'MRI' });
    await area.set({ [entryKey('broken')]: { v: 1, entryId: 'broken', headword: 42 }, [entryKey('junk')]: 'not a record', 'local:settings': { paused: true } });
    const { entries, problems } = await store.snapshot();
    expect(entries.map((e) => e.entryId)).toEqual(['mri']);
    expect(problems.map((p) => p.key).sort()).toEqual([entryKey('broken'), entryKey('junk')]);
    // Saving the damaged term again replaces the unreadable record with a good one.
    await store.save({ entryId: 'broken', headword: 'broken' });
    expect((await store.snapshot()).problems.map((p) => p.key)).toEqual([entryKey('junk')]);
  });

  it('a record written by a newer Termlight is kept and never overwritten', async () => {
    const { store, area } = makeStore();
    const future = { v: 99, entryId: 'mri', headword: 'MRI', whatever: true };
    await area.set({ [entryKey('mri')]: future });
    expect((await store.snapshot()).problems[0]!.reason).toMatch(/newer version/);
    await expect(store.save({ entryId: 'mri', headword: 'MRI' })).rejects.toThrow(/newer version/);
    expect((await area.get(entryKey('mri')))[entryKey('mri')]).toEqual(future);
  });

  it('a full storage area gives a clear error, and the notebook is unchanged', async () => {
    const { store, area } = makeStore();
    await store.save({ entryId: 'mri', headword: 'MRI' });
    area.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    await expect(store.save({ entryId: 'ct', headword: 'CT' })).rejects.toBeInstanceOf(StorageFullError);
    expect((await store.snapshot()).entries.map((e) => e.entryId)).toEqual(['mri']);
  });

  it('imports by merging: no duplicate contexts, tags united, notes joined', async () => {
    const { store } = makeStore();
    const mine = await store.save({ ...fromPage('mri', 'MRI', 'https://a.example/', 'He had an MRI.'), note: 'mine', tags: ['scan'] });
    const theirs: NotebookEntry = {
      ...mine,
      note: 'theirs',
      tags: ['imaging'],
      contexts: [...mine.contexts, { ...mine.contexts[0]!, id: contextId('https://b.example/', 'Another MRI.'), url: 'https://b.example/', sentence: 'Another MRI.' }],
    };
    const fresh = { ...mine, entryId: 'ct-scan', headword: 'CT scan' };
    expect(await store.importEntries([theirs, fresh, fresh])).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const mri = (await store.get('mri'))!;
    expect(mri.contexts).toHaveLength(2);
    expect(mri.tags).toEqual(['scan', 'imaging']);
    expect(mri.note).toBe('mine\n\ntheirs');
    expect(await store.importEntries([mri])).toEqual({ added: 0, updated: 0, unchanged: 1 });
  });

  it('Delete everything removes every notebook record, unreadable ones too, and nothing else', async () => {
    const { store, area } = makeStore();
    await store.save({ entryId: 'mri', headword: 'MRI' });
    await area.set({ [entryKey('junk')]: 'x', 'local:settings': { paused: true } });
    expect(await store.clear()).toBe(2);
    expect(await area.get(null)).toEqual({ 'local:settings': { paused: true } });
  });
});

describe('notebook migrations', () => {
  const good = { v: 1, entryId: 'mri', headword: 'MRI', contexts: [], note: '', tags: [], createdAt: DAY1.toISOString(), updatedAt: DAY1.toISOString() };

  it('reads a current record as is', () => {
    expect(readRecord(good)).toEqual({ kind: 'ok', entry: good, migrated: false });
  });

  it('applies each step from the stored version to the current one, in order', () => {
    // A hypothetical future: version 2 turned a space-separated tag text into a list, version 3 trims notes.
    const seen: number[] = [];
    const migrations = {
      2: ({ tagText, ...r }: Record<string, unknown>) => (seen.push(2), { ...r, tags: String(tagText ?? '').split(' ').filter(Boolean) }),
      3: (r: Record<string, unknown>) => (seen.push(3), { ...r, note: String(r.note ?? '').trim() }),
    };
    const { tags: _dropped, ...withoutTags } = good;
    const result = readRecord({ ...withoutTags, tagText: 'bone scan', note: '  hi  ' }, migrations, 3);
    expect(seen).toEqual([2, 3]);
    expect(result).toMatchObject({ kind: 'ok', migrated: true, entry: { tags: ['bone', 'scan'], note: 'hi', headword: 'MRI' } });
    // A record already at version 2 only takes the last step.
    seen.length = 0;
    readRecord({ ...good, v: 2 }, migrations, 3);
    expect(seen).toEqual([3]);
  });

  it('a failing or missing migration step reports the record corrupt instead of throwing', () => {
    expect(readRecord({ ...good, v: 1 }, { 2: () => { throw new Error('boom'); } }, 2)).toMatchObject({ kind: 'corrupt', reason: expect.stringMatching(/boom/) });
    expect(readRecord({ ...good, v: 1 }, {}, 2)).toMatchObject({ kind: 'corrupt', reason: expect.stringMatching(/no migration to version 2/) });
  });

  it('flags newer records and rejects nonsense versions', () => {
    expect(readRecord({ ...good, v: 5 })).toEqual({ kind: 'newer', version: 5 });
    expect(readRecord({ ...good, v: 'one' }).kind).toBe('corrupt');
    expect(readRecord(null).kind).toBe('corrupt');
    expect(readRecord({ ...good, v: undefined }).kind).toBe('ok'); // before versioning: version 1
  });

  it('readSnapshot ignores keys that are not notebook records', () => {
    expect(readSnapshot({ other: 1, [entryKey('mri')]: good })).toEqual({ entries: [good], problems: [] });
  });
});

describe('merging and tags', () => {
  it('mergeNotes keeps both notes once', () => {
    expect(mergeNotes('a', 'b')).toBe('a\n\nb');
    expect(mergeNotes('abc', 'b')).toBe('abc');
    expect(mergeNotes('', 'b')).toBe('b');
    expect(mergeNotes('b', 'abc')).toBe('abc');
  });

  it('mergeEntries returns the stored entry itself when nothing is new', () => {
    const entry = applySave(undefined, fromPage('mri', 'MRI', 'https://a.example/', 'He had an MRI.'), DAY1);
    expect(mergeEntries(entry, structuredClone(entry))).toBe(entry);
  });

  it('tags are single words, unique, without #', () => {
    expect(normalizeTags(['#bone', 'to ask', 'BONE', '', ' - '])).toEqual(['bone', 'to-ask']);
    expect(parseTagInput('bone, to ask doctor,, #scan')).toEqual(['bone', 'to-ask-doctor', 'scan']);
  });

  it('filters by words and tags, groups by page', () => {
    const a = applySave(undefined, { ...fromPage('mri', 'MRI', 'https://a.example/', 'He had an MRI.'), tags: ['scan'] }, DAY1);
    const b = applySave(undefined, { ...fromPage('osteoclast', 'osteoclast', 'https://b.example/', 'Osteoclasts eat bone.'), note: 'ask Dr. Lee' }, DAY2);
    const c = applySave(undefined, { entryId: 'ct', headword: 'CT scan' }, DAY2);
    expect(filterEntries([a, b, c], { query: 'dr lee', tags: [] }).map((e) => e.entryId)).toEqual(['osteoclast']);
    expect(filterEntries([a, b, c], { query: '', tags: ['scan'] }).map((e) => e.entryId)).toEqual(['mri']);
    expect(groupByPage([a, b, c]).map((g) => [g.title, g.entries.map((e) => e.entryId)])).toEqual([
      ['Title of https://b.example/', ['osteoclast']],
      ['Title of https://a.example/', ['mri']],
      ['Saved without a page', ['ct']],
    ]);
  });

  it('A–Z order folds case and accents; a sorted list keeps its order in each page group; search folds accents too', async () => {
    const on = (id: string, headword: string, sentence = 'A sentence.') => applySave(undefined, fromPage(id, headword, 'https://a.example/', sentence), DAY1);
    const entries = [on('b', 'bone scan'), on('e', 'Édème', 'Un œdème léger.'), on('a', 'Achilles tendon'), on('c', 'CT scan'), on('b2', 'bone marrow')];
    const sorted = [...entries].sort(byHeadword);
    expect(sorted.map((e) => e.headword)).toEqual(['Achilles tendon', 'bone marrow', 'bone scan', 'CT scan', 'Édème']);
    expect(groupByPage(sorted, true)[0]!.entries.map((e) => e.headword)).toEqual(sorted.map((e) => e.headword));
    await prepareSearch(entries);
    expect(filterEntries(sorted, { query: 'edeme', tags: [] }).map((e) => e.entryId)).toEqual(['e']);
    expect(filterEntries(sorted, { query: 'LÉGER', tags: [] }).map((e) => e.entryId)).toEqual(['e']);
    expect(filterEntries(sorted, { query: 'scan', tags: [] }).map((e) => e.entryId)).toEqual(['b', 'c']);
  });
});

describe('context sentences', () => {
  it('takes the sentence holding the term, not its neighbours', () => {
    const text = 'Healthy bone is rebuilt all the time. Dr. Smith said osteoclasts clear away old bone.  Then   osteoblasts lay down new bone.';
    const at = text.indexOf('osteoclasts');
    expect(sentenceAround(text, at, at + 11)).toEqual({ sentence: 'Dr. Smith said osteoclasts clear away old bone.', start: 15, end: 26 });
  });

  it('collapses whitespace and cuts a long block around the term at word boundaries', () => {
    const words = Array.from({ length: 200 }, (_, i) => `word${i}`);
    words[150] = 'hypercalcemia';
    const text = words.join('  \n ');
    const at = text.indexOf('hypercalcemia');
    const { sentence, start, end } = sentenceAround(text, at, at + 13, 120);
    expect(sentence.length).toBeLessThanOrEqual(122);
    expect(sentence.startsWith('…') && sentence.endsWith('…')).toBe(true);
    expect(sentence.slice(start, end)).toBe('hypercalcemia');
    expect(sentence).not.toMatch(/\s{2}|\n/);
    expect(sentence).not.toMatch(/…\S*word149\S|word15\b/);
  });
});

describe('reading a big notebook a page at a time', () => {
  beforeEach(() => fakeBrowser.reset());

  /** A storage area that counts its calls and offers getKeys when asked to. */
  function countingArea(withKeys: boolean) {
    const local = fakeBrowser.storage.local;
    const calls: Array<string[] | string | null> = [];
    const area: Pick<StorageArea, 'get' | 'getKeys'> = {
      get: (keys) => {
        calls.push(keys);
        return local.get(keys) as Promise<Record<string, unknown>>;
      },
      ...(withKeys ? { getKeys: async () => Object.keys(await local.get(null)) } : {}),
    };
    return { area, calls };
  }

  async function seed(count: number, broken: string[] = []) {
    const { store } = makeStore();
    await store.saveMany(Array.from({ length: count }, (_, i) => fromPage(`term-${String(i).padStart(3, '0')}`, `term ${i}`, 'https://a.example/x', `Sentence ${i}.`)));
    for (const id of broken) await fakeBrowser.storage.local.set({ [entryKey(id)]: { v: 1, entryId: id, headword: ['not', 'text'] } });
    await fakeBrowser.storage.local.set({ settings: { unrelated: true } });
  }

  it('reads pages of keys in order, never the whole area, and keeps a damaged record to itself', async () => {
    await seed(450, ['term-100x']);
    const { area, calls } = countingArea(true);
    const pages: Array<{ page: NotebookSnapshot; done: number; total: number }> = [];
    await readNotebookInPages(area, (page, done, total) => pages.push({ page, done, total }), undefined, 200);
    expect(calls.every((keys) => Array.isArray(keys) && keys.length <= 200)).toBe(true);
    expect(pages.map(({ done, total }) => [done, total])).toEqual([[200, 451], [400, 451], [451, 451]]);
    expect(pages[0]!.page.entries[0]!.entryId).toBe('term-000');
    expect(pages.flatMap(({ page }) => page.entries)).toHaveLength(450);
    expect(pages.flatMap(({ page }) => page.problems)).toEqual([{ key: entryKey('term-100x'), reason: expect.stringContaining('headword') }]);
  });

  it('an empty notebook is one empty page; without getKeys the whole area is read once, validated the same way', async () => {
    const empty: unknown[] = [];
    await readNotebookInPages(countingArea(true).area, (page, done, total) => empty.push([page, done, total]));
    expect(empty).toEqual([[{ entries: [], problems: [] }, 0, 0]]);
    await seed(30, ['broken']);
    const { area, calls } = countingArea(false);
    const pages: NotebookSnapshot[] = [];
    await readNotebookInPages(area, (page) => pages.push(page));
    expect(calls).toEqual([null]);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.entries).toHaveLength(30);
    expect(pages[0]!.problems.map((p) => p.key)).toEqual([entryKey('broken')]);
  });

  it('the whole notebook at once (the study sheet, the store) is read in the same pages: one damaged record is a notice, never the notebook', async () => {
    await seed(450, ['term-200x']);
    const { area, calls } = countingArea(true);
    const whole = await readWholeNotebook(area, undefined, 200);
    expect(calls).not.toContain(null);
    expect(calls.every((keys) => Array.isArray(keys) && keys.length <= 200)).toBe(true);
    expect(whole.entries).toHaveLength(450);
    expect(whole.problems).toEqual([{ key: entryKey('term-200x'), reason: expect.stringContaining('headword') }]);
  });

  it('the store reads and clears the notebook without get(null) where the browser lists keys', async () => {
    await seed(30, ['broken']);
    const { area, calls } = countingArea(true);
    const local = fakeBrowser.storage.local;
    const store = new NotebookStore({ ...area, set: (items) => local.set(items), remove: (keys) => local.remove(keys) }, () => DAY2);
    const snapshot = await store.snapshot();
    expect(snapshot.entries).toHaveLength(30);
    expect(snapshot.problems.map((p) => p.key)).toEqual([entryKey('broken')]);
    expect(await store.clear()).toBe(31); // the unreadable record too
    expect(calls).not.toContain(null);
    expect(await local.get(null)).toEqual({ settings: { unrelated: true } });
  });
});
