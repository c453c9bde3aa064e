import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_SETTINGS,
  SETTINGS_KEY,
  parseSettings,
  serialiseSettings,
} from '../../coach/settings';
import type { Settings } from '../../coach/settings';
import { readLocal, writeLocal } from './local-store';

/** The remembered choices, saved to localStorage whenever they change. */
export function useSettings(): {
  readonly settings: Settings;
  readonly update: (change: Partial<Settings>) => void;
} {
  const [settings, setSettings] = useState<Settings>(() => {
    try {
      return parseSettings(readLocal(SETTINGS_KEY));
    } catch {
      return DEFAULT_SETTINGS;
    }
  });
  useEffect(() => {
    writeLocal(SETTINGS_KEY, serialiseSettings(settings));
  }, [settings]);
  const update = useCallback((change: Partial<Settings>) => {
    setSettings((previous) => ({ ...previous, ...change }));
  }, []);
  return { settings, update };
}
