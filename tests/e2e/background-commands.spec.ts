import type { BrowserContext, Page } from '@playwright/test';
import { expect, FIXTURES, popover, serviceWorker, tabIdOf, test, waitForHighlight } from './fixtures';
import { storedNotebook } from './notebook-helpers';
import { openReader, PDF, readerUrl } from './reader-helpers';

/**
 * The context menu and the keyboard commands, end to end in Chromium. Chrome gives a test no way to
 * press an extension's shortcut (headless Chromium's keyboard events never reach the browser's
 * accelerators; CDP's Extensions domain can trigger only the toolbar action) nor to click a native
 * context menu. So each test dispatches Chrome's own event object in the service worker
 * (`chrome.commands.onCommand.dispatch`, `chrome.contextMenus.onClicked.dispatch`) with the real tab
 * from tabs.query: that runs the very listeners entrypoints/background.ts registered, through the
 * browser's event machinery, and everything after them is real. What is not covered: the browser
 * mapping Alt+Shift+E to the command, drawing the menu, and the user action that lets
 * sidePanel.open() succeed (without it Chrome refuses, and the notebook opens in a tab: the
 * fallback path is what these tests see).
 */

type Tab = { id: number; windowId: number; index: number; url?: string };
type Api = {
  tabs: { query(q: object): Promise<Tab[]>; get(id: number): Promise<Tab> };
  commands: { onCommand: { dispatch(command: string, tab: Tab): void; hasListeners(): boolean } };
  contextMenus: {
    onClicked: { dispatch(info: object, tab: Tab): void; hasListeners(): boolean };
    create(p: object, done: () => void): void;
  };
  runtime: { lastError?: { message?: string } };
};

/** Runs the background's registered command listener for `command`, in the tab showing `page`. */
async function dispatchCommand(context: BrowserContext, page: Page, command: string): Promise<void> {
  const tabId = await tabIdOf(context, page);
  const sw = await serviceWorker(context);
  await sw.evaluate(
    async ([id, name]) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      if (!api.commands.onCommand.hasListeners()) throw new Error('the background registered no command listener');
      api.commands.onCommand.dispatch(name, await api.tabs.get(id));
    },
    [tabId, command] as const,
  );
}

/** Runs the background's registered context menu listener, as if `menuItemId` was chosen in `page`. */
async function dispatchMenuClick(context: BrowserContext, page: Page, info: Record<string, unknown>): Promise<void> {
  const tabId = await tabIdOf(context, page);
  const sw = await serviceWorker(context);
  await sw.evaluate(
    async ([id, clicked]) => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      if (!api.contextMenus.onClicked.hasListeners()) throw new Error('the background registered no menu listener');
      const tab = await api.tabs.get(id);
      api.contextMenus.onClicked.dispatch({ editable: false, pageUrl: tab.url, frameId: 0, ...clicked }, tab);
    },
    [tabId, info] as const,
  );
}

/** Selects `text` (its first occurrence in an element matching `selector`) as a reader would. */
async function select(page: Page, selector: string, text: string): Promise<void> {
  await page.evaluate(
    ([css, words]) => {
      const element = [...document.querySelectorAll(css)].find((e) => e.textContent!.includes(words))!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(words);
        if (at < 0) continue;
        element.scrollIntoView({ block: 'center' });
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error(`no text node with ${words}`);
    },
    [selector, text] as const,
  );
}

const notebookTab = (context: BrowserContext) => context.waitForEvent('page', { predicate: (p) => p.url().includes('/sidepanel.html'), timeout: 15_000 });

