import { useEffect } from 'react';
import { saveSettings } from '../../storage';
import type { Settings } from '../../coach/settings';
import { storedSettingsOf } from '../../coach/settings';
import type { StorageState } from './useStorage';

/**
 * Keeps the coaching choices in IndexedDB beside the training data (settings.ts
 * `storedSettingsOf`), so an export carries them. localStorage stays the one the app reads.
 */
export function useSettingsBackup(storage: StorageState, settings: Settings): void {
  const db = storage.status === 'ready' ? storage.db : null;
  const { strictness, voiceCues, preferredEngine, equipment } = storedSettingsOf(settings);
  useEffect(() => {
    if (db === null) return;
    // A failed copy loses nothing: the settings are in localStorage, and the next change retries.
    saveSettings(db, { strictness, voiceCues, preferredEngine, equipment }).catch(() => undefined);
  }, [db, strictness, voiceCues, preferredEngine, equipment]);
}
