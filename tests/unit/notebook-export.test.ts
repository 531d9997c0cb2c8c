import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Definition } from '../../src/glossary/types';
import { ankiGuid, toAnki } from '../../src/notebook/anki';
import { cardText } from '../../src/notebook/card';
import { BOM, CSV_COLUMNS, toCsv } from '../../src/notebook/csv';
import { exportFileName, exportItems } from '../../src/notebook/export-common';
import { ImportError, parseBackup, toJson } from '../../src/notebook/json';
import { toMarkdown } from '../../src/notebook/markdown';
import { applySave } from '../../src/notebook/merge';
import type { NotebookEntry } from '../../src/notebook/schema';
import { checkAnkiFile } from '../anki-rules';

const NOW = new Date('2026-12-03T10:00:00.000Z');

const definition = (id: string, headword: string, extra: Partial<Definition> = {}): Definition => ({
  id,
  headword,
  category: 'condition',
  categoryLabel: 'Condition',
  definition: `Plain words about ${headword}.`,
  aliases: [],
  related: [],
  url: 'https://www.cancer.gov/publications/dictionaries/cancer-terms/def/x',
  searchOnly: false,
  ...extra,
});

const DEFINITIONS = new Map([
  ['hypercalcemia', definition('hypercalcemia', 'hypercalcemia', { pronunciation: 'HY-per-kal-SEE-mee-uh' })],
  ['zoledronic-acid', definition('zoledronic-acid', 'zoledronic acid', { definition: 'A drug that "slows" bone loss & <protects> bone.' })],
]);

/** Entries full of what breaks naive exporters: tabs, newlines, quotes, commas, HTML, accents, a leading '='. */
function trickyEntries(): NotebookEntry[] {
  const a = applySave(
    undefined,
    {
      entryId: 'hypercalcemia',
      headword: 'hypercalcemia',
      context: { written: 'Hypercalcemia', sentence: 'Hypercalcemia, "too much calcium", is <b>serious</b>; café-level\tworry.', title: 'Bones & calcium: a guide', url: 'https://a.example/page?x=1&y=2' },
      note: 'Line one\nline two\twith a tab, and "quotes"',
      tags: ['to ask', 'bone'],
    },
    NOW,
  );
  const b = applySave(
    applySave(undefined, { entryId: 'zoledronic-acid', headword: 'zoledronic acid', context: { written: 'zolendronic acid', sentence: 'The leaflet said zolendronic acid.', title: 'Leaflet', url: 'https://b.example/' } }, NOW),
    { entryId: 'zoledronic-acid', headword: 'zoledronic acid', context: { written: 'Zoledronic acid', sentence: 'Zoledronic acid protects bone.', title: 'Second page', url: 'https://c.example/' }, note: '=SUM(A1)' },
    NOW,
  );
  const c = applySave(undefined, { entryId: 'gone-from-glossary', headword: 'old term' }, NOW);
  return [a, b, c];
}

const items = () => exportItems(trickyEntries(), (id) => DEFINITIONS.get(id));

describe('Anki export', () => {
  it('follows the text-import rules of Anki’s manual, line by line', () => {
    const text = toAnki(items());
    expect(checkAnkiFile(text)).toEqual([]);
  });

  it('one note per term: GUID, the term, a back with definition, bold context, source link, pronunciation; tags', () => {
    const notes = toAnki(items())
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split('\t'));
    expect(notes).toHaveLength(3);
    const [guid, front, back, tags] = notes[0]!;
    expect(guid).toBe(ankiGuid('hypercalcemia'));
    expect(front).toBe('hypercalcemia');
    expect(back).toContain('<i>HY-per-kal-SEE-mee-uh</i>');
    expect(back).toContain('Plain words about hypercalcemia.');
    expect(back).toContain('“<b>Hypercalcemia</b>, &quot;too much calcium&quot;, is &lt;b&gt;serious&lt;/b&gt;; café-level&#9;worry.”');
    expect(back).toContain("Source: <a href='https://a.example/page?x=1&amp;y=2'>Bones &amp; calcium: a guide</a>");
    expect(back).toContain('Note: Line one<br>line two&#9;with a tab, and &quot;quotes&quot;');
    expect(tags).toBe('termlight to-ask bone');
    // Two pages: two contexts on one note, the misspelled page word bolded as written.
    expect(notes[1]![2]).toContain('“The leaflet said <b>zolendronic acid</b>.”');
    expect(notes[1]![2]).toContain('“<b>Zoledronic acid</b> protects bone.”');
    expect(notes[1]![2]).toContain('A drug that &quot;slows&quot; bone loss &amp; &lt;protects&gt; bone.');
  });

  it('GUIDs are stable: the same entry exports the same GUID, so a re-import updates the note', () => {
    const first = toAnki(items()).split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t')[0]);
    const again = toAnki(exportItems(trickyEntries().reverse(), (id) => DEFINITIONS.get(id))).split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split('\t')[0]);
    expect(new Set(again)).toEqual(new Set(first));
  });
});

