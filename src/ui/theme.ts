import type { Settings } from '../settings/schema';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';
export type Rgba = [number, number, number, number];

/** Parses a computed colour (`rgb(r, g, b)` / `rgba(r, g, b, a)` / `rgb(r g b / a)`); undefined for anything else. */
export function parseColor(value: string): Rgba | undefined {
  const numbers = value.match(/-?[\d.]+%?/g);
  if (!value.startsWith('rgb') || !numbers || numbers.length < 3) return undefined;
  const [r, g, b] = numbers.slice(0, 3).map(Number) as [number, number, number];
  const alphaText = numbers[3];
  const a = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number(alphaText.slice(0, -1)) / 100 : Number(alphaText);
  return [r, g, b, a];
}

/** WCAG 2 relative luminance of an sRGB colour (0 black to 1 white). */
export function luminance([r, g, b]: readonly number[]): number {
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r!) + 0.7152 * channel(g!) + 0.0722 * channel(b!);
}

export function contrastRatio(a: readonly number[], b: readonly number[]): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/**
 * Whether the backgrounds under a term (nearest first, as computed colours) make a dark page.
 * Transparent layers are skipped and translucent ones blended over what lies beneath; undefined when
 * no layer paints a colour (the page gives no answer, so the system preference decides).
 */
export function isDarkBackground(layers: readonly string[]): boolean | undefined {
  const painted: Rgba[] = [];
  for (const layer of layers) {
    const color = parseColor(layer);
    if (!color || color[3] === 0) continue;
    painted.push(color);
    if (color[3] >= 1) break;
  }
  if (painted.length === 0) return undefined;
  // Blend from the deepest opaque layer upward; a stack with no opaque layer sits on the canvas (white).
  let under: number[] = painted[painted.length - 1]![3] >= 1 ? painted.pop()!.slice(0, 3) : [255, 255, 255];
  for (const top of painted.reverse()) under = [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3]));
  // Mid-grey has luminance ~0.18: a background darker than that reads as dark text-on-light failing.
  return luminance(under) < 0.18;
}

/** The theme the popover uses, from the setting, what the page looks like under the term, and the system. */
export function resolveTheme(setting: Settings['popoverTheme'], pageIsDark: boolean | undefined, systemPrefersDark: boolean): ResolvedTheme {
  if (setting !== 'auto') return setting;
  return (pageIsDark ?? systemPrefersDark) ? 'dark' : 'light';
}

/** Computed background colours from an element up to the root, nearest first (DOM; reads styles only). */
export function backgroundLayers(element: Element | undefined): string[] {
  const layers: string[] = [];
  for (let e: Element | null = element ?? null; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    // An image background (gradient, photo) gives no single colour: judge by what the page says is its scheme.
    if (style.backgroundImage !== 'none' && parseColor(style.backgroundColor)?.[3] !== 1) continue;
    layers.push(style.backgroundColor);
    if (parseColor(style.backgroundColor)?.[3] === 1) break;
  }
  if (element) {
    // The canvas: html's background, or body's propagated to it, painted where nothing else is.
    const scheme = getComputedStyle(document.documentElement).colorScheme;
    if (layers.every((l) => parseColor(l)?.[3] !== 1) && /^dark\b/.test(scheme)) layers.push('rgb(18, 18, 18)');
  }
  return layers;
}
