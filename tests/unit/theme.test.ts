import { describe, expect, it } from 'vitest';
import { parseSettings, DEFAULT_SETTINGS } from '../../src/settings/schema';
import { contrastRatio, isDarkBackground, parseColor, resolveTheme } from '../../src/ui/theme';

describe('popover theme', () => {
  it('parses computed colours, with and without alpha', () => {
    expect(parseColor('rgb(17, 20, 24)')).toEqual([17, 20, 24, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('transparent')).toBeUndefined();
  });

  it('judges the nearest painted background, skipping transparent layers', () => {
    expect(isDarkBackground(['rgba(0, 0, 0, 0)', 'rgb(17, 20, 24)', 'rgb(255, 255, 255)'])).toBe(true);
    expect(isDarkBackground(['rgb(250, 250, 250)', 'rgb(13, 13, 13)'])).toBe(false);
    expect(isDarkBackground(['rgba(0, 0, 0, 0)'])).toBeUndefined();
    expect(isDarkBackground([])).toBeUndefined();
  });

  it('blends translucent layers over what lies beneath', () => {
    expect(isDarkBackground(['rgba(255, 255, 255, 0.05)', 'rgb(0, 0, 0)'])).toBe(true);
    expect(isDarkBackground(['rgba(0, 0, 0, 0.1)'])).toBe(false); // over the white canvas
  });

  it('uses the setting first, then the page, then the system', () => {
    expect(resolveTheme('high-contrast', false, false)).toBe('high-contrast');
    expect(resolveTheme('light', true, true)).toBe('light');
    expect(resolveTheme('auto', true, false)).toBe('dark');
    expect(resolveTheme('auto', false, true)).toBe('light');
    expect(resolveTheme('auto', undefined, true)).toBe('dark');
    expect(resolveTheme('auto', undefined, false)).toBe('light');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 0);
    expect(contrastRatio([255, 255, 255], [255, 255, 255])).toBe(1);
  });

  it('the highlight underline colour keeps 3:1 on both white and black pages', () => {
    expect(contrastRatio([14, 136, 196], [255, 255, 255])).toBeGreaterThanOrEqual(3);
    expect(contrastRatio([14, 136, 196], [0, 0, 0])).toBeGreaterThanOrEqual(3);
  });
});

describe('appearance settings', () => {
  it('default to auto and medium, and fall back field by field', () => {
    expect(DEFAULT_SETTINGS.popoverTheme).toBe('auto');
    expect(DEFAULT_SETTINGS.textSize).toBe('medium');
    const parsed = parseSettings({ ...DEFAULT_SETTINGS, popoverTheme: 'neon', textSize: 'x-large', knownTerms: ['a'] });
    expect(parsed.popoverTheme).toBe('auto');
    expect(parsed.textSize).toBe('x-large');
    expect(parsed.knownTerms).toEqual(['a']);
  });
});