describe('CSV export', () => {
  it('is RFC 4180 CSV with a UTF-8 BOM that papaparse reads back field for field', () => {
    const text = toCsv(items());
    expect(text.startsWith(BOM)).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4); // one row per context; a term saved without a page has one row
    const row = Object.fromEntries(header!.map((h, i) => [h, rows[0]![i]]));
    expect(row).toMatchObject({
      Term: 'hypercalcemia',
      'Written on the page': 'Hypercalcemia',
      Context: 'Hypercalcemia, "too much calcium", is <b>serious</b>; café-level\tworry.',
      'Page URL': 'https://a.example/page?x=1&y=2',
      Note: 'Line one\nline two\twith a tab, and "quotes"',
      Tags: 'to-ask, bone',
      Saved: '3 Dec 2026',
    });
    // A formula-looking note is neutralised for spreadsheets (CSV injection), not lost.
    expect(rows[1]![CSV_COLUMNS.indexOf('Note')]).toBe("'=SUM(A1)");
    expect(rows[3]![0]).toBe('old term');
    expect(text).toContain('\r\n');
  });
});

describe('Markdown export', () => {
  it('one section per term, contexts quoted with the term in bold, links and tags', () => {
    const md = toMarkdown(items(), { by: 'term', title: 'My notebook' });
    expect(md).toMatch(/^# My notebook\n/);
    expect(md).toContain('## hypercalcemia\n');
    expect(md).toContain('> **Hypercalcemia**, "too much calcium", is \\<b\\>serious\\</b\\>; café-level\tworry.');
    expect(md).toContain('Source: [Bones & calcium: a guide](<https://a.example/page?x=1&y=2>), 3 Dec 2026');
    expect(md).toContain('Tags: #to-ask #bone');
    expect(md).toContain('Note: Line one line two\twith a tab, and "quotes"');
    expect(md).toContain('## old term');
  });

  it('or one section per page', () => {
    const md = toMarkdown(items(), { by: 'page', title: 'By page' });
    expect(md.match(/^## /gm)).toHaveLength(4); // three pages and "Saved without a page"
    expect(md).toContain('## Leaflet\n\n<https://b.example/>\n\n### zoledronic acid');
  });
});

describe('JSON backup and import', () => {
  it('round-trips every field', () => {
    const entries = trickyEntries();
    expect(parseBackup(toJson(entries, NOW))).toEqual(entries);
  });

  it('refuses bad files with a clear message, all or nothing', () => {
    const good = JSON.parse(toJson(trickyEntries(), NOW));
    const bad = (value: unknown) => () => parseBackup(typeof value === 'string' ? value : JSON.stringify(value));
    expect(bad('{not json')).toThrow(/not valid JSON/);
    expect(bad({ hello: 1 })).toThrow(/not a Termlight notebook backup/);
    expect(bad({ ...good, version: 9 })).toThrow(/newer version of Termlight/);
    expect(bad({ ...good, entries: 'x' })).toThrow(/damaged: entries/);
    const oneBad = structuredClone(good);
    oneBad.entries[1].contexts[0].savedAt = 'yesterday';
    expect(bad(oneBad)).toThrow(/Entry 2 \(“zoledronic acid”\) is damaged \(contexts\.0\.savedAt.*Nothing was imported/);
    expect(bad(oneBad)).toThrow(ImportError);
  });
});

describe('file names and the clipboard card', () => {
  it('names files after what they hold and the date', () => {
    expect(exportFileName('Notebook', 'csv', new Date(2026, 11, 3))).toBe('termlight-notebook-2026-12-03.csv');
    expect(exportFileName('When cancer spreads: a guide (café)', 'md', new Date(2026, 0, 9))).toBe('termlight-when-cancer-spreads-a-guide-cafe-2026-01-09.md');
  });

  it('a card as plain text', () => {
    expect(cardText(DEFINITIONS.get('hypercalcemia')!, { sentence: 'It was hypercalcemia.', title: 'A guide', url: 'https://a.example/' })).toBe(
      [
        'hypercalcemia (HY-per-kal-SEE-mee-uh)',
        'Plain words about hypercalcemia.',
        '',
        '“It was hypercalcemia.”',
        'From: A guide <https://a.example/>',
        '',
        'Learn more (NCI Dictionary of Cancer Terms): https://www.cancer.gov/publications/dictionaries/cancer-terms/def/x',
        'Explained by Termlight',
      ].join('\n'),
    );
  });
});
