import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../settings/schema';
import { loadSettings, watchSettings } from '../../settings/store';

/** The stored settings, kept current when any tab or page changes them. */
export function useSettings(): Settings | undefined {
  const [settings, setSettings] = useState<Settings>();
  useEffect(() => {
    const lifetime = new AbortController();
    void loadSettings().then(setSettings);
    watchSettings(setSettings, lifetime.signal);
    return () => lifetime.abort();
  }, []);
  return settings;
}
