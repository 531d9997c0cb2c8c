// zod/mini: the content script bundles this schema, and classic zod is not tree-shaken.
import { z } from 'zod/mini';

export const HIGHLIGHT_STYLES = ['underline', 'background', 'off'] as const;
export const HIGHLIGHT_MODES = ['all', 'first'] as const;
export const POPOVER_THEMES = ['auto', 'light', 'dark', 'high-contrast'] as const;
export const TEXT_SIZES = ['small', 'medium', 'large', 'x-large'] as const;

export const SettingsSchema = z.object({
  /** Pause everywhere: no highlights on any site. */
  paused: z.boolean(),
  /** Hostnames where Termlight does not highlight. */
  disabledSites: z.array(z.string().check(z.maxLength(253))),
  /** Entry ids the reader already knows: never highlighted. */
  knownTerms: z.array(z.string().check(z.maxLength(100))),
  /** Every occurrence, or only the first of each term on a page. */
  highlightMode: z.enum(HIGHLIGHT_MODES),
  highlightStyle: z.enum(HIGHLIGHT_STYLES),
  /** Also underline words a lay adult reads without help ("lung cancer", "bone pain"): for learners. */
  underlineEveryday: z.boolean(),
  /** The popover's colours: follow the page (auto), or always light, dark or high contrast. */
  popoverTheme: z.enum(POPOVER_THEMES),
  /** The popover's text size (it also scales with the page's zoom). */
  textSize: z.enum(TEXT_SIZES),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  paused: false,
  disabledSites: [],
  knownTerms: [],
  highlightMode: 'all',
  highlightStyle: 'underline',
  underlineEveryday: false,
  popoverTheme: 'auto',
  textSize: 'medium',
};

/**
 * Reads stored settings without ever throwing: a corrupt or unknown value falls back to its default
 * field by field, so one bad field never costs the reader their known-words list.
 */
export function parseSettings(raw: unknown): Settings {
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return whole.data;
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = SettingsSchema.shape[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULT_SETTINGS[key];
  };
  const knownTerms = z.array(z.unknown()).safeParse(record.knownTerms);
  return {
    paused: field('paused'),
    disabledSites: field('disabledSites'),
    // Salvage every valid id even when a few entries of the list are damaged.
    knownTerms: knownTerms.success ? knownTerms.data.filter((v): v is string => typeof v === 'string' && v.length <= 100) : [],
    highlightMode: field('highlightMode'),
    highlightStyle: field('highlightStyle'),
    underlineEveryday: field('underlineEveryday'),
    popoverTheme: field('popoverTheme'),
    textSize: field('textSize'),
  };
}

/** Version 1 (first release) stored { enabled, disabledSites, knownTerms }. */
export function migrateV1(old: unknown): Settings {
  const record = typeof old === 'object' && old !== null ? (old as Record<string, unknown>) : {};
  return parseSettings({ ...record, paused: record.enabled === false, enabled: undefined });
}

/** Whether Termlight highlights on a page of this hostname. */
export function isActiveOn(settings: Settings, hostname: string): boolean {
  return !settings.paused && !settings.disabledSites.includes(hostname);
}
