import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, isActiveOn, migrateV1, parseSettings } from '../../src/settings/schema';
import { loadSettings, setKnown, settingsItem, toggleSite } from '../../src/settings/store';

describe('settings schema', () => {
  it('falls back to defaults for corrupt or unknown data', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ highlightStyle: 'neon', paused: 'yes' })).toEqual(DEFAULT_SETTINGS);
  });

  it('never loses the known-words list when other fields are corrupt', () => {
    const parsed = parseSettings({ paused: 42, knownTerms: ['osteoclast', 7, null, 'denosumab'], highlightMode: 'first' });
    expect(parsed.knownTerms).toEqual(['osteoclast', 'denosumab']);
    expect(parsed.highlightMode).toBe('first');
    expect(parsed.paused).toBe(false);
  });

  it('migrates version 1 settings', () => {
    expect(migrateV1({ enabled: false, disabledSites: ['example.org'], knownTerms: ['biopsy'] })).toEqual({
      ...DEFAULT_SETTINGS,
      paused: true,
      disabledSites: ['example.org'],
      knownTerms: ['biopsy'],
    });
  });

  it('is active unless paused or switched off for the site', () => {
    expect(isActiveOn(DEFAULT_SETTINGS, 'a.org')).toBe(true);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, disabledSites: ['a.org'] }, 'a.org')).toBe(false);
    expect(isActiveOn({ ...DEFAULT_SETTINGS, paused: true }, 'b.org')).toBe(false);
  });
});

describe('settings storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads defaults, then stored changes', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await setKnown('osteoclast', true);
    await toggleSite('example.org', false);
    expect(await loadSettings()).toMatchObject({ knownTerms: ['osteoclast'], disabledSites: ['example.org'] });
    await setKnown('osteoclast', false);
    await toggleSite('example.org', true);
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('runs the version 1 migration on stored data', async () => {
    await fakeBrowser.storage.local.set({ settings: { enabled: false, knownTerms: ['biopsy'] }, settings$: { v: 1 } });
    await settingsItem.migrate(); // runs when the extension starts; here the item was defined before the data existed
    expect(await settingsItem.getValue()).toMatchObject({ paused: true, knownTerms: ['biopsy'], highlightStyle: 'underline' });
  });

  it('survives corrupt stored data', async () => {
    await fakeBrowser.storage.local.set({ settings: { knownTerms: ['biopsy'], highlightStyle: 12 }, settings$: { v: 2 } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, knownTerms: ['biopsy'] });
  });
});
