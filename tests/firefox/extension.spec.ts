import type { Page } from 'puppeteer-core';
import { highlightedTexts, pointOf, popoverControlCentreInPage, popoverState, selectText, UI_HOST } from '../shared/page-probes';
import { expect, FIXTURES, POLL, test, useFirefoxPerFile, waitForHighlight, waitForNoPopover, waitForPopover } from './fixtures';

/**
 * Termlight's own surfaces in real Firefox ESR: the keyboard path, the toolbar popup's search and site
 * switch, and the notebook's sidebar page (Firefox's sidebar_action), each opened as an extension page
 * in a tab at moz-extension://<uuid>/ (the profile fixes the UUID, see driver.ts).
 */
useFirefoxPerFile();

/** Text of the first element matching `selector` in a page (null when there is none). */
const textOf = (page: Page, selector: string) => page.evaluate((s: string) => document.querySelector(s)?.textContent?.trim() ?? null, selector);

test('Firefox: keyboard path: explain-selection opens the selected term with focus in the popover; Esc returns focus', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/keyboard.html`);
  await waitForHighlight(tab, 'hypercalcemia');
  const tabId = await firefox.tabIdOf(tab);
  await tab.bringToFront();
  // A keyboard user is on a control, then selects the words (selection does not move focus).
  await tab.focus('#notes');
  await selectText(tab, 'hypercalcemia');

  // The Alt+Shift+E command and the context menu both make the background send this message to the
  // tab; WebDriver cannot press a browser-level shortcut, so an extension page sends the same message.
  expect(await firefox.sendToContentScript(tabId, { type: 'explain-selection' })).toBe(true);
  const shown = await waitForPopover(tab, 'hypercalcemia');
  expect(shown.definition).toContain('calcium');
  expect(shown.role).toBe('dialog');
  await expect.poll(async () => (await popoverState(tab)).focused, POLL).toBe(true); // keyboard users land in the popover

  await tab.keyboard.press('Escape');
  await waitForNoPopover(tab);
  await expect.poll(() => tab.evaluate(() => document.activeElement?.id ?? null), POLL).toBe('notes'); // focus goes back

  // The context menu's variant carries the selected text: explained even when the selection is gone;
  // a misspelled one as its probable meaning.
  await tab.evaluate(() => getSelection()?.removeAllRanges());
  expect(await firefox.sendToContentScript(tabId, { type: 'explain-selection', text: 'zolendronic acid' })).toBe(true);
  const probable = await waitForPopover(tab, 'zoledronic acid');
  expect(probable.text).toContain('Probably means zoledronic acid');
  await tab.keyboard.press('Escape');
  await waitForNoPopover(tab);

  // An unknown selection offers the closest glossary entries.
  await selectText(tab, 'banana bread');
  expect(await firefox.sendToContentScript(tabId, { type: 'explain-selection' })).toBe(true);
  await waitForPopover(tab, 'Not in the Termlight glossary');
  expect((await popoverState(tab)).text).toContain('“banana bread” is not a term Termlight knows.');
});

test('Firefox: the popup page search finds a term from a misspelled query and from a brand name, by keyboard', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/article.html`);
  const popup = await firefox.extensionPage(`popup.html?tab=${await firefox.tabIdOf(tab)}`);
  expect(await popup.title()).toBe('Termlight');
  await expect.poll(() => popup.evaluate(() => document.activeElement?.id ?? null), POLL).toBe('search-input'); // ready to type

  await popup.keyboard.type('osteoclsat');
  await expect.poll(() => textOf(popup, '[role="option"] .result-headword'), POLL).toBe('osteoclast');
  expect(await popup.evaluate(() => document.querySelector('[role="option"]')?.getAttribute('aria-selected'))).toBe('true');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '[data-testid="popup-definition"] h2'), POLL).toBe('osteoclast');
  expect(await textOf(popup, '[data-testid="popup-definition"] [data-testid="definition"]')).toContain('bone');

  await popup.evaluate(() => {
    const input = document.getElementById('search-input') as HTMLInputElement;
    input.select();
  });
  await popup.keyboard.press('Backspace');
  await popup.keyboard.type('zometa');
  await expect.poll(() => textOf(popup, '[role="option"] .result-headword'), POLL).toBe('zoledronic acid');
  await popup.keyboard.press('Enter');
  await expect.poll(() => textOf(popup, '[data-testid="popup-definition"] h2'), POLL).toBe('zoledronic acid');
});

