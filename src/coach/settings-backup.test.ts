import { describe, expect, it } from 'vitest';
import { readSettings } from '../storage';
import {
  DEFAULT_SETTINGS,
  importedSettingsChange,
  parseSettings,
  serialiseSettings,
  storedSettingsOf,
} from './settings';

describe('the settings kept with the training data', () => {
  it('are the coaching choices, in the stored format, with the engine only when picked by hand', () => {
    const auto = storedSettingsOf({ ...DEFAULT_SETTINGS, strictness: 'advanced', muted: true });
    expect(auto).toEqual({
      strictness: 'advanced',
      voiceCues: false,
      preferredEngine: null,
      equipment: [],
    });
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

  it('carry the equipment, through the stored format and back from an import', () => {
    const stored = storedSettingsOf({
      ...DEFAULT_SETTINGS,
      equipment: ['dumbbells', 'kettlebell'],
    });
    expect(readSettings(stored, 'settings')).toEqual(stored);
    expect(importedSettingsChange(readSettings(stored, 'settings'))).toMatchObject({
      equipment: ['dumbbells', 'kettlebell'],
    });
    // An export written before the equipment existed leaves this device's as it is.
    expect(
      importedSettingsChange({ strictness: 'beginner', voiceCues: true, preferredEngine: null }),
    ).not.toHaveProperty('equipment');
    expect(() => readSettings({ ...stored, equipment: ['treadmill'] }, 'settings')).toThrow(
      /settings\.equipment\[0\]/,
    );
  });

  it('remember the equipment between visits, dropping what it does not know', () => {
    const saved = serialiseSettings({ ...DEFAULT_SETTINGS, equipment: ['barbell'] });
    expect(parseSettings(saved).equipment).toEqual(['barbell']);
    expect(
      parseSettings(JSON.stringify({ equipment: ['band-or-cable', 'sofa', 'band-or-cable'] }))
        .equipment,
    ).toEqual(['band-or-cable']);
    expect(parseSettings('{}').equipment).toEqual([]);
  });
});
