import { test as base, expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { FIXTURE_PORT } from '../../playwright.config';
import { highlightedTexts, popoverState, type PopoverState } from '../shared/page-probes';
import { launchFirefoxWithExtension, type FirefoxSession } from './driver';

/**
 * The Firefox suite's test wiring: Playwright's test runner and `expect`, driving Firefox through
 * puppeteer-core (tests/firefox/driver.ts). One Firefox per spec file, in a fresh profile, closed
 * after the file; each test opens its own tabs, closed after the test.
 */

export const FIXTURES = `http://127.0.0.1:${FIXTURE_PORT}`;
export { expect };

/** Polls generously: the machine may be loaded; no test asserts a duration. */
const POLL = { timeout: 30_000, intervals: [100, 250, 500, 1000] };

export const test = base.extend<{ firefox: FirefoxSession; tab: Page }, { session: { current?: FirefoxSession } }>({
  // A holder for the file's Firefox, filled by useFirefoxPerFile's beforeAll.
  session: [async ({}, use) => use({}), { scope: 'worker' }],
  firefox: async ({ session }, use) => {
    if (!session.current) throw new Error('call useFirefoxPerFile() at the top of the spec file');
    await use(session.current);
  },
  // A new tab for the test (Playwright's own `page` fixture is Chromium's; this one is Firefox's).
  tab: async ({ firefox }, use) => {
    const before = new Set(await firefox.browser.pages());
    const tab = await firefox.newPage();
    await use(tab);
    // Close every tab the test opened (never the window's first tab: that would close the window).
    await firefox.closeTabsExcept(before);
  },
});

/** Starts one Firefox (fresh profile, Termlight installed) for the spec file and always closes it. */
export function useFirefoxPerFile(): void {
  test.beforeAll(async ({ session }) => {
    test.setTimeout(180_000); // launching Firefox on a loaded 2-core machine can take tens of seconds
    session.current = await launchFirefoxWithExtension();
  });
  test.afterAll(async ({ session }) => {
    await session.current?.close();
    session.current = undefined;
  });
}

/** Waits until Termlight has highlighted `text` on the page. */
export async function waitForHighlight(page: Page, text: string, name = 'termlight-term'): Promise<void> {
  await expect.poll(() => highlightedTexts(page, name), POLL).toContain(text);
}

/** Waits until the popover is open and shows `heading`. */
export async function waitForPopover(page: Page, heading: string): Promise<PopoverState> {
  await expect.poll(async () => (await popoverState(page)).heading, POLL).toBe(heading);
  const state = await popoverState(page);
  expect(state.open).toBe(true);
  return state;
}

/** Waits until no popover is open. */
export async function waitForNoPopover(page: Page): Promise<void> {
  await expect.poll(async () => (await popoverState(page)).open, POLL).toBe(false);
}

export { POLL };
