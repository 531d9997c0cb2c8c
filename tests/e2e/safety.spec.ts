import type { Page } from '@playwright/test';
import { STRICT_CSP } from '../server';
import { expect, FIXTURES, highlightedTexts, test, waitForHighlight } from './fixtures';
import {
  pointIn,
  popoverIn,
  popoverStyle,
  recordRequests,
  serialize,
  serializeInPage,
  serializeOriginal,
  serviceWorker,
  serviceWorkerResources,
  UI_HOST,
  watchErrors,
  type Serialized,
} from './safety-helpers';

/**
 * Page safety, end to end with the built extension: Termlight never changes the page's DOM (apart from
 * its one UI host, added only when a popover is first needed), never touches the network, and works
 * under a strict CSP, in same-origin iframes and inside open shadow roots.
 */

/** Records, in every frame, the DOM as it is at DOMContentLoaded: before any content script at document_idle. */
async function snapshotAtDomContentLoaded(page: Page): Promise<void> {
  await page.addInitScript(`addEventListener('DOMContentLoaded', () => {
    window.__termlightSafetyBefore = (${serializeInPage.toString()})([null, false]);
  }, { once: true });`);
}
const snapshotBefore = (target: Page | import('@playwright/test').Frame) =>
  target.evaluate(() => (window as unknown as { __termlightSafetyBefore: Serialized }).__termlightSafetyBefore);

async function expectedTerms(page: Page): Promise<Record<string, unknown>> {
  return JSON.parse((await page.locator('#termlight-expected').textContent())!) as Record<string, unknown>;
}

test('the DOM is identical before Termlight runs, after it highlights, and after a popover opened and closed', async ({ page }) => {
  await snapshotAtDomContentLoaded(page);
  await page.goto(`${FIXTURES}/safety-dom.html`);
  const source = await serializeOriginal(page, 'safety-dom.html');
  const expected = (await expectedTerms(page)) as { terms: string[]; notHighlighted: string[] };

  await waitForHighlight(page, 'zoledronic acid');
  await expect.poll(async () => (await highlightedTexts(page)).map((t) => t.toLowerCase())).toEqual(expect.arrayContaining(expected.terms.map((t) => t.toLowerCase())));
  const texts = await highlightedTexts(page);
  for (const absent of expected.notHighlighted) expect(texts).not.toContain(absent);

  // Highlighted, no popover yet: no UI host at all, and the document equals the server's HTML parsed afresh.
  const highlighted = await serialize(page);
  expect(highlighted.hosts).toBe(0);
  expect(highlighted.html).toBe(source.html);
  expect((await snapshotBefore(page)).html).toBe(source.html);

  // A popover: exactly one host, the last child of <html> right after <body>; nothing else changed.
  const term = await pointIn(page, page, 'hypercalcemia');
  await page.mouse.move(term.x, term.y);
  await expect(popoverIn(page)).toBeVisible();
  await expect(popoverIn(page).locator('h2')).toHaveText('hypercalcemia');
  const open = await serialize(page, { skipUiHost: true });
  expect(open.hosts).toBe(1);
  expect(open.html).toBe(source.html);
  expect(await page.evaluate(() => [document.documentElement.lastElementChild?.localName, document.documentElement.lastElementChild?.previousElementSibling?.localName])).toEqual([UI_HOST, 'body']);

  // Closed, then a second popover on another term and closed again: still one host, same document.
  await page.keyboard.press('Escape');
  await expect(popoverIn(page)).toHaveCount(0);
  const other = await pointIn(page, page, 'denosumab');
  await page.mouse.move(other.x, other.y);
  await expect(popoverIn(page).locator('h2')).toHaveText('denosumab');
  await page.keyboard.press('Escape');
  await expect(popoverIn(page)).toHaveCount(0);
  const closed = await serialize(page, { skipUiHost: true });
  expect(closed.hosts).toBe(1);
  expect(closed.html).toBe(source.html);

  // The page reveals its hidden paragraph (as tabs and "read more" do): its term is read now. Made
  // editable, it is not read any more (no highlights inside an editor).
  await page.evaluate(() => document.getElementById('later')!.removeAttribute('hidden'));
  await waitForHighlight(page, 'kyphoplasty');
  await page.evaluate(() => document.getElementById('later')!.setAttribute('contenteditable', 'true'));
  await expect.poll(() => highlightedTexts(page)).not.toContain('kyphoplasty');
});