test('Firefox: a term saved from the popover shows in the notebook sidebar page with its sentence', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/notebook.html`);
  await waitForHighlight(tab, 'hypercalcemia');
  await tab.bringToFront();
  const term = await pointOf(tab, 'hypercalcemia');
  await tab.mouse.move(term.x, term.y);
  await waitForPopover(tab, 'hypercalcemia');

  // The reader moves into the popover and clicks Save.
  const save = (await tab.evaluate(popoverControlCentreInPage, [UI_HOST, 'button[aria-label="Save to notebook"]'] as const)) as { x: number; y: number } | null;
  expect(save).not.toBeNull();
  await tab.mouse.move(save!.x, save!.y, { steps: 5 });
  await tab.mouse.click(save!.x, save!.y);
  await expect.poll(async () => (await popoverState(tab)).text, POLL).toContain('Saved on');
  await expect.poll(async () => Object.keys(await firefox.storage()), POLL).toContain('notebook:entry:hypercalcemia');

  // The sidebar_action page (sidepanel.html), opened in a tab as the notebook does when the sidebar cannot open.
  const panel = await firefox.extensionPage('sidepanel.html?view=notebook');
  await expect.poll(() => textOf(panel, '[data-entry="hypercalcemia"] [data-testid="context"]'), POLL).toContain(
    'Her blood test showed hypercalcemia, which means too much calcium.',
  );
  expect(await textOf(panel, '[data-entry="hypercalcemia"] strong')).toBe('hypercalcemia');
});

// Last in the file: it leaves the fixture site switched off in this profile.
test('Firefox: the site switch in the popup page removes and restores highlights, and the choice persists', async ({ firefox, tab }) => {
  await tab.goto(`${FIXTURES}/article.html`);
  await waitForHighlight(tab, 'hypercalcemia');
  const tabId = await firefox.tabIdOf(tab);
  const popup = await firefox.extensionPage(`popup.html?tab=${tabId}`);
  const switchChecked = () => popup.evaluate(() => (document.querySelector('[data-testid="site-switch"]') as HTMLInputElement | null)?.checked ?? null);
  await expect.poll(switchChecked, POLL).toBe(true);
  expect(await popup.evaluate(() => document.body.textContent)).toContain('127.0.0.1');

  await popup.click('[data-testid="site-switch"]');
  await expect.poll(switchChecked, POLL).toBe(false);
  await expect.poll(() => highlightedTexts(tab), POLL).toEqual([]);
  await expect.poll(() => highlightedTexts(tab, 'termlight-misspelling'), POLL).toEqual([]);
  await expect.poll(() => textOf(popup, '[data-testid="page-count"]'), POLL).toBe('0 terms found on this page');

  await popup.click('[data-testid="site-switch"]');
  await waitForHighlight(tab, 'hypercalcemia');
  await waitForHighlight(tab, 'zolendronic acid', 'termlight-misspelling');

  // Off again, then reload: the content script starts, reads the stored choice, and stays off.
  await popup.click('[data-testid="site-switch"]');
  await expect.poll(() => highlightedTexts(tab), POLL).toEqual([]);
  await tab.reload();
  let reply: { active: boolean; count: number } | undefined;
  await expect
    .poll(async () => {
      reply = await firefox.sendToContentScript<{ active: boolean; count: number }>(tabId, { type: 'page-terms' }).catch(() => undefined);
      return reply !== undefined;
    }, POLL)
    .toBe(true);
  expect(reply).toMatchObject({ active: false, count: 0 });
  expect(await highlightedTexts(tab)).toEqual([]);
});
