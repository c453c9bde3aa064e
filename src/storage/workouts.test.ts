import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlumblineDb, type PlumblineDb } from './db';
import { caught, makeRep, makeSession, makeSet } from './testing';
import {
  appendRep,
  computePersonalBests,
  endSession,
  endSet,
  getSession,
  listSessions,
  personalBests,
  recordHold,
  startSession,
  startSet,
} from './workouts';

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory(); // a fresh, empty browser for each test
  db = await openPlumblineDb();
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const BIRD_DOG = {
  exercise: 'bird-dog',
  strictness: 'beginner',
  plan: null,
  startedAt: '2025-03-03T07:00:00.000Z',
} as const;

describe('a workout saved as it happens', () => {
  it('keeps every finished rep even if the tab closes before the set ends', async () => {
    const session = await startSession(db, BIRD_DOG);
    const set = await startSet(db, session.id, '2025-03-03T07:00:05.000Z');
    await appendRep(db, session.id, set, makeRep({ side: 'left' }));
    await appendRep(
      db,
      session.id,
      set,
      makeRep({ side: 'right', faults: ['bird-dog.hip-rotation'] }),
    );

    // The tab closes mid-set: a new page load opens the database again.
    db.close();
    db = await openPlumblineDb();

    const saved = await getSession(db, session.id);
    expect(saved?.endedAt).toBeNull();
    expect(saved?.sets[0]?.endedAt).toBeNull();
    expect(saved?.sets[0]?.reps.map((r) => r.side)).toEqual(['left', 'right']);
    expect(saved?.sets[0]?.goodFormShare).toBe(0.5); // one clean rep of two, without endSet
  });

  it('records a hold by checkpoints and ends the set and session', async () => {
    const session = await startSession(db, { ...BIRD_DOG, exercise: 'plank' });
    const set = await startSet(db, session.id);
    await recordHold(db, session.id, set, { holdSeconds: 10, goodFormShare: 0.9 });
    const ended = await endSet(db, session.id, set, {
      endedAt: '2025-03-03T07:01:00.000Z',
      hold: { holdSeconds: 42.5, goodFormShare: 0.85 },
    });
    expect(ended).toMatchObject({
      holdSeconds: 42.5,
      goodFormShare: 0.85,
      endedAt: '2025-03-03T07:01:00.000Z',
    });
    const finished = await endSession(db, session.id, '2025-03-03T07:02:00.000Z');
    expect(finished.endedAt).toBe('2025-03-03T07:02:00.000Z');
    expect(await getSession(db, session.id)).toEqual(finished);
  });

  it('keeps how a set ended, and reads sets saved before that was recorded', async () => {
    const session = await startSession(db, BIRD_DOG);
    await startSet(db, session.id);
    await endSet(db, session.id, 0, { endedBy: 'person' });
    await startSet(db, session.id);
    await endSet(db, session.id, 1); // an older caller: no endedBy
    const saved = await getSession(db, session.id);
    expect(saved?.sets[0]?.endedBy).toBe('person');
    expect(saved?.sets[1]).not.toHaveProperty('endedBy');

    // A damaged value is reported, not read.
    const damaged = { ...makeSession({ id: 'odd' }), sets: [{ ...makeSet(0), endedBy: 'x' }] };
    await db.put('sessions', damaged as unknown as ReturnType<typeof makeSession>);
    expect((await caught(getSession(db, 'odd'))).message).toMatch(/could not be read/);
  });

  it('refuses a rep with a NaN angle and keeps the reps before it', async () => {
    const session = await startSession(db, BIRD_DOG);
    const set = await startSet(db, session.id);
    await appendRep(db, session.id, set, makeRep());
    const error = await caught(
      appendRep(db, session.id, set, makeRep({ rangeOfMotion: { min: Number.NaN, max: 10 } })),
    );
    expect(error.code).toBe('CORRUPT_RECORD');
    expect(error.message).toContain('not saved');
    expect((await getSession(db, session.id))?.sets[0]?.reps).toHaveLength(1);
  });

  it('says so when the session was deleted meanwhile (another tab)', async () => {
    const error = await caught(appendRep(db, 'gone', 0, makeRep()));
    expect(error.code).toBe('UNAVAILABLE');
    expect(error.message).toMatch(/no longer in your saved data/);
  });

  it('treats appending to a set never started as a programming error', async () => {
    const session = await startSession(db, BIRD_DOG);
    await expect(appendRep(db, session.id, 3, makeRep())).rejects.toBeInstanceOf(RangeError);
  });
});

