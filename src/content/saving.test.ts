import { describe, expect, it } from 'vitest';
import { SAVING_OK, type SaveStatus } from '../coach/workout/save-queue';
import { savingNotice } from './saving';

describe('the saving banner', () => {
  it('says nothing while saving works', () => {
    expect(savingNotice(SAVING_OK, true)).toBeNull();
  });

  it('says what was not saved, what is safe and what to do when storage is full', () => {
    const notice = savingNotice({ problem: { kind: 'full' }, caughtUp: false }, false);
    expect(notice?.text).toMatch(/not saved yet/);
    expect(notice?.text).toMatch(/Everything saved before is safe/);
    expect(notice?.text).toMatch(/free some space/);
  });

  it('passes on why storage is unavailable, during a workout only', () => {
    const status: SaveStatus = {
      problem: { kind: 'unavailable', message: 'No storage.' },
      caughtUp: false,
    };
    expect(savingNotice(status, true)).toMatchObject({ text: 'No storage.' });
    expect(savingNotice(status, false)).toBeNull();
  });

  it('says a replay was skipped, and that the set itself is saved', () => {
    const full = savingNotice(
      { problem: { kind: 'replay-skipped', full: true }, caughtUp: false },
      true,
    );
    expect(full?.title).toBe('Replay not saved');
    expect(full?.text).toMatch(/out of space/);
    expect(full?.text).toMatch(/The set itself is saved/);
    const refused = savingNotice(
      { problem: { kind: 'replay-skipped', full: false }, caughtUp: false },
      false,
    );
    expect(refused?.text).toMatch(/The set itself is saved/);
  });

  it('says when everything held back has been saved', () => {
    expect(savingNotice({ problem: null, caughtUp: true }, false)?.tone).toBe('good');
  });
});
