import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Runs axe (WCAG 2.x A/AA rules plus best practices) and fails on serious or critical violations,
 * listing each with the nodes it found. No rule is disabled.
 */
export async function expectNoSeriousViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n    ')}`);
  expect(serious, serious.join('\n')).toEqual([]);
  // The scan really looked at the content (axe reached it), not at an empty page or shadow root.
  expect(results.passes.length).toBeGreaterThan(5);
}

/**
 * axe reports the popover's colour contrast as "incomplete" (it cannot find the background of text in
 * a fixed-position shadow-root dialog), so the contrast of every text in the open popover and toast is
 * computed here: WCAG 1.4.3 AA asks for 4.5:1 for text of this size.
 */
export function popoverContrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
    };
    const background = (element: Element): number[] => {
      for (let e: Element | null = element; e; e = e.parentElement) {
        const rgba = parse(getComputedStyle(e).backgroundColor);
        if (rgba.length === 3 || rgba[3]! > 0) return blend(rgba, e.parentElement ? background(e.parentElement) : [255, 255, 255]);
      }
      return [255, 255, 255];
    };
    const blend = (top: number[], under: number[]) => {
      const alpha = top.length === 4 ? top[3]! : 1;
      return [0, 1, 2].map((i) => top[i]! * alpha + under[i]! * (1 - alpha));
    };
    const shadow = document.querySelector('termlight-ui')!.shadowRoot!;
    const problems: string[] = [];
    for (const element of shadow.querySelectorAll('*')) {
      const ownText = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
      if (!ownText || element.closest('.visually-hidden') || element.getClientRects().length === 0) continue; // unrendered (<style>)
      const fg = luminance(parse(getComputedStyle(element).color));
      const bg = luminance(background(element));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) problems.push(`${element.className || element.localName}: ${ratio.toFixed(2)}:1`);
    }
    return problems;
  });
}

