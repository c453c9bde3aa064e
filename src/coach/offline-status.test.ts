import { describe, expect, it } from 'vitest';
import { offlineStatusOf } from './offline-status';

const NONE = {
  installing: false,
  waiting: false,
  active: false,
  controlled: false,
  installFailed: false,
};

describe('what the page says about offline use', () => {
  it('says it is saving during the first install, then that it works offline', () => {
    expect(offlineStatusOf({ ...NONE, installing: true })).toBe('saving');
    expect(offlineStatusOf({ ...NONE, waiting: true })).toBe('saving');
    expect(offlineStatusOf({ ...NONE, active: true })).toBe('ready');
    expect(offlineStatusOf({ ...NONE, active: true, controlled: true })).toBe('ready');
  });

  it('keeps saying it works offline while a new version downloads', () => {
    expect(offlineStatusOf({ ...NONE, active: true, controlled: true, installing: true })).toBe(
      'ready',
    );
  });

  it('offers the update once the new version waits', () => {
    expect(offlineStatusOf({ ...NONE, active: true, controlled: true, waiting: true })).toBe(
      'update-ready',
    );
  });

  it('says so when the install failed, and nothing without a service worker', () => {
    expect(offlineStatusOf({ ...NONE, installFailed: true })).toBe('failed');
    expect(offlineStatusOf(NONE)).toBe('unavailable');
  });
});
