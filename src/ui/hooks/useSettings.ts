import { useCallback, useEffect, useState } from 'react';
import { DEFAULT_SETTINGS, SETTINGS_KEY, parseSettings, serialiseSettings } from '../settings';
import type { Settings } from '../settings';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Storage can be blocked (private modes, site settings): settings then last for the visit.
    return null;
  }
}

/** The remembered choices, saved to localStorage whenever they change. */
export function useSettings(): {
  readonly settings: Settings;
  readonly update: (change: Partial<Settings>) => void;
} {
  const [settings, setSettings] = useState<Settings>(() => {
    try {
      return parseSettings(storage()?.getItem(SETTINGS_KEY) ?? null);
    } catch {
      return DEFAULT_SETTINGS;
    }
  });
  useEffect(() => {
    try {
      storage()?.setItem(SETTINGS_KEY, serialiseSettings(settings));
    } catch {
      // Full or blocked storage: nothing to do but keep going.
    }
  }, [settings]);
  const update = useCallback((change: Partial<Settings>) => {
    setSettings((previous) => ({ ...previous, ...change }));
  }, []);
  return { settings, update };
}
