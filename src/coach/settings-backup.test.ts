import { describe, expect, it } from 'vitest';
import { readSettings } from '../storage';
import { DEFAULT_SETTINGS, importedSettingsChange, storedSettingsOf } from './settings';

describe('the settings kept with the training data', () => {
  it('are the coaching choices, in the stored format, with the engine only when picked by hand', () => {
    const auto = storedSettingsOf({ ...DEFAULT_SETTINGS, strictness: 'advanced', muted: true });
    expect(auto).toEqual({ strictness: 'advanced', voiceCues: false, preferredEngine: null });
    expect(readSettings(auto, 'settings')).toEqual(auto);
    const byHand = storedSettingsOf({
      ...DEFAULT_SETTINGS,
      autoEngine: false,
      engine: { engine: 'movenet', model: 'thunder' },
    });
    expect(byHand.preferredEngine).toBe('movenet');
    expect(readSettings(byHand, 'settings')).toEqual(byHand);
  });

  it('come back from an import as the coaching choices; the engine stays this device’s', () => {
    expect(
      importedSettingsChange({
        strictness: 'advanced',
        voiceCues: false,
        preferredEngine: 'movenet',
      }),
    ).toEqual({ strictness: 'advanced', muted: true });
  });
});
