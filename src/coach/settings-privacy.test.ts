import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, serialiseSettings } from './settings';

describe('the privacy view setting', () => {
  it('is off by default, and for settings saved before it existed', () => {
    expect(DEFAULT_SETTINGS.privacyView).toBe(false);
    expect(parseSettings(JSON.stringify({ muted: true })).privacyView).toBe(false);
  });

  it('is remembered once switched on', () => {
    const saved = serialiseSettings({ ...DEFAULT_SETTINGS, privacyView: true });
    expect(parseSettings(saved).privacyView).toBe(true);
  });

  it('reads anything but true as off, the default', () => {
    expect(parseSettings(JSON.stringify({ privacyView: 'yes' })).privacyView).toBe(false);
  });
});