test('the extension makes no network request: page load, highlighting, popovers (background lookups) and close', async ({ context, page }) => {
  const requests = recordRequests(context);
  const worker = await serviceWorker(context);
  await page.goto(`${FIXTURES}/safety-frame.html`);
  await waitForHighlight(page, 'osteoporosis');
  const child = page.frame({ url: /safety-frame-child\.html$/ })!;
  await expect.poll(() => highlightedTexts(child)).toContain('denosumab');

  let relatedShown = 0;
  for (const [target, word] of [[page, 'osteoporosis'], [child, 'denosumab'], [child, 'hypercalcemia']] as const) {
    const point = await pointIn(page, target, word);
    await page.mouse.move(point.x, point.y);
    await expect(popoverIn(target).locator('h2')).toHaveText(word);
    // A related term inside the popover asks the background for another definition.
    const related = popoverIn(target).locator('.related button').first();
    if ((await related.count()) > 0) {
      const name = (await related.textContent())!;
      await related.click();
      await expect(popoverIn(target).locator('h2')).toHaveText(name);
      relatedShown++;
    }
    const away = await pointIn(page, target, target === page ? 'The outer page' : 'Inside the frame');
    await page.mouse.move(away.x, away.y);
    await page.mouse.click(away.x, away.y);
    await expect(popoverIn(target)).toHaveCount(0);
  }

  const pageResources = [...(await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))), ...(await child.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name)))];
  const all = [...requests, ...pageResources, ...(await serviceWorkerResources(worker))];
  expect(relatedShown).toBeGreaterThan(0);
  expect(requests).toContain(`${FIXTURES}/safety-frame.html`); // the recorder works
  expect(requests).toContain(`${FIXTURES}/safety-frame-child.html`);
  expect(all.filter((url) => !url.startsWith(`${FIXTURES}/`))).toEqual([]);
});

test('a strict CSP page: terms are highlighted, the ::highlight style paints, and the popover is styled', async ({ context, page }) => {
  const watch = await watchErrors(context, page);
  await page.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = violations;
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  });
  const response = await page.goto(`${FIXTURES}/safety-csp.html?csp=strict`);
  expect(response!.headers()['content-security-policy']).toBe(STRICT_CSP);
  await waitForHighlight(page, 'hypercalcemia');
  await waitForHighlight(page, 'bone metastases');

  // The popover opens and its shadow-root styles apply (they would be UA defaults if the CSP blocked them).
  const term = await pointIn(page, page, 'hypercalcemia');
  await page.mouse.move(term.x, term.y);
  await expect(popoverIn(page)).toBeVisible();
  const style = await popoverStyle(page);
  expect(style.position).toBe('fixed');
  expect(style.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
  expect(style.fontSize).toBe('15px');
  expect(style.borderRadius).toBe('10px');
  expect(style.zIndex).toBe('2147483647');
  await page.keyboard.press('Escape');
  await expect(popoverIn(page)).toHaveCount(0);
  await page.mouse.move(1, 1);

  // The highlight is painted: the term's pixels change when the highlights are removed.
  const clip = await page.evaluate(() => {
    const text = document.getElementById('hyper')!.firstChild as Text;
    const at = text.data.indexOf('hypercalcemia');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'hypercalcemia'.length);
    const r = range.getBoundingClientRect();
    return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) + 6 };
  });
  const highlighted = await page.screenshot({ clip });
  expect((await page.screenshot({ clip })).equals(highlighted)).toBe(true); // the capture itself is stable
  await page.evaluate(() => CSS.highlights.clear());
  const plain = await page.screenshot({ clip });
  expect(plain.equals(highlighted)).toBe(false);

  expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
  expect(watch.errors).toEqual([]);
  expect(watch.pageErrors).toEqual([]);
});