describe('a full disk', () => {
  it('gives QUOTA_EXCEEDED on appendRep and keeps the earlier reps', async () => {
    const session = await startSession(db, BIRD_DOG);
    const set = await startSet(db, session.id);
    await appendRep(db, session.id, set, makeRep({ startMs: 0, endMs: 2000 }));
    await appendRep(db, session.id, set, makeRep({ startMs: 2000, endMs: 4000 }));

    // What a browser throws when the origin's quota is used up.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    const error = await caught(
      appendRep(db, session.id, set, makeRep({ startMs: 4000, endMs: 6000 })),
    );

    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.message).toBe(
      'Your device is out of storage space: this set is kept on screen but not saved. Free some space or export your data.',
    );
    const saved = await getSession(db, session.id);
    expect(saved?.sets[0]?.reps.map((r) => r.startMs)).toEqual([0, 2000]);

    // Once space is freed, the next rep saves again.
    await appendRep(db, session.id, set, makeRep({ startMs: 6000, endMs: 8000 }));
    expect((await getSession(db, session.id))?.sets[0]?.reps).toHaveLength(3);
  });

  it('gives QUOTA_EXCEEDED when the browser aborts the transaction at commit time', async () => {
    const session = await startSession(db, BIRD_DOG);
    const set = await startSet(db, session.id);
    await appendRep(db, session.id, set, makeRep({ startMs: 0, endMs: 2000 }));
    // Chromium accepts the put, then aborts the whole transaction when the disk write fails.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with apply(this)
    const realPut = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(function (
      this: IDBObjectStore,
      ...args
    ) {
      const request = realPut.apply(this, args);
      const tx = this.transaction;
      Object.defineProperty(tx, 'error', {
        value: new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
      });
      queueMicrotask(() => {
        tx.abort();
      });
      return request;
    });
    const error = await caught(
      appendRep(db, session.id, set, makeRep({ startMs: 2000, endMs: 4000 })),
    );
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect((await getSession(db, session.id))?.sets[0]?.reps).toHaveLength(1);
  });

  it('recognises a quota failure reported through the aborted transaction', async () => {
    const session = await startSession(db, BIRD_DOG);
    await startSet(db, session.id);
    // Firefox's legacy name, arriving wrapped as the cause of another error.
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new Error('AbortError', {
        cause: new DOMException('full', 'NS_ERROR_DOM_QUOTA_REACHED'),
      });
    });
    expect((await caught(appendRep(db, session.id, 0, makeRep()))).code).toBe('QUOTA_EXCEEDED');
  });
});

describe('a corrupt record', () => {
  it('is skipped with a report while the others are listed', async () => {
    await db.put('sessions', makeSession({ id: 'good-1', startedAt: '2025-03-01T07:00:00.000Z' }));
    await db.put('sessions', makeSession({ id: 'good-2', startedAt: '2025-03-02T07:00:00.000Z' }));
    // Damaged on disk, or written by a broken build: a set that is not an object.
    const damaged = { ...makeSession({ id: 'bad' }), sets: ['oops'] } as unknown as ReturnType<
      typeof makeSession
    >;
    await db.put('sessions', damaged);

    const { records, corrupt } = await listSessions(db);
    expect(records.map((s) => s.id)).toEqual(['good-1', 'good-2']);
    expect(corrupt).toHaveLength(1);
    expect(corrupt[0]).toMatchObject({
      store: 'sessions',
      key: 'bad',
      reason: 'sessions.sets[0]: expected an object, got a string',
    });
    expect(corrupt[0]?.error.code).toBe('CORRUPT_RECORD');
    expect(corrupt[0]?.error.message).toMatch(/A saved workout could not be read and was skipped/);

    // Reading it directly, or adding to it, says CORRUPT_RECORD and leaves it alone.
    expect((await caught(getSession(db, 'bad'))).code).toBe('CORRUPT_RECORD');
    expect((await caught(appendRep(db, 'bad', 0, makeRep()))).code).toBe('CORRUPT_RECORD');
    expect(await db.get('sessions', 'bad')).toEqual(damaged);
  });

  it('does not spoil personal bests', async () => {
    await db.put('sessions', makeSession({ id: 'good' }));
    await db.put('sessions', {
      ...makeSession({ id: 'bad' }),
      strictness: 'extreme',
    } as unknown as ReturnType<typeof makeSession>);
    const { bests, corrupt } = await personalBests(db);
    expect(bests).toHaveLength(1);
    expect(corrupt.map((c) => c.key)).toEqual(['bad']);
  });
});