test.describe('the context menu and the keyboard commands (the background’s own listeners)', () => {
  test('the three context menu items are registered when Termlight is installed', async ({ context }) => {
    const sw = await serviceWorker(context);
    // Chrome has no way to list an extension's menu items: creating one with a taken id fails, naming it.
    const errors = await sw.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: Api }).chrome;
      const tryCreate = (id: string) => new Promise<string>((resolve) => api.contextMenus.create({ id, title: 'probe', contexts: ['page'] }, () => resolve(api.runtime.lastError?.message ?? 'created')));
      return [await tryCreate('termlight-explain'), await tryCreate('termlight-notebook'), await tryCreate('termlight-open-pdf')];
    });
    expect(errors).toEqual([
      expect.stringMatching(/duplicate id termlight-explain/),
      expect.stringMatching(/duplicate id termlight-notebook/),
      expect.stringMatching(/duplicate id termlight-open-pdf/),
    ]);
  });

  test('the “open notebook” command and menu item open the notebook for this tab', async ({ context, page }) => {
    await page.goto(`${FIXTURES}/notebook.html`);
    await waitForHighlight(page, 'hypercalcemia');
    const [byCommand] = await Promise.all([notebookTab(context), dispatchCommand(context, page, 'open-notebook')]);
    // It speaks for the tab the command came from: its "On this page" lists that page's terms.
    await expect(byCommand.getByTestId('page-terms').locator('li').first()).toHaveAttribute('data-term', 'hypercalcemia');
    await byCommand.close();
    const [byMenu] = await Promise.all([notebookTab(context), dispatchMenuClick(context, page, { menuItemId: 'termlight-notebook' })]);
    await expect(byMenu.getByTestId('page-terms').locator('li').first()).toHaveAttribute('data-term', 'hypercalcemia');
  });

  test('“Explain with Termlight” on a selection, and Alt+Shift+E, open the popover for the selected words', async ({ context, page }) => {
    await page.goto(`${FIXTURES}/notebook.html`);
    await waitForHighlight(page, 'hypercalcemia');
    await select(page, '#p2', 'denosumab');
    await dispatchMenuClick(context, page, { menuItemId: 'termlight-explain', selectionText: 'denosumab' });
    await expect(popover(page).locator('h2')).toHaveText('denosumab');
    await page.keyboard.press('Escape');
    await expect(popover(page)).toHaveCount(0);
    await page.bringToFront();
    await select(page, '#p1', 'hypercalcemia');
    await dispatchCommand(context, page, 'explain-selection');
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
  });

  test('“Open in Termlight reader” on a link to a PDF opens the reader on it', async ({ context, page, extensionId }) => {
    await page.goto(`${FIXTURES}/notebook.html`);
    const pdf = PDF('terms.pdf');
    const [reader] = await Promise.all([
      context.waitForEvent('page', { predicate: (p) => p.url().includes('/reader.html'), timeout: 15_000 }),
      dispatchMenuClick(context, page, { menuItemId: 'termlight-open-pdf', linkUrl: pdf }),
    ]);
    expect(reader.url()).toBe(readerUrl(extensionId, pdf));
    await expect(reader.locator('.textLayer').first()).toBeAttached({ timeout: 60_000 });
  });

  test('in the PDF reader, Alt+Shift+E then Save keeps “page N of <title>” and #page=N, like the popover’s Save', async ({ context, page, extensionId }) => {
    test.setTimeout(180_000);
    await openReader(page, extensionId, 'terms.pdf');
    await expect(page.locator('html[data-indexed="true"]')).toBeAttached({ timeout: 120_000 });
    await page.getByRole('button', { name: 'hypercalcemia, page 2' }).click();
    await expect(page.locator('.page[data-page-number="2"] .textLayer span', { hasText: 'hypercalcemia by' })).toBeAttached();
    await page.bringToFront();
    await select(page, '.page[data-page-number="2"] .textLayer span', 'hypercalcemia');
    await dispatchCommand(context, page, 'explain-selection');
    await expect(popover(page).locator('h2')).toHaveText('hypercalcemia');
    await popover(page).getByRole('button', { name: /^Save/ }).click();
    await expect(popover(page).getByTestId('saved-mark')).toContainText('page 2 of Bone health handout');
    expect((await storedNotebook(context)).hypercalcemia!.contexts).toEqual([
      expect.objectContaining({
        written: 'hypercalcemia',
        sentence: 'Right column: too much calcium in the blood is called hypercalcemia by doctors.',
        title: 'page 2 of Bone health handout',
        url: `${readerUrl(extensionId, PDF('terms.pdf'))}#page=2`,
      }),
    ]);
  });
});
