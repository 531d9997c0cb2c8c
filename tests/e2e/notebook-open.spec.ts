import { expect, FIXTURES, openPopup, popover, serviceWorker, test } from './fixtures';
import { hoverTerm } from './notebook-helpers';

const NOTEBOOK_PAGE = `${FIXTURES}/notebook.html`;

test.describe('opening the notebook', () => {
  test('“Open notebook” in the popover opens the side panel for this tab (or, where the browser refuses, the notebook in a tab)', async ({ context, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    await hoverTerm(page, 'hypercalcemia');
    const [opened] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html'), timeout: 15_000 }),
      popover(page).getByRole('button', { name: 'Open notebook' }).click(),
    ]);
    // It speaks for the tab the reader was on: its "On this page" lists that page's terms.
    await expect(opened.getByTestId('page-terms').locator('li').first()).toHaveAttribute('data-term', 'hypercalcemia');
  });

  test('the popup’s link opens Chrome’s own side panel (a click in the popup is a user action)', async ({ context, extensionId, page }) => {
    await page.goto(NOTEBOOK_PAGE);
    const popup = await openPopup(context, extensionId, page);
    const sw = await serviceWorker(context);
    // Playwright does not list side panels as pages; the extension's contexts show it.
    const sidePanels = () =>
      sw.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { runtime: { getContexts(filter: object): Promise<Array<{ documentUrl?: string }>> } } }).chrome;
        // A side panel still starting has no document URL yet.
        return (await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).flatMap((c) => (c.documentUrl ? [new URL(c.documentUrl).pathname] : []));
      });
    expect(await sidePanels()).toEqual([]);
    await popup.getByTestId('popup-open-notebook').click();
    await expect.poll(sidePanels).toEqual(['/sidepanel.html']);
  });

  test('the side panel follows the reader: switching tabs and navigating change “On this page”', async ({ context, extensionId, page }) => {
    await page.goto(`${FIXTURES}/index.html`);
    const sw = await serviceWorker(context);
    type Api = { windows: { create(o: object): Promise<{ id: number }> }; tabs: { create(o: object): Promise<{ id: number }>; update(id: number, o: object): Promise<unknown> } };
    // A window whose active tab is a page, with the side panel's page as an inactive tab beside it:
    // like the real side panel, it speaks for the active tab of its window.
    const panelOpened = context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html') });
    const windowId = await sw.evaluate(
      async ([first, panelUrl]) => {
        const api = (globalThis as unknown as { chrome: Api }).chrome;
        const win = await api.windows.create({ url: first });
        await api.tabs.create({ windowId: win.id, url: panelUrl, active: false });
        return win.id;
      },
      [NOTEBOOK_PAGE, `chrome-extension://${extensionId}/sidepanel.html?view=page`] as const,
    );
    const panel = await panelOpened;
    const title = panel.locator('.page-title');
    await expect(title).toHaveText('Notes from the bone clinic', { timeout: 15_000 });
    await expect(panel.getByTestId('page-terms').locator('li')).toHaveCount(4);

    // The reader switches to another tab of the window.
    const secondTab = await sw.evaluate(
      async ([url, win]) => (await (globalThis as unknown as { chrome: Api }).chrome.tabs.create({ windowId: win, url, active: true })).id,
      [`${FIXTURES}/notebook-second.html`, windowId] as const,
    );
    await expect(title).toHaveText('Calcium and the bones, a second article', { timeout: 15_000 });
    await expect(panel.locator('[data-term="hypercalcemia"]')).toBeVisible();
    await expect(panel.locator('[data-term="osteoclast"]')).toHaveCount(0);

    // That tab navigates: the list follows.
    await sw.evaluate(async ([id, url]) => (globalThis as unknown as { chrome: Api }).chrome.tabs.update(id, { url }), [secondTab, `${FIXTURES}/article.html`] as const);
    await expect(title).toHaveText('When cancer spreads to the bones: a guide for families', { timeout: 15_000 });
    await expect(panel.locator('[data-term="zoledronic-acid"]')).toBeVisible();
  });
});
