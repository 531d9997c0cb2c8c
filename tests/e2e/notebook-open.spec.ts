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
        return (await api.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => new URL(c.documentUrl ?? '').pathname);
      });
    expect(await sidePanels()).toEqual([]);
    await popup.getByTestId('popup-open-notebook').click();
    await expect.poll(sidePanels).toEqual(['/sidepanel.html']);
  });
});
