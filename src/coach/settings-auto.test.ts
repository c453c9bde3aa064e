import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, serialiseSettings } from './settings';

describe('the "Auto" engine setting', () => {
  it('is on by default, and for settings saved before it existed', () => {
    expect(DEFAULT_SETTINGS.autoEngine).toBe(true);
    expect(parseSettings(JSON.stringify({ engine: 'mediapipe:lite' })).autoEngine).toBe(true);
  });

  it('stays off once a model was picked by hand, with that model kept', () => {
    const saved = serialiseSettings({
      ...DEFAULT_SETTINGS,
      engine: { engine: 'movenet', model: 'thunder' },
      autoEngine: false,
    });
    const parsed = parseSettings(saved);
    expect(parsed.autoEngine).toBe(false);
    expect(parsed.engine).toEqual({ engine: 'movenet', model: 'thunder' });
  });

  it('reads anything but false as on', () => {
    expect(parseSettings(JSON.stringify({ autoEngine: 'no' })).autoEngine).toBe(true);
  });
});