describe('history', () => {
  beforeEach(async () => {
    await db.put(
      'sessions',
      makeSession({ id: 'a', exercise: 'plank', startedAt: '2025-03-01T07:00:00.000Z' }),
    );
    await db.put(
      'sessions',
      makeSession({ id: 'b', exercise: 'bird-dog', startedAt: '2025-03-02T07:00:00.000Z' }),
    );
    await db.put(
      'sessions',
      makeSession({ id: 'c', exercise: 'plank', startedAt: '2025-03-03T07:00:00.000Z' }),
    );
  });

  it('lists by date range, from inclusive and to exclusive', async () => {
    const { records } = await listSessions(db, {
      from: '2025-03-02T00:00:00.000Z',
      to: '2025-03-03T07:00:00.000Z',
    });
    expect(records.map((s) => s.id)).toEqual(['b']);
  });

  it('lists one exercise, optionally within dates', async () => {
    expect((await listSessions(db, { exercise: 'plank' })).records.map((s) => s.id)).toEqual([
      'a',
      'c',
    ]);
    const since = await listSessions(db, { exercise: 'plank', from: '2025-03-02T00:00:00.000Z' });
    expect(since.records.map((s) => s.id)).toEqual(['c']);
  });

  it('gives an empty list for an empty range instead of failing', async () => {
    const { records } = await listSessions(db, {
      from: '2025-03-05T00:00:00.000Z',
      to: '2025-03-01T00:00:00.000Z',
    });
    expect(records).toEqual([]);
  });
});

describe('personal bests', () => {
  it('counts reps, clean reps and hold seconds per exercise, the first time winning a tie', () => {
    const bests = computePersonalBests([
      makeSession({
        id: 'late',
        startedAt: '2025-03-09T07:00:00.000Z',
        sets: [
          {
            index: 0,
            startedAt: '2025-03-09T07:00:00.000Z',
            endedAt: null,
            reps: [makeRep(), makeRep(), makeRep({ faults: ['bird-dog.short-reach'] })],
            holdSeconds: 0,
            goodFormShare: 2 / 3,
          },
        ],
      }),
      makeSession({ id: 'early', startedAt: '2025-03-01T07:00:00.000Z' }),
      makeSession({
        id: 'plank',
        exercise: 'plank',
        sets: [
          {
            index: 0,
            startedAt: '2025-03-02T07:00:00.000Z',
            endedAt: null,
            reps: [],
            holdSeconds: 45,
            goodFormShare: 1,
          },
        ],
      }),
    ]);
    expect(bests).toEqual([
      {
        exercise: 'bird-dog',
        mostRepsInSet: { value: 3, sessionId: 'late', setIndex: 0, at: '2025-03-09T07:00:00.000Z' },
        mostCleanRepsInSet: {
          value: 2,
          sessionId: 'late',
          setIndex: 0,
          at: '2025-03-09T07:00:00.000Z',
        },
        longestHoldSeconds: null,
      },
      {
        exercise: 'plank',
        mostRepsInSet: null,
        mostCleanRepsInSet: null,
        longestHoldSeconds: {
          value: 45,
          sessionId: 'plank',
          setIndex: 0,
          at: '2025-03-02T07:00:00.000Z',
        },
      },
    ]);
  });
});
