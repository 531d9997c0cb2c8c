import AxeBuilder from '@axe-core/playwright';
import { PROTECTED_PASSWORD, TERMS_PDF, termsPdf } from '../pdf/make-pdfs';
import { openPopup, popover, test } from './fixtures';
import { expect, highlighted, openReader, PDF, pointAtTextLayer, readerUrl } from './reader-helpers';

test.describe.configure({ timeout: 180_000 });

test.describe('Termlight reader', () => {
  // The fixture server writes the 300-page file on first request: not inside a test's time.
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    await fetch(PDF('long.pdf'));
  });

  test('opens a PDF by ?src= and highlights terms across fonts, line ends, hyphenation and columns', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'terms.pdf');
    await expect(page).toHaveTitle(`${TERMS_PDF.title} · Termlight reader`);
    await expect.poll(() => highlighted(page)).toEqual(
      expect.arrayContaining(['osteo- clast', 'non-small cell lung cancer', ...TERMS_PDF.otherFonts]),
    );
    const texts = await highlighted(page);
    expect(texts.some((t) => t.includes(TERMS_PDF.plain))).toBe(false);
    // Page 2's two columns: each term read within its own column (the columns are not run together).
    await page.getByRole('button', { name: 'hypercalcemia, page 2' }).click();
    await expect.poll(() => highlighted(page)).toEqual(expect.arrayContaining(TERMS_PDF.columns));
    // The text layer is real, selectable text.
    await expect(page.locator('.textLayer').first()).toContainText('Bone health handout');
    // The outline and "Terms in this document" with their pages.
    await expect(page.locator('#outline button')).toHaveText(['Bone health handout', 'Two columns']);
    await expect(page.locator('#terms-list li[data-term="osteoclast"] .term-pages button')).toHaveText(['1']);
    await expect(page.locator('#terms-list li[data-term="hypercalcemia"] .term-pages button')).toHaveText(['2']);
    await expect(page.locator('#terms-list li[data-term="non-small-cell-lung-cancer"]')).toHaveCount(1);
  });

  test('pointing at a hyphenated term opens its popover', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'terms.pdf');
    await expect.poll(() => highlighted(page)).toContain('osteo- clast');
    const at = await pointAtTextLayer(page, 'clast, and new');
    await page.mouse.move(at.x - 40, at.y);
    await page.mouse.move(at.x - 30, at.y);
    await expect(popover(page).locator('h2')).toHaveText('osteoclast');
    await page.mouse.move(5, 5);
    await expect(popover(page)).toHaveCount(0, { timeout: 3000 });
    const adeno = await pointAtTextLayer(page, 'adenocarcinoma');
    await page.mouse.move(adeno.x, adeno.y);
    await expect(popover(page).locator('h2')).toHaveText('adenocarcinoma');
  });

  test('opens a local file from the file picker (read in the browser)', async ({ page, extensionId }) => {
    await page.goto(readerUrl(extensionId));
    await expect(page.getByRole('heading', { name: 'Termlight reader' })).toBeVisible();
    await page.locator('#start-file-input').setInputFiles({ name: 'handout.pdf', mimeType: 'application/pdf', buffer: Buffer.from(await termsPdf()) });
    await expect.poll(() => highlighted(page)).toContain('osteo- clast');
  });

  test('a 300-page file: page navigation, find, zoom, and the last page remembered', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'long.pdf');
    await expect(page.locator('#page-count')).toHaveText('of 300');
    // Lazy rendering: only a few pages have a text layer.
    expect(await page.locator('.textLayer').count()).toBeLessThan(20);

    await page.locator('#page-number').fill('150');
    await page.locator('#page-number').press('Enter');
    await expect(page.locator('.page[data-page-number="150"] .textLayer')).toContainText('Page 150 of the long handout.');
    // Page 150 names LONG_TERMS[150 % 6] = osteoclast, highlighted as it renders.
    await expect.poll(() => highlighted(page)).toContain('osteoclast');
    await page.locator('#next-page').click();
    await expect(page.locator('#page-number')).toHaveValue('151');

    // Find in document.
    await page.keyboard.press('Control+f');
    await expect(page.locator('#find')).toBeFocused();
    await page.keyboard.type('Page 152 of');
    await page.keyboard.press('Enter');
    // PDF.js searches all 300 pages in its worker; on a loaded 2-core machine that took 22 s.
    await expect(page.locator('#find-status')).toHaveText('1 of 1', { timeout: 90_000 });
    await expect(page.locator('#page-number')).toHaveValue('152');

    // Zoom: a percentage, Ctrl + and Ctrl -, fit page.
    await page.locator('#zoom').selectOption('2');
    // PDF.js's --scale-factor is the zoom times CSS pixels per PDF point (96 / 72).
    const scale = () => page.evaluate(() => Number(getComputedStyle(document.querySelector('.pdfViewer')!).getPropertyValue('--scale-factor')) / (96 / 72));
    await expect.poll(scale).toBeCloseTo(2);
    await page.locator('#viewer-container').focus();
    await page.keyboard.press('Control+Minus');
    await expect(page.locator('#zoom option:checked')).not.toHaveText('200%');
    await page.keyboard.press('Control+Equal');
    await page.keyboard.press('Control+Equal');
    await expect.poll(scale).toBeGreaterThan(2);
    await page.locator('#zoom').selectOption('page-fit');
    await expect(page.locator('#zoom')).toHaveValue('page-fit');

    // The last page is remembered per document.
    await page.locator('#page-number').fill('42');
    await page.locator('#page-number').press('Enter');
    await expect(page.locator('#page-number')).toHaveValue('42');
    await page.reload();
    await expect(page.locator('#page-number')).toHaveValue('42');
  });

  test('bad files give a clear message', async ({ page, extensionId }) => {
    const message = page.locator('#message');
    await page.goto(readerUrl(extensionId, PDF('corrupt.pdf')));
    await expect(message).toHaveText('This file is damaged or is not a PDF, so Termlight cannot open it.');
    await page.goto(readerUrl(extensionId, PDF('not-a-pdf.pdf')));
    await expect(message).toHaveText('This file is not a PDF, so Termlight cannot open it.');
    await page.goto(readerUrl(extensionId, PDF('huge.pdf')));
    await expect(message).toHaveText('This PDF is too large for the reader (300 MB; the limit is 200 MB).');
    await page.goto(readerUrl(extensionId, PDF('missing.pdf')));
    await expect(message).toHaveText('Termlight could not download this PDF (the server answered 404).');
    await page.goto(readerUrl(extensionId, 'javascript:alert(1)'));
    await expect(message).toContainText('is not a web address Termlight can open');

    await page.goto(readerUrl(extensionId, PDF('scan-only.pdf')));
    await expect(message).toContainText('This PDF has no text Termlight can read');
    await expect(page.locator('.termlight-no-text').first()).toHaveText('This page has no text Termlight can read');

    await page.goto(readerUrl(extensionId, PDF('partly-scanned.pdf')));
    await expect(page.locator('.page[data-page-number="2"] .termlight-no-text')).toHaveText('This page has no text Termlight can read');
    await expect(page.locator('.page[data-page-number="1"] .termlight-no-text')).toHaveCount(0);

    await page.goto(readerUrl(extensionId, PDF('protected.pdf')));
    await expect(message).toContainText('This PDF is protected by a password.');
    await page.locator('#password-input').fill('wrong');
    await page.locator('#password-input').press('Enter');
    await expect(message).toHaveText('That password is not right. Try again.');
    await page.locator('#password-input').fill(PROTECTED_PASSWORD);
    await page.locator('#password-input').press('Enter');
    await expect.poll(() => highlighted(page)).toContain('osteoclast');
  });

  test('the popup offers "Open in Termlight reader" on a PDF tab', async ({ context, page, extensionId }) => {
    await page.goto(PDF('terms.pdf')).catch(() => undefined); // the browser's PDF viewer may count as a download in headless mode
    const popup = await openPopup(context, extensionId, page);
    const opened = context.waitForEvent('page');
    await popup.getByTestId('open-in-reader').click();
    const reader = await opened;
    await expect(reader).toHaveURL(readerUrl(extensionId, PDF('terms.pdf')));
    await expect.poll(() => highlighted(reader)).toContain('osteo- clast');
  });

  test('has no accessibility violations (axe)', async ({ page, extensionId }) => {
    await openReader(page, extensionId, 'terms.pdf');
    await expect(page.locator('#terms-list li').first()).toBeAttached();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(found, found.join('\n')).toEqual([]);
  });
});
