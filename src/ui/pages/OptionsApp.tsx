import { useMemo } from 'preact/hooks';
import type { Definition } from '../../glossary/types';
import { HIGHLIGHT_MODES, HIGHLIGHT_STYLES, POPOVER_THEMES, TEXT_SIZES, type Settings } from '../../settings/schema';
import { setKnown, toggleSite, updateSettings } from '../../settings/store';
import { useSettings } from './useSettings';

const MODE_LABELS: Record<Settings['highlightMode'], string> = {
  all: 'Every time a term appears',
  first: 'Only the first time each term appears on a page',
};
const STYLE_LABELS: Record<Settings['highlightStyle'], string> = {
  underline: 'Dotted underline',
  background: 'Soft background',
  off: 'Off (no marks; the shortcut and search still work)',
};

const THEME_LABELS: Record<Settings['popoverTheme'], string> = {
  auto: 'Auto: follow the page (dark on dark pages), else your system',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};
const SIZE_LABELS: Record<Settings['textSize'], string> = {
  small: 'Small',
  medium: 'Medium',
  large: 'Large',
  'x-large': 'Extra large',
};

const set = <K extends keyof Settings>(key: K, value: Settings[K]) => void updateSettings((s) => ({ ...s, [key]: value }));

export function OptionsApp({ definitions }: { definitions: Definition[] }) {
  const settings = useSettings();
  const headwords = useMemo(() => new Map(definitions.map((d) => [d.id, d.headword])), [definitions]);
  if (!settings) return <main class="options">Loading…</main>;
  return (
    <main class="options">
      <h1>Termlight settings</h1>
      <label class="switch">
        <input type="checkbox" role="switch" checked={settings.paused} onChange={(e) => set('paused', e.currentTarget.checked)} data-testid="pause" />
        Pause Termlight everywhere
      </label>
      <fieldset>
        <legend>Highlight</legend>
        {HIGHLIGHT_MODES.map((mode) => (
          <label key={mode}>
            <input type="radio" name="mode" value={mode} checked={settings.highlightMode === mode} onChange={() => set('highlightMode', mode)} />
            {MODE_LABELS[mode]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((style) => (
          <label key={style}>
            <input type="radio" name="style" value={style} checked={settings.highlightStyle === style} onChange={() => set('highlightStyle', style)} data-testid={`style-${style}`} />
            {STYLE_LABELS[style]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Explanation colours</legend>
        {POPOVER_THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name="theme" value={theme} checked={settings.popoverTheme === theme} onChange={() => set('popoverTheme', theme)} data-testid={`theme-${theme}`} />
            {THEME_LABELS[theme]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Explanation text size</legend>
        {TEXT_SIZES.map((size) => (
          <label key={size}>
            <input type="radio" name="text-size" value={size} checked={settings.textSize === size} onChange={() => set('textSize', size)} data-testid={`size-${size}`} />
            {SIZE_LABELS[size]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Everyday health words</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.underlineEveryday}
            onChange={(e) => set('underlineEveryday', e.currentTarget.checked)}
            data-testid="underline-everyday"
            aria-describedby="everyday-help"
          />
          Also underline everyday health words
        </label>
        <p class="muted" id="everyday-help">
          Termlight underlines the words most readers need explained (“hypercalcemia”); with this on, it also underlines words most adults already know (“lung cancer”, “bone pain”), which helps English learners, children and students.
        </p>
      </fieldset>
      <section aria-labelledby="sites-heading">
        <h2 id="sites-heading">Sites where Termlight is off</h2>
        {settings.disabledSites.length === 0 ? (
          <p class="muted">None. Turn Termlight off for a site from the toolbar button.</p>
        ) : (
          <ul class="list">
            {settings.disabledSites.map((site) => (
              <li key={site}>
                {site}{' '}
                <button type="button" onClick={() => void toggleSite(site, true)}>
                  Turn back on
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="known-heading">
        <h2 id="known-heading">Words you know</h2>
        {settings.knownTerms.length === 0 ? (
          <p class="muted">None yet. Choose “I know this word” in a popover to stop highlighting a term.</p>
        ) : (
          <ul class="list" data-testid="known-list">
            {settings.knownTerms.map((id) => (
              <li key={id}>
                {headwords.get(id) ?? id}{' '}
                <button type="button" onClick={() => void setKnown(id, false)}>
                  Highlight again
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p class="muted">Termlight works entirely in your browser. It makes no network requests, and nothing you read leaves your computer.</p>
    </main>
  );
}
