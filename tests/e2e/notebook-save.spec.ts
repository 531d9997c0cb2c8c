import { expect, FIXTURES, openPopup, popover, selectText, sendFromBackground, tabIdOf, test, waitForHighlight } from './fixtures';
import { hoverTerm, openSidePanel, saveFromPopover, storedNotebook } from './notebook-helpers';

const NOTEBOOK_PAGE = `${FIXTURES}/notebook.html`;
const SECOND_PAGE = `${FIXTURES}/notebook-second.html`;
const ARTICLE = `${FIXTURES}/article.html`;

test.describe('saving terms', () => {
  test('save from the popover; the side panel lists it with its sentence; a second page adds a context; note edit; delete and undo', async ({ context, extensionId, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    const save = popover(page).getByRole('button', { name: /^Save/ });
    await expect(save).toHaveAccessibleName('Save to notebook');
    await saveFromPopover(page);
    await expect(popover(page).getByTestId('saved-mark')).toHaveText(/Saved on \d{1,2} \w{3} from Notes from the bone clinic/);

    const stored = (await storedNotebook(context)).hypercalcemia!;
    expect(stored).toMatchObject({ entryId: 'hypercalcemia', headword: 'hypercalcemia', note: '', tags: [] });
    expect(stored.contexts).toHaveLength(1);
    expect(stored.contexts[0]).toMatchObject({
      written: 'hypercalcemia',
      sentence: 'Her blood test showed hypercalcemia, which means too much calcium.',
      title: 'Notes from the bone clinic',
      url: NOTEBOOK_PAGE,
    });
    expect(Date.now() - Date.parse(stored.contexts[0]!.savedAt)).toBeLessThan(5 * 60_000);

    const panel = await openSidePanel(context, extensionId);
    const card = panel.locator('[data-entry="hypercalcemia"]').first();
    await expect(card.getByTestId('context')).toHaveCount(1);
    await expect(card.getByTestId('context').first()).toContainText('Her blood test showed hypercalcemia, which means too much calcium.');
    await expect(card.locator('strong')).toHaveText('hypercalcemia');

    // A second page: the same card gets that page's sentence (the panel follows storage live).
    const second = await context.newPage();
    await second.goto(SECOND_PAGE);
    await hoverTerm(second, 'hypercalcemia');
    await saveFromPopover(second);
    await expect(popover(second).getByTestId('saved-mark')).toHaveText(/from Calcium and the bones, a second article/);
    await panel.getByTestId('group-az').check();
    await expect(panel.locator('[data-entry="hypercalcemia"]')).toHaveCount(1);
    await expect(panel.locator('[data-entry="hypercalcemia"]').getByTestId('context')).toHaveCount(2);
    expect(Object.keys(await storedNotebook(context))).toEqual(['hypercalcemia']);

    // Saved terms look different on later pages.
    await page.reload();
    await hoverTerm(page, 'hypercalcemia');
    await expect(popover(page).getByTestId('saved-mark')).toHaveText(/Saved on .* from Calcium and the bones/);

    // Edit a note in place.
    const entry = panel.locator('[data-entry="hypercalcemia"]');
    await entry.getByRole('button', { name: 'Add note for hypercalcemia' }).click();
    await entry.getByTestId('entry-note-input').fill('Ask about fluids.\nAnd about thirst.');
    await entry.getByTestId('entry-tags-input').fill('to ask, calcium');
    await entry.getByTestId('entry-save-note').click();
    await expect(entry.getByTestId('entry-note')).toHaveText('Ask about fluids.\nAnd about thirst.');
    await expect.poll(async () => (await storedNotebook(context)).hypercalcemia?.tags).toEqual(['to-ask', 'calcium']);

    // Delete, then undo: the entry comes back whole.
    const before = (await storedNotebook(context)).hypercalcemia;
    await entry.getByRole('button', { name: 'Delete hypercalcemia' }).click();
    await expect(panel.locator('[data-entry="hypercalcemia"]')).toHaveCount(0);
    await expect.poll(async () => Object.keys(await storedNotebook(context))).toEqual([]);
    await panel.getByTestId('undo').click();
    await expect(panel.locator('[data-entry="hypercalcemia"]')).toHaveCount(1);
    await expect.poll(async () => (await storedNotebook(context)).hypercalcemia).toEqual(before);
  });

  test('keyboard: Save is reachable with Tab, and S saves inside the open popover; a note and tags from the popover', async ({ context, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    await waitForHighlight(page, 'osteoclasts');
    await selectText(page, 'osteoclasts');
    await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection' });
    await expect(popover(page).locator('h2')).toHaveText('osteoclast');
    await expect(popover(page)).toBeFocused();
    await page.keyboard.press('s');
    await expect(popover(page).getByTestId('saved-mark')).toBeVisible();
    const saved = (await storedNotebook(context)).osteoclast!;
    expect(saved.contexts[0]).toMatchObject({ written: 'osteoclasts', sentence: 'Dr. Rivera said the osteoclasts were breaking down bone faster than it could be rebuilt.' });

    // Tab reaches the row's buttons; a note and tags from the popover.
    let reached = false;
    for (let i = 0; i < 12 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await popover(page).getByTestId('edit-note').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    await expect(popover(page).getByTestId('note-input')).toBeFocused();
    await page.keyboard.type('s is typed here, not a shortcut');
    await popover(page).getByTestId('tags-input').fill('bone');
    await popover(page).getByTestId('save-note').click();
    await expect.poll(async () => (await storedNotebook(context)).osteoclast).toMatchObject({ note: 's is typed here, not a shortcut', tags: ['bone'] });
    expect((await storedNotebook(context)).osteoclast!.contexts).toHaveLength(1);
  });

  test('a probable misspelling is saved as the entry it means, with the page’s word', async ({ context, page }) => {
    await page.goto(ARTICLE);
    await hoverTerm(page, 'zolendronic acid', 'zoledronic acid', 'termlight-misspelling');
    await saveFromPopover(page);
    const entry = (await storedNotebook(context))['zoledronic-acid']!;
    expect(entry.headword).toBe('zoledronic acid');
    expect(entry.contexts[0]).toMatchObject({ written: 'zolendronic acid', sentence: 'Note from the editor: one leaflet we were given printed the drug name as zolendronic acid, a common slip.' });
  });

  test('saving from the popup’s search keeps the term without a page', async ({ context, extensionId, page }) => {
    await page.goto(ARTICLE);
    const popup = await openPopup(context, extensionId, page);
    await popup.getByRole('combobox').fill('osteoclsat');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('popup-definition').getByRole('button', { name: /^Save/ }).click();
    await expect(popup.getByTestId('saved-mark')).toHaveText(/^★ Saved on \d{1,2} \w{3}$/);
    expect((await storedNotebook(context)).osteoclast).toMatchObject({ headword: 'osteoclast', contexts: [] });
  });

  test('two tabs saving at once lose nothing', async ({ context, extensionId, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    const second = await context.newPage();
    await second.goto(SECOND_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    await hoverTerm(second, 'hypercalcemia');
    // Both Save buttons clicked together: the same term from two pages.
    await Promise.all([popover(page).getByTestId('save').click(), popover(second).getByTestId('save').click()]);
    await expect.poll(async () => (await storedNotebook(context)).hypercalcemia?.contexts.length).toBe(2);

    // And a burst: two extension tabs fire 30 saves each at the same moment, overlapping terms.
    const tabs = [await openSidePanel(context, extensionId), await openSidePanel(context, extensionId)];
    await Promise.all(
      tabs.map((tab, t) =>
        tab.evaluate(async (which) => {
          const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
          await Promise.all(
            Array.from({ length: 30 }, (_, i) =>
              api.runtime.sendMessage({
                type: 'notebook-save',
                input: { entryId: `burst-${i % 10}`, headword: `burst ${i % 10}`, context: { written: 'x', sentence: `Tab ${which} sentence ${i}.`, title: `Tab ${which}`, url: `https://tab${which}.example/${i}` } },
              }),
            ),
          );
        }, t),
      ),
    );
    const stored = await storedNotebook(context);
    for (let i = 0; i < 10; i++) expect(stored[`burst-${i}`]!.contexts).toHaveLength(6);
    expect(stored.hypercalcemia!.contexts.map((c) => c.url).sort()).toEqual([NOTEBOOK_PAGE, SECOND_PAGE].sort());
  });

  test('Copy card puts the term’s card with its sentence on the clipboard', async ({ context, page }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: FIXTURES });
    await page.goto(NOTEBOOK_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    await popover(page).getByRole('button', { name: 'Copy card' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(
      /^hypercalcemia \(.+\)\n.+\n\n“Her blood test showed hypercalcemia, which means too much calcium\.”\nFrom: Notes from the bone clinic <http:\/\/127\.0\.0\.1:\d+\/notebook\.html>\n\nLearn more/,
    );
  });
});