test('same-origin iframes: terms in the child document are highlighted there and open a popover in that frame', async ({ page }) => {
  await snapshotAtDomContentLoaded(page);
  await page.goto(`${FIXTURES}/safety-frame.html`);
  const child = page.frame({ url: /safety-frame-child\.html$/ })!;
  expect(child).toBeTruthy();
  await expect.poll(() => highlightedTexts(child)).toEqual(expect.arrayContaining(['hypercalcemia', 'bone metastases', 'denosumab']));
  await waitForHighlight(page, 'osteoporosis');
  // Each document has its own registry: the child's terms are not in the top page's.
  expect(await highlightedTexts(page)).toEqual(['osteoporosis']);

  const point = await pointIn(page, child, 'bone metastases');
  await page.mouse.move(point.x, point.y);
  await expect(popoverIn(child)).toBeVisible();
  await expect(popoverIn(child).locator('h2')).toHaveText(/bone metastas/);
  await expect(page.locator(UI_HOST)).toHaveCount(0); // the popover lives in the frame, not the top page

  // Pointing at plain text in the frame closes it.
  const plain = await pointIn(page, child, 'Inside the frame');
  await page.mouse.move(plain.x, plain.y);
  await expect(popoverIn(child)).toHaveCount(0);

  // Leaving a document also ends hovering: the pointer jumps from a term straight out of the frame,
  // or from a term in the top page straight into the frame (that document gets no more pointermoves).
  const frameBox = (await page.locator('#panel').boundingBox())!;
  const outsideFrame = await pointIn(page, page, 'Text after the frame');
  await page.mouse.move(point.x, point.y);
  await expect(popoverIn(child)).toBeVisible();
  await page.mouse.move(outsideFrame.x, outsideFrame.y);
  await expect(popoverIn(child)).toHaveCount(0);
  const topTerm = await pointIn(page, page, 'osteoporosis');
  await page.mouse.move(topTerm.x, topTerm.y);
  await expect(popoverIn(page)).toBeVisible();
  const topPopover = (await popoverIn(page).boundingBox())!;
  const intoFrame = { x: frameBox.x + frameBox.width - 12, y: frameBox.y + frameBox.height - 12 };
  expect(intoFrame.x > topPopover.x + topPopover.width || intoFrame.y > topPopover.y + topPopover.height).toBe(true); // not onto the popover
  await page.mouse.move(intoFrame.x, intoFrame.y);
  await expect(popoverIn(page)).toHaveCount(0);

  // Both documents are as they were, apart from each one's UI host.
  const childAfter = await serialize(child, { skipUiHost: true });
  expect(childAfter.hosts).toBe(1);
  expect(childAfter.html).toBe((await snapshotBefore(child)).html);
  expect(childAfter.html).toBe((await serializeOriginal(page, 'safety-frame-child.html')).html);
  const topAfter = await serialize(page, { skipUiHost: true });
  expect(topAfter.hosts).toBe(1);
  expect(topAfter.html).toBe((await snapshotBefore(page)).html);
});

test('open shadow roots of web components: terms are highlighted, painted, open a popover, and follow later changes', async ({ page }) => {
  await snapshotAtDomContentLoaded(page);
  await page.goto(`${FIXTURES}/safety-components.html`);
  const expected = (await expectedTerms(page)) as {
    terms: string[]; shadow: string[]; slotted: string[]; closedShadowNotReachable: string[];
    afterRenderLater: { added: string[]; removed: string[] };
  };
  await expect.poll(() => highlightedTexts(page)).toEqual(expect.arrayContaining([...expected.terms, ...expected.shadow, ...expected.slotted]));
  const texts = await highlightedTexts(page);
  for (const absent of expected.closedShadowNotReachable) expect(texts).not.toContain(absent);

  // The highlight paints inside the shadow tree: the pixels change while Termlight's highlight is out of the registry.
  const clip = await page.evaluate(() => {
    const text = document.getElementById('note')!.shadowRoot!.getElementById('shadow-first')!.firstChild as Text;
    const at = text.data.indexOf('hypercalcemia');
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 'hypercalcemia'.length);
    const r = range.getBoundingClientRect();
    return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) + 6 };
  });
  const painted = await page.screenshot({ clip });
  await page.evaluate(() => (window as unknown as { __held: Highlight }).__held = CSS.highlights.get('termlight-term')!);
  await page.evaluate(() => CSS.highlights.delete('termlight-term'));
  expect((await page.screenshot({ clip })).equals(painted)).toBe(false);
  await page.evaluate(() => CSS.highlights.set('termlight-term', (window as unknown as { __held: Highlight }).__held));
  expect((await page.screenshot({ clip })).equals(painted)).toBe(true);

  // Pointing at terms in the shadow root, in a shadow root nested in it, and split across elements there.
  for (const [word, heading] of [['hypercalcemia', 'hypercalcemia'], ['denosumab', 'denosumab'], ['metastases', /bone metastas/]] as const) {
    const point = await pointIn(page, page, word);
    await page.mouse.move(point.x, point.y);
    await expect(popoverIn(page).locator('h2')).toHaveText(heading);
    await page.keyboard.press('Escape');
    await expect(popoverIn(page)).toHaveCount(0);
  }
  const after = await serialize(page, { skipUiHost: true });
  expect(after.hosts).toBe(1);
  expect(after.html).toBe((await snapshotBefore(page)).html);

  // Later, the page changes text inside a shadow root and adds a component: Termlight follows.
  await page.locator('#render-later').click();
  await expect.poll(() => highlightedTexts(page)).toEqual(expect.arrayContaining(expected.afterRenderLater.added));
  await expect.poll(() => highlightedTexts(page)).not.toEqual(expect.arrayContaining(expected.afterRenderLater.removed));
  const late = await pointIn(page, page, 'vertebroplasty');
  await page.mouse.move(late.x, late.y);
  await expect(popoverIn(page).locator('h2')).toHaveText('vertebroplasty');
});
