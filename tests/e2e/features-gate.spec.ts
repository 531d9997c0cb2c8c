import { ensurePageScript, expect, expectedOf, FIXTURES, framesWithPageScript, hoverTerm, openPopup, popover, serviceWorker, tabIdOf, test, waitForHighlight } from './fixtures';

/**
 * The page gate (src/page/gate.ts): a small script in every frame that starts Termlight's main script
 * only where a word may begin a glossary term. Whether a frame runs the main script is asked of the
 * frame's isolated world (framesWithPageScript), which the page cannot see and which changes nothing.
 */
const QUIET = `${FIXTURES}/gate-quiet.html`;

interface QuietExpected {
  added: string[];
  misspelled: string;
  means: string;
}

/** Long enough for the gate to read the page, rechecks of its frames included (frame-gate.ts: 2 s). */
async function settle(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForLoadState('load');
  await page.waitForTimeout(3_000);
}

test.describe('the page gate', () => {
  test('a page with no term and its ad frames never get the main script; an article does', async ({ context, page }) => {
    await page.goto(QUIET);
    await settle(page);
    const tabId = await tabIdOf(context, page);
    expect(page.frames().length).toBe(4); // the page, a pixel, an ad, a hidden ad
    expect(await framesWithPageScript(context, tabId)).toEqual([]);
    expect(await page.locator('termlight-ui').count()).toBe(0);
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('termlight')))).toEqual([]);

    await page.goto(`${FIXTURES}/article.html`);
    await waitForHighlight(page, 'osteoblasts');
    expect(await framesWithPageScript(context, tabId)).toEqual([`${FIXTURES}/article.html`]);
  });

  test('a living page that gains a term later gets the main script and its highlight, in that frame only', async ({ context, page }) => {
    await page.goto(QUIET);
    const expected = await expectedOf<QuietExpected>(page);
    await settle(page);
    const tabId = await tabIdOf(context, page);
    expect(await framesWithPageScript(context, tabId)).toEqual([]);
    await page.getByRole('button', { name: 'Load more' }).click();
    for (const term of expected.added) await waitForHighlight(page, term);
    expect(await framesWithPageScript(context, tabId)).toEqual([QUIET]);
  });

  test('the popup on a page with no term shows its normal state, and its site switch works', async ({ context, extensionId, page }) => {
    await page.goto(QUIET);
    await settle(page);
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByTestId('page-count')).toHaveText('0 terms found on this page');
    await expect(popup.getByTestId('not-english')).toHaveCount(0);
    const siteSwitch = popup.getByTestId('site-switch');
    await expect(siteSwitch).toBeChecked();
    await siteSwitch.uncheck();
    await expect(siteSwitch).not.toBeChecked();
    await popup.reload();
    await expect(popup.getByTestId('site-switch')).not.toBeChecked();
    await popup.getByTestId('site-switch').check();
    await expect(popup.getByTestId('site-switch')).toBeChecked();
    // The popup started the main script in the page's frame (and only there), as it asked it.
    expect(await framesWithPageScript(context, await tabIdOf(context, page))).toEqual([QUIET]);
  });

  test('the popup on a page not in English says so, though the gate kept the main script out', async ({ context, extensionId, page }) => {
    await page.goto(`${FIXTURES}/gate-quiet-fr.html`);
    await settle(page);
    expect(await framesWithPageScript(context, await tabIdOf(context, page))).toEqual([]);
    const popup = await openPopup(context, extensionId, page);
    await expect(popup.getByTestId('not-english')).toBeVisible();
  });

  test('"Explain with Termlight" from the context menu works on a page where the gate stayed closed', async ({ context, page }) => {
    await page.goto(QUIET);
    const expected = await expectedOf<QuietExpected>(page);
    await settle(page);
    const tabId = await tabIdOf(context, page);
    expect(await framesWithPageScript(context, tabId)).toEqual([]);
    // The reader selects the odd word and chooses the menu item (headless Chromium has no context
    // menu to click: the background's own click handler is called with what Chromium would pass).
    await page.locator('#odd-word').selectText();
    const sw = await serviceWorker(context);
    await sw.evaluate(
      ([id, text]) => {
        const hooks = (globalThis as unknown as { termlightBackground: { onMenuClicked: (info: object, tab: object) => Promise<unknown> } }).termlightBackground;
        return hooks.onMenuClicked({ menuItemId: 'termlight-explain', selectionText: text, frameId: 0 }, { id });
      },
      [tabId, expected.misspelled] as const,
    );
    await expect(popover(page)).toBeVisible();
    await expect(popover(page)).toContainText(expected.means);
    expect(await framesWithPageScript(context, tabId)).toEqual([QUIET]);
  });

  test('starting the main script twice in a frame runs it once', async ({ context, page }) => {
    await page.goto(`${FIXTURES}/article.html`);
    await waitForHighlight(page, 'osteoblasts');
    const tabId = await tabIdOf(context, page);
    const [first, second] = await Promise.all([ensurePageScript(context, tabId), ensurePageScript(context, tabId)]);
    expect([first, second]).toEqual([true, true]);
    // Still one working main script: a second one would have ended the first one's lifetime (WXT
    // invalidates an older script of the same name), and pointing at a term would open nothing.
    await hoverTerm(page, 'osteoblasts', 'osteoblast');
    await expect(popover(page)).toBeVisible();
    expect(await page.evaluate(() => document.querySelectorAll('termlight-ui').length)).toBe(1);
  });
});
