import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, hoverTerm, pointOf, popover, serviceWorker, tabIdOf, waitForHighlight } from './fixtures';

export { hoverTerm };

type ExtensionApi = typeof import('wxt/browser').browser;

/** A stored notebook record, as the tests read it back. */
export interface StoredEntry {
  entryId: string;
  headword: string;
  note: string;
  tags: string[];
  contexts: Array<{ written: string; sentence: string; title: string; url: string; savedAt: string }>;
}

/** Every notebook record in the profile's storage, by entry id. */
export async function storedNotebook(context: BrowserContext): Promise<Record<string, StoredEntry>> {
  const sw = await serviceWorker(context);
  return sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    const all = await api.storage.local.get(null);
    return Object.fromEntries(Object.entries(all).filter(([k]) => k.startsWith('notebook:entry:')).map(([k, v]) => [k.slice('notebook:entry:'.length), v])) as Record<string, StoredEntry>;
  });
}

/** Writes raw records straight into storage (seeding big or damaged notebooks). */
export async function seedStorage(context: BrowserContext, items: Record<string, unknown>): Promise<void> {
  const sw = await serviceWorker(context);
  await sw.evaluate(async (data) => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    await api.storage.local.set(data);
  }, items);
}

/** The side panel's page, opened in a tab that speaks for the tab showing `page` (or for none). */
export async function openSidePanel(context: BrowserContext, extensionId: string, page?: Page, view: 'page' | 'notebook' = 'notebook'): Promise<Page> {
  const tab = page ? await tabIdOf(context, page) : undefined;
  const panel = await context.newPage();
  await panel.goto(`chrome-extension://${extensionId}/sidepanel.html?view=${view}${tab ? `&tab=${tab}` : ''}`);
  await expect(panel.getByRole('tab', { name: /On this page/ })).toBeVisible();
  return panel;
}

/** Saves the term whose popover is open, with the popover's Save button. */
export async function saveFromPopover(page: Page): Promise<void> {
  await popover(page).getByRole('button', { name: /^Save/ }).click();
  await expect(popover(page).getByTestId('saved-mark')).toBeVisible();
}

/** axe with every WCAG A/AA rule and best practice: the page must have no violation at all. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n    ')}`);
  expect(found, found.join('\n')).toEqual([]);
  expect(results.passes.length).toBeGreaterThan(5);
}

/** Clicks an export button and returns the downloaded file's name and text. */
export async function download(panel: Page, button: ReturnType<Page['getByTestId']>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([panel.waitForEvent('download'), button.click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  return { name: file.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
