import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateV1, parseSettings, type Settings } from './schema';

/** The one settings item, versioned so stored data from older releases migrates on read. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateV1 },
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Applies a change to the freshest stored settings (so two tabs never overwrite each other's edits). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void, signal: AbortSignal): void {
  const unwatch = settingsItem.watch((value) => callback(parseSettings(value)));
  signal.addEventListener('abort', unwatch, { once: true });
}

export const toggleSite = (hostname: string, enabled: boolean) =>
  updateSettings((s) => ({
    ...s,
    disabledSites: enabled ? s.disabledSites.filter((h) => h !== hostname) : [...new Set([...s.disabledSites, hostname])],
  }));

export const setKnown = (id: string, known: boolean) =>
  updateSettings((s) => ({
    ...s,
    knownTerms: known ? [...new Set([...s.knownTerms, id])] : s.knownTerms.filter((k) => k !== id),
  }));
