import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPlumblineDb, type PlumblineDb } from './db';
import { StorageError } from './errors';
import { addProgrammeEvent, getProgramme, saveProgramme } from './programme';
import { MAX_PROGRAMME_EVENTS, type ProgrammeState } from './schema';
import { PROGRAMME_KEY } from './layout';

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
});

afterEach(() => {
  db.close();
});

const STARTED: ProgrammeState = {
  startedOn: '2025-03-03',
  week: 1,
  completedSessionIds: [],
  paused: false,
};

describe('programme events', () => {
  it('reads a programme saved before events existed, with no events', async () => {
    await saveProgramme(db, STARTED);
    expect((await getProgramme(db)).value).toEqual(STARTED);
  });

  it('records a pain stop and a resume in order, and paused follows them', async () => {
    await saveProgramme(db, STARTED);
    const stopped = await addProgrammeEvent(db, { on: '2025-03-05', kind: 'pain' });
    expect(stopped?.paused).toBe(true);
    const resumed = await addProgrammeEvent(db, { on: '2025-03-09', kind: 'resume' });
    expect(resumed?.paused).toBe(false);
    expect((await getProgramme(db)).value).toEqual({
      ...STARTED,
      events: [
        { on: '2025-03-05', kind: 'pain' },
        { on: '2025-03-09', kind: 'resume' },
      ],
    });
  });

  it('records nothing when no programme is running', async () => {
    expect(await addProgrammeEvent(db, { on: '2025-03-05', kind: 'pain' })).toBeNull();
    expect((await getProgramme(db)).value).toBeNull();
  });

  it('refuses an event before the last one (or before the start), saving nothing', async () => {
    await saveProgramme(db, { ...STARTED, events: [{ on: '2025-03-05', kind: 'pause' }] });
    const error: unknown = await addProgrammeEvent(db, { on: '2025-03-04', kind: 'resume' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('CORRUPT_RECORD');
    expect((error as StorageError).message).toMatch(/events\[1\]\.on: out of order/);
    expect((await getProgramme(db)).value?.events).toHaveLength(1);
    await db.put(
      'programme',
      { ...STARTED, events: [{ on: '2025-03-01', kind: 'pause' }] },
      PROGRAMME_KEY,
    );
    expect((await getProgramme(db)).corrupt?.reason).toBe('programme.events[0].on: out of order');
  });

  it('refuses an unknown event kind and an endless event list', async () => {
    await db.put(
      'programme',
      { ...STARTED, events: [{ on: '2025-03-04', kind: 'nap' }] } as unknown as ProgrammeState,
      PROGRAMME_KEY,
    );
    expect((await getProgramme(db)).corrupt?.reason).toMatch(/events\[0\]\.kind: expected one of/);
    const many = Array.from({ length: MAX_PROGRAMME_EVENTS + 1 }, () => ({
      on: '2025-03-04',
      kind: 'pause' as const,
    }));
    const error: unknown = await saveProgramme(db, { ...STARTED, events: many }).catch(
      (e: unknown) => e,
    );
    expect((error as StorageError).code).toBe('CORRUPT_RECORD');
  });
});
