import Papa from 'papaparse';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkAnkiFile } from '../anki-rules';
import { extensionId as idOf, launchWithExtension } from '../browser';
import { expect, FIXTURES, test } from './fixtures';
import { download, expectNoAxeViolations, hoverTerm, openSidePanel, saveFromPopover, seedStorage, storedNotebook, today } from './notebook-helpers';

const NOTEBOOK_PAGE = `${FIXTURES}/notebook.html`;
const SECOND_PAGE = `${FIXTURES}/notebook-second.html`;
/** A note with everything that breaks naive exporters. */
const TRICKY_NOTE = 'Ask: "is it serious?"\tthen, <b>write</b> it down; café & co.\nSecond line';

test.describe('exports and import', () => {
  test('Anki, CSV, Markdown and JSON downloads parse back; JSON re-imported into an empty profile gives the same notebook', async ({ context, extensionId, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    for (const term of ['hypercalcemia', 'osteoclasts']) {
      await hoverTerm(page, term, term === 'osteoclasts' ? 'osteoclast' : term);
      await saveFromPopover(page);
    }
    await page.goto(SECOND_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    await saveFromPopover(page);
    const panel = await openSidePanel(context, extensionId);
    const entry = panel.locator('[data-entry="hypercalcemia"]').first();
    await entry.getByRole('button', { name: 'Add note for hypercalcemia' }).click();
    await entry.getByTestId('entry-note-input').fill(TRICKY_NOTE);
    await entry.getByTestId('entry-tags-input').fill('to ask, calcium');
    await entry.getByTestId('entry-save-note').click();
    await expect(entry.getByTestId('entry-note')).toHaveText(TRICKY_NOTE);
    const notebook = await storedNotebook(context);

    // Anki: every rule of the manual's text import, then the note itself.
    const anki = await download(panel, panel.getByTestId('export-anki'));
    expect(anki.name).toBe(`termlight-notebook-anki-${today()}.txt`);
    expect(checkAnkiFile(anki.text)).toEqual([]);
    const lines = anki.text.trimEnd().split('\n');
    expect(lines.slice(0, 7)).toEqual(['#separator:tab', '#html:true', '#notetype:Basic', '#deck:Termlight', '#columns:GUID\tFront\tBack\tTags', '#guid column:1', '#tags column:4']);
    const notes = lines.slice(7).map((l) => l.split('\t'));
    expect(notes.map((n) => n[1])).toEqual(['hypercalcemia', 'osteoclast']);
    const [guid, , back, tags] = notes[0]!;
    expect(guid).toBe('termlight-hypercalcemia');
    expect(back).toContain('“Her blood test showed <b>hypercalcemia</b>, which means too much calcium.”');
    expect(back).toContain('“Thirst and tiredness can be signs of <b>hypercalcemia</b> in people with bone metastases.”');
    expect(back).toContain(`Source: <a href='${NOTEBOOK_PAGE}'>Notes from the bone clinic</a>`);
    expect(back).toContain('Note: Ask: &quot;is it serious?&quot;&#9;then, &lt;b&gt;write&lt;/b&gt; it down; café &amp; co.<br>Second line');
    expect(tags).toBe('termlight to-ask calcium');

    // CSV: RFC 4180 read back by papaparse, UTF-8 with a BOM.
    const csv = await download(panel, panel.getByTestId('export-csv'));
    expect(csv.name).toBe(`termlight-notebook-${today()}.csv`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => [r.Term, r['Page title']])).toEqual([
      ['hypercalcemia', 'Notes from the bone clinic'],
      ['hypercalcemia', 'Calcium and the bones, a second article'],
      ['osteoclast', 'Notes from the bone clinic'],
    ]);
    expect(parsed.data[0]).toMatchObject({ Note: TRICKY_NOTE, Tags: 'to-ask, calcium', 'Written on the page': 'hypercalcemia', 'Page URL': NOTEBOOK_PAGE });

    // Markdown: a section per term, contexts quoted with the term in bold.
    const md = await download(panel, panel.getByTestId('export-markdown'));
    expect(md.name).toBe(`termlight-notebook-${today()}.md`);
    expect(md.text).toContain('## hypercalcemia\n');
    expect(md.text).toContain('> Her blood test showed **hypercalcemia**, which means too much calcium.');
    expect(md.text).toContain(`Source: [Notes from the bone clinic](<${NOTEBOOK_PAGE}>)`);
    expect(md.text).toContain('Tags: #to-ask #calcium');

    // JSON: a full backup; imported into a fresh profile it is the same notebook.
    const json = await download(panel, panel.getByTestId('export-json'));
    expect(json.name).toBe(`termlight-notebook-${today()}.json`);
    expect(JSON.parse(json.text)).toMatchObject({ format: 'termlight-notebook', version: 1, recordVersion: 1 });
    const file = join(mkdtempSync(join(tmpdir(), 'termlight-backup-')), json.name);
    writeFileSync(file, json.bytes);
    const fresh = await launchWithExtension();
    try {
      const freshPanel = await openSidePanel(fresh, await idOf(fresh));
      await expect(freshPanel.getByTestId('notebook-empty')).toBeVisible();
      // A damaged file first: a clear error, and nothing imported.
      const bad = join(tmpdir(), `termlight-bad-${Date.now()}.json`);
      const damaged = JSON.parse(json.text);
      damaged.entries[1].contexts = 'lost';
      writeFileSync(bad, JSON.stringify(damaged));
      await freshPanel.getByTestId('import-file').setInputFiles(bad);
      await expect(freshPanel.getByRole('alert')).toHaveText(/Entry 2 \(“osteoclast”\) is damaged .*Nothing was imported/);
      expect(await storedNotebook(fresh)).toEqual({});
      await freshPanel.getByTestId('import-file').setInputFiles(file);
      await expect(freshPanel.getByTestId('manage-message')).toHaveText(/2 new, 0 updated, 0 already/);
      expect(await storedNotebook(fresh)).toEqual(notebook);
      // Importing again merges: nothing doubles.
      await freshPanel.getByTestId('import-file').setInputFiles(file);
      await expect(freshPanel.getByTestId('manage-message')).toHaveText(/0 new, 0 updated, 2 already/);
      expect(await storedNotebook(fresh)).toEqual(notebook);
    } finally {
      await fresh.close();
    }

    // The current filter only.
    await panel.getByTestId('notebook-search').fill('osteoclast');
    const filtered = await download(panel, panel.getByTestId('export-csv'));
    expect(filtered.name).toBe(`termlight-notebook-osteoclast-${today()}.csv`);
    expect(Papa.parse<string[]>(filtered.text.slice(1), { skipEmptyLines: true }).data.slice(1).map((r) => r[0])).toEqual(['osteoclast']);
  });

  test('On this page exports the page’s terms; the study sheet renders and is accessible', async ({ context, extensionId, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    const panel = await openSidePanel(context, extensionId, page, 'page');
    await expect(panel.getByTestId('page-terms').locator('li')).toHaveCount(4);
    const csv = await download(panel, panel.getByTestId('export-csv'));
    expect(csv.name).toBe(`termlight-notes-from-the-bone-clinic-${today()}.csv`);
    const rows = Papa.parse<Record<string, string>>(csv.text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.Term)).toEqual(['hypercalcemia', 'osteoclast', 'denosumab', 'magnetic resonance imaging']);
    expect(rows[0]!.Context).toBe('Her blood test showed hypercalcemia, which means too much calcium.');
    expect(await storedNotebook(context)).toEqual({}); // exporting saves nothing

    const [sheet] = await Promise.all([context.waitForEvent('page'), panel.getByTestId('study-sheet').click()]);
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('Notes from the bone clinic');
    await expect(sheet.locator('.sheet-term dt .headword')).toHaveText(['hypercalcemia', 'osteoclast', 'denosumab', 'magnetic resonance imaging']);
    await expect(sheet.locator('.sheet-term').first().locator('blockquote')).toContainText('Her blood test showed hypercalcemia');
    await expect(sheet.getByTestId('print')).toBeVisible();
    await sheet.emulateMedia({ media: 'print' });
    await expect(sheet.getByTestId('print')).toBeHidden();
    await sheet.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(sheet);
  });

  test('the study sheet of the whole notebook reads it in validated pages: a damaged record is a notice, the rest prints', async ({ context, extensionId }) => {
    const now = new Date().toISOString();
    const entry = (id: string, headword: string) => ({ v: 1, entryId: id, headword, contexts: [], note: '', tags: [], createdAt: now, updatedAt: now });
    await seedStorage(context, {
      'notebook:entry:osteoclast': entry('osteoclast', 'osteoclast'),
      'notebook:entry:hypercalcemia': entry('hypercalcemia', 'hypercalcemia'),
      'notebook:entry:broken': { v: 1, entryId: 'broken', headword: ['not', 'text'] },
    });
    const sheet = await context.newPage();
    await sheet.goto(`chrome-extension://${extensionId}/study.html`);
    await expect(sheet.getByRole('heading', { level: 1 })).toHaveText('My Termlight notebook');
    await expect(sheet.getByTestId('sheet-problems')).toHaveText(/1 saved record could not be read and is not on this sheet/);
    await expect(sheet.locator('.sheet-term dt .headword')).toHaveText(['hypercalcemia', 'osteoclast']);
    await expectNoAxeViolations(sheet);
  });
});
