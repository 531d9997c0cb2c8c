import type { BrowserContext, Page } from '@playwright/test';
import { glossaryFiles, loadGlossary } from '../../src/glossary/load';
import { expectNoSeriousViolations, popoverContrastProblems } from './a11y-helpers';
import { expect, FIXTURES, hoverTerm, openOptions, popover, sendFromBackground, tabIdOf, test, waitForHighlight } from './fixtures';

const ARTICLE = `${FIXTURES}/article.html`;
const DARK = `${FIXTURES}/dark.html`;
const LIGHT_CARD = `${FIXTURES}/light-card.html`;

/** The popover's computed background and its text's contrast ratio against it. */
function popoverColours(page: Page): Promise<{ background: number[]; ratio: number; luminance: number }> {
  return popover(page).evaluate((element) => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number).slice(0, 3);
    const lum = ([r, g, b]: number[]) => {
      const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(r!) + 0.7152 * ch(g!) + 0.0722 * ch(b!);
    };
    const style = getComputedStyle(element);
    const background = parse(style.backgroundColor);
    const [bg, fg] = [lum(background), lum(parse(style.color))];
    return { background, luminance: bg, ratio: (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05) };
  });
}

async function chooseSetting(context: BrowserContext, extensionId: string, testId: string): Promise<void> {
  const options = await openOptions(context, extensionId);
  await options.getByTestId(testId).check();
  await expect(options.getByTestId(testId)).toBeChecked();
  await options.close();
}

test.describe('popover themes', () => {
  test('a dark page gets a dark popover, even on a light system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(DARK);
    await hoverTerm(page, 'hypercalcemia');
    const colours = await popoverColours(page);
    expect(colours.luminance).toBeLessThan(0.05);
    expect(colours.ratio).toBeGreaterThanOrEqual(4.5);
    expect(await popoverContrastProblems(page)).toEqual([]);
  });

  test('a light page gets a light popover, even on a dark system', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(LIGHT_CARD);
    await hoverTerm(page, 'hypercalcemia'); // on the light card of a dark page
    const colours = await popoverColours(page);
    expect(colours.luminance).toBeGreaterThan(0.8);
    expect(colours.ratio).toBeGreaterThanOrEqual(4.5);
  });

  test('a page that paints no background follows the system preference', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(ARTICLE);
    await hoverTerm(page, 'hypercalcemia');
    expect((await popoverColours(page)).luminance).toBeLessThan(0.05);
    await page.keyboard.press('Escape');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.mouse.move(5, 5);
    await hoverTerm(page, 'hypercalcemia');
    expect((await popoverColours(page)).luminance).toBeGreaterThan(0.8);
  });

  for (const [setting, dark] of [['light', false], ['dark', true], ['high-contrast', true]] as const) {
    test(`the "${setting}" setting wins over the page, with AA contrast and no axe violation`, async ({ context, page, extensionId }) => {
      await chooseSetting(context, extensionId, `theme-${setting}`);
      await page.goto(dark ? ARTICLE : DARK); // the page would suggest the other theme
      await hoverTerm(page, 'hypercalcemia');
      const colours = await popoverColours(page);
      if (dark) expect(colours.luminance).toBeLessThan(0.05);
      else expect(colours.luminance).toBeGreaterThan(0.8);
      expect(colours.ratio).toBeGreaterThanOrEqual(setting === 'high-contrast' ? 7 : 4.5);
      await popover(page).getByRole('button', { name: /More about/ }).click();
      expect(await popoverContrastProblems(page)).toEqual([]);
      await expectNoSeriousViolations(page, 'termlight-ui');
    });
  }

  test('axe finds nothing in the automatic dark theme, and forced colours use the system palette', async ({ page }) => {
    await page.goto(DARK);
    await hoverTerm(page, 'hypercalcemia');
    await expectNoSeriousViolations(page, 'termlight-ui');
    await page.emulateMedia({ forcedColors: 'active' });
    const colours = await popover(page).evaluate((e) => getComputedStyle(e).getPropertyValue('--tl-bg').trim());
    expect(colours).toBe('Canvas');
  });
});

/** The entry with the most text (headword, definition and the longer explanation) in the glossary. */
function longestEntry(): string {
  const entries = loadGlossary(glossaryFiles('glossary')).map(({ entry }) => entry);
  const size = (e: (typeof entries)[number]) => e.headword.length + e.definition.length + (e.more?.length ?? 0);
  return entries.filter((e) => !e.searchOnly).reduce((a, b) => (size(b) > size(a) ? b : a)).headword;
}

test.describe('popover text size', () => {
  const headword = longestEntry();
  for (const size of ['small', 'medium', 'large', 'x-large'] as const) {
    test(`${size}: the longest definition in the glossary fits the viewport, nothing clipped sideways`, async ({ context, page, extensionId }) => {
      await chooseSetting(context, extensionId, `size-${size}`);
      await page.goto(ARTICLE);
      await waitForHighlight(page, 'hypercalcemia');
      await sendFromBackground(context, await tabIdOf(context, page), { type: 'explain-selection', text: headword });
      await expect(popover(page).locator('h2')).toHaveText(headword);
      await popover(page).getByRole('button', { name: /More about/ }).click();
      const viewport = page.viewportSize()!;
      const fit = await popover(page).evaluate((element) => {
        const box = element.getBoundingClientRect();
        const children = [...element.querySelectorAll('*')].filter((e) => e.getClientRects().length > 0 && !e.closest('.visually-hidden'));
        return {
          box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
          fontSize: parseFloat(getComputedStyle(element.querySelector('.definition')!).fontSize),
          sideways: element.scrollWidth - element.clientWidth,
          outside: children.filter((e) => e.getBoundingClientRect().right > box.right + 0.5).map((e) => e.className || e.localName),
        };
      });
      expect(fit.box.left).toBeGreaterThanOrEqual(0);
      expect(fit.box.top).toBeGreaterThanOrEqual(0);
      expect(fit.box.right).toBeLessThanOrEqual(viewport.width);
      expect(fit.box.bottom).toBeLessThanOrEqual(viewport.height);
      expect(fit.sideways).toBeLessThanOrEqual(0);
      expect(fit.outside).toEqual([]);
      expect(fit.fontSize).toBeCloseTo({ small: 13.05, medium: 15, large: 18, 'x-large': 21.75 }[size], 1);
    });
  }
});
