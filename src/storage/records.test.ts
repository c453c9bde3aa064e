import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPlumblineDb, type PlumblineDb } from './db';
import {
  getProgramme,
  getSettings,
  listChecklistWeeks,
  saveProgramme,
  saveSettings,
  setChecklistItem,
} from './programme';
import { DEFAULT_SETTINGS, MAX_THUMBNAIL_CHARS } from './schema';
import { PROGRAMME_KEY, SETTINGS_KEY } from './layout';
import { addSnapshot, deleteSnapshot, getSnapshot, listSnapshots } from './snapshots';
import { caught, makeSnapshot } from './testing';

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
});

afterEach(() => {
  db.close();
});

describe('posture snapshots', () => {
  it('are added, listed oldest first, read and deleted', async () => {
    const { source, view, metrics, faults, thumbnail } = makeSnapshot();
    const fields = { source, view, metrics, faults, thumbnail };
    const later = await addSnapshot(db, { ...fields, takenAt: '2025-03-10T08:00:00.000Z' });
    const earlier = await addSnapshot(db, { ...fields, takenAt: '2025-03-01T08:00:00.000Z' });
    expect(later.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await listSnapshots(db)).records.map((s) => s.id)).toEqual([earlier.id, later.id]);
    expect((await listSnapshots(db, { from: '2025-03-05T00:00:00.000Z' })).records).toEqual([
      later,
    ]);
    expect(await getSnapshot(db, earlier.id)).toEqual(earlier);
    await deleteSnapshot(db, earlier.id);
    expect((await listSnapshots(db)).records).toEqual([later]);
  });

  it('refuses a NaN metric or a full-size photo as thumbnail, saving nothing', async () => {
    const nan = await caught(
      addSnapshot(db, makeSnapshot({ metrics: { forwardHeadDeg: Number.NaN } })),
    );
    expect(nan.code).toBe('CORRUPT_RECORD');
    expect(nan.message).toMatch(/snapshot had values Plumbline cannot store, so it was not saved/);
    const photo = `data:image/jpeg;base64,${'A'.repeat(MAX_THUMBNAIL_CHARS)}`;
    expect((await caught(addSnapshot(db, makeSnapshot({ thumbnail: photo })))).code).toBe(
      'CORRUPT_RECORD',
    );
    expect(await db.count('snapshots')).toBe(0);
  });

  it('skips a damaged snapshot with a report', async () => {
    await addSnapshot(db, makeSnapshot({ id: 'ok' }));
    await db.put('snapshots', {
      ...makeSnapshot({ id: 'bad' }),
      view: 'upside-down',
    } as unknown as ReturnType<typeof makeSnapshot>);
    const { records, corrupt } = await listSnapshots(db);
    expect(records.map((s) => s.id)).toEqual(['ok']);
    expect(corrupt.map((c) => [c.key, c.reason])).toEqual([
      ['bad', 'snapshots.view: expected one of side, front, three-quarter, unknown'],
    ]);
  });
});

describe('settings and programme', () => {
  it('gives the defaults until settings are saved', async () => {
    expect(await getSettings(db)).toEqual({ value: DEFAULT_SETTINGS, corrupt: null });
    await saveSettings(db, {
      strictness: 'advanced',
      voiceCues: false,
      preferredEngine: 'mediapipe',
    });
    expect((await getSettings(db)).value).toEqual({
      strictness: 'advanced',
      voiceCues: false,
      preferredEngine: 'mediapipe',
    });
  });

  it('falls back to the defaults, with a report, if the saved settings are damaged', async () => {
    await db.put(
      'settings',
      { strictness: 'loose' } as unknown as typeof DEFAULT_SETTINGS,
      SETTINGS_KEY,
    );
    const loaded = await getSettings(db);
    expect(loaded.value).toEqual(DEFAULT_SETTINGS);
    expect(loaded.corrupt?.error.code).toBe('CORRUPT_RECORD');
  });

  it('keeps the programme state, and reports a damaged one as no programme', async () => {
    expect((await getProgramme(db)).value).toBeNull();
    const state = {
      startedOn: '2025-03-03',
      week: 3,
      completedSessionIds: ['a', 'b'],
      paused: true,
    };
    await saveProgramme(db, state);
    expect((await getProgramme(db)).value).toEqual(state);
    await db.put('programme', { ...state, week: 0 }, PROGRAMME_KEY);
    const damaged = await getProgramme(db);
    expect(damaged.value).toBeNull();
    expect(damaged.corrupt?.reason).toBe('programme.week: outside 1 to 4');
  });
});

describe('the weekly checklist', () => {
  it('ticks items one at a time, by the app or by the person', async () => {
    await setChecklistItem(db, '2025-03-03', 'plank', { done: true, by: 'app' });
    await setChecklistItem(db, '2025-03-03', 'wall-posture', { done: true, by: 'person' });
    await setChecklistItem(db, '2025-03-10', 'plank', { done: false, by: 'person' });
    const { records } = await listChecklistWeeks(db);
    expect(records).toEqual([
      {
        weekStart: '2025-03-03',
        items: { plank: { done: true, by: 'app' }, 'wall-posture': { done: true, by: 'person' } },
      },
      { weekStart: '2025-03-10', items: { plank: { done: false, by: 'person' } } },
    ]);
  });

  it('refuses a hostile item id or a bad week and saves nothing', async () => {
    expect(
      (await caught(setChecklistItem(db, '2025-03-03', '__proto__', { done: true, by: 'app' })))
        .code,
    ).toBe('CORRUPT_RECORD');
    expect(
      (await caught(setChecklistItem(db, '2025-13-03', 'plank', { done: true, by: 'app' }))).code,
    ).toBe('CORRUPT_RECORD');
    expect(await db.count('checklist')).toBe(0);
  });
});
