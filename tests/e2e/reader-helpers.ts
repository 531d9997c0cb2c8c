import type { Page } from '@playwright/test';
import { expect as baseExpect, FIXTURES } from './fixtures';

/** PDF.js starts a 1.3 MB worker and parses in it: on a loaded 2-core machine that takes seconds, not milliseconds. */
export const expect = baseExpect.configure({ timeout: 30_000 });

export const readerUrl = (extensionId: string, src?: string) => `chrome-extension://${extensionId}/reader.html${src === undefined ? '' : `?src=${encodeURIComponent(src)}`}`;
export const PDF = (name: string) => `${FIXTURES}/pdf/${name}`;

/**
 * Texts Termlight highlighted, each text node of a range joined with a space, as a reader sees a line
 * end ("osteo-" and "clast" read "osteo- clast"; a phrase over two lines reads with its space).
 */
export function highlighted(page: Page, name = 'termlight-term'): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    return [...highlight].map((r) => {
      const parts: string[] = [];
      const walker = document.createTreeWalker(r.startContainer.parentElement!.closest('.textLayer')!, NodeFilter.SHOW_TEXT);
      let inside = false;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (node === r.startContainer) inside = true;
        if (!inside) continue;
        const from = node === r.startContainer ? r.startOffset : 0;
        const to = node === r.endContainer ? r.endOffset : node.data.length;
        parts.push(node.data.slice(from, to));
        if (node === r.endContainer) break;
      }
      return parts.join(' ').replace(/\s+/g, ' ').trim();
    });
  }, name);
}

export async function openReader(page: Page, extensionId: string, name: string): Promise<void> {
  await page.goto(readerUrl(extensionId, PDF(name)));
  await expect(page.locator('.textLayer').first()).toBeAttached();
}

/** Centre of the first client rect of the text layer range that starts with `text` (scrolled into view). */
export async function pointAtTextLayer(page: Page, text: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate((needle) => {
    for (const span of document.querySelectorAll('.textLayer span')) {
      const node = span.firstChild;
      if (node?.nodeType !== Node.TEXT_NODE) continue;
      const at = node.textContent!.indexOf(needle);
      if (at < 0) continue;
      span.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + needle.length);
      const { left, top, width, height } = range.getClientRects()[0]!;
      return { x: left + width / 2, y: top + height / 2 };
    }
    return null;
  }, text);
  if (!box) throw new Error(`"${text}" is not in a text layer`);
  return box;
}

