import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteSession,
  getSession,
  listSessions,
  openPlumblineDb,
  type PlumblineDb,
} from '../../storage';
import { listReplayIds } from '../../storage';
import { makeReplayTrack, makeRep } from '../../storage/testing';
import type { LogOp } from './log';
import { SaveQueue, storageRunner, type SavedReplay, type SaveStatus } from './save-queue';

let db: PlumblineDb;
let statuses: SaveStatus[];
let queue: SaveQueue;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
  statuses = [];
  queue = new SaveQueue((status) => statuses.push(status));
});

afterEach(() => {
  vi.restoreAllMocks();
  db.close();
});

const AT = '2025-03-03T07:00:00.000Z';

function session(id: string): LogOp {
  return {
    kind: 'start-session',
    sessionId: id,
    startedAt: AT,
    exercise: 'bird-dog',
    strictness: 'beginner',
    plan: { programmeWeek: null, targetSets: 3, targetReps: 10, targetHoldSeconds: null },
  };
}
const set = (sessionId: string, n = 1): LogOp => ({ kind: 'start-set', sessionId, set: n, at: AT });
const repOp = (sessionId: string, startMs: number): LogOp => ({
  kind: 'rep',
  sessionId,
  set: 1,
  rep: makeRep({ startMs, endMs: startMs + 1000 }),
});
const hold = (sessionId: string, holdSeconds: number): LogOp => ({
  kind: 'hold',
  sessionId,
  set: 1,
  progress: { holdSeconds, goodFormShare: 1 },
});

async function settled(): Promise<void> {
  await vi.waitFor(() => {
    expect(queue.pending).toBe(0);
  });
}

async function savedReps(id: string): Promise<number[] | undefined> {
  return (await getSession(db, id))?.sets[0]?.reps.map((r) => r.startMs);
}

/** Makes every IndexedDB write fail as a full disk does, until `free` is called. */
function fillDisk(): { readonly free: () => void; readonly attempts: () => number } {
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  return {
    free: () => {
      spy.mockRestore();
    },
    attempts: () => spy.mock.calls.length,
  };
}

describe('the save queue', () => {
  it('saves operations in order; an unfinished session reads back as a valid one', async () => {
    queue.connect(storageRunner(db));
    queue.push([session('s'), set('s'), repOp('s', 0), repOp('s', 1000)]);
    await settled();
    expect(await savedReps('s')).toEqual([0, 1000]);
    const { records, corrupt } = await listSessions(db);
    expect(corrupt).toEqual([]);
    expect(records[0]).toMatchObject({ id: 's', endedAt: null });
    expect(statuses).toEqual([]);
  });

  it('waits for storage to open, then saves what came meanwhile', async () => {
    queue.push([session('s'), set('s'), repOp('s', 0)]);
    expect(queue.pending).toBe(3);
    queue.connect(storageRunner(db));
    await settled();
    expect(await savedReps('s')).toEqual([0]);
  });

  it('keeps going when storage is full, says so once, and catches up when there is room', async () => {
    queue.connect(storageRunner(db));
    queue.push([session('s'), set('s'), repOp('s', 0)]);
    await settled();

    const disk = fillDisk();
    queue.push([repOp('s', 1000)]);
    queue.push([repOp('s', 2000)]);
    await vi.waitFor(() => {
      expect(statuses).toEqual([{ problem: { kind: 'full' }, caughtUp: false }]);
    });
    const attempts = disk.attempts();
    queue.push([repOp('s', 3000)]); // tried again, still full: not said again
    await vi.waitFor(() => {
      expect(disk.attempts()).toBeGreaterThan(attempts);
    });
    expect(statuses).toHaveLength(1);
    expect(queue.pending).toBe(3);
    expect(await savedReps('s')).toEqual([0]); // what was saved before is kept
    disk.free();

    queue.retry();
    await settled();
    expect(await savedReps('s')).toEqual([0, 1000, 2000, 3000]);
    expect(statuses.at(-1)).toEqual({ problem: null, caughtUp: true });
  });

  it('keeps only the latest waiting hold checkpoint while storage is full', async () => {
    queue.connect(storageRunner(db));
    queue.push([session('p'), set('p')]);
    await settled();
    const disk = fillDisk();
    queue.push([hold('p', 5)]);
    await vi.waitFor(() => {
      expect(statuses).toHaveLength(1);
    });
    queue.push([hold('p', 10), hold('p', 15)]);
    await vi.waitFor(() => {
      expect(queue.pending).toBe(1);
    });
    queue.push([
      {
        kind: 'end-set',
        sessionId: 'p',
        set: 1,
        at: AT,
        endedBy: 'target',
        hold: { holdSeconds: 20, goodFormShare: 0.9 },
      },
    ]);
    disk.free();
    queue.retry();
    await settled();
    expect((await getSession(db, 'p'))?.sets[0]).toMatchObject({
      endedBy: 'target',
      holdSeconds: 20,
      goodFormShare: 0.9,
    });
  });

  it('a replay storage has no room for is skipped, said once; the workout is saved', async () => {
    const saved: SavedReplay[] = [];
    queue.connect(storageRunner(db, (replay) => saved.push(replay)));
    queue.push([session('s'), set('s'), repOp('s', 0)]);
    await settled();
    const disk = fillDisk();
    queue.push([{ kind: 'replay', sessionId: 's', set: 1, at: AT, track: makeReplayTrack() }]);
    await settled(); // not kept waiting for room, as a rep is
    disk.free();
    queue.push([repOp('s', 1000), { kind: 'end-session', sessionId: 's', at: AT }]);
    await settled();
    expect(await savedReps('s')).toEqual([0, 1000]);
    expect((await getSession(db, 's'))?.endedAt).toBe(AT);
    expect(await listReplayIds(db)).toEqual(new Set());
    expect(statuses).toEqual([
      { problem: { kind: 'replay-skipped', full: true }, caughtUp: false },
    ]);
    expect(saved).toEqual([]); // nothing stored, so nothing to delete after the set

    queue.push([{ kind: 'replay', sessionId: 's', set: 1, at: AT, track: makeReplayTrack() }]);
    await settled();
    expect(await listReplayIds(db)).toEqual(new Set(['s/0']));
    expect(saved).toEqual([{ sessionId: 's', set: 1, id: 's/0' }]);
  });

  it('tells the stored id of a set’s replay by the workout’s set number, once it is on disk', async () => {
    const saved: SavedReplay[] = [];
    queue.connect(storageRunner(db, (replay) => saved.push(replay)));
    // Set 1 ended while placing, so was never stored: set 2 is the workout's first stored set.
    queue.push([session('s'), set('s', 2)]);
    queue.push([{ kind: 'replay', sessionId: 's', set: 2, at: AT, track: makeReplayTrack() }]);
    await settled();
    expect(saved).toEqual([{ sessionId: 's', set: 2, id: 's/0' }]);
    expect(await listReplayIds(db)).toEqual(new Set(['s/0']));
  });

  it('drops a rep storage refuses and saves the next ones', async () => {
    queue.connect(storageRunner(db));
    const bad: LogOp = {
      kind: 'rep',
      sessionId: 's',
      set: 1,
      rep: makeRep({ rangeOfMotion: { min: Number.NaN, max: 1 } }),
    };
    queue.push([session('s'), set('s'), repOp('s', 0), bad, repOp('s', 2000)]);
    await settled();
    expect(await savedReps('s')).toEqual([0, 2000]);
    expect(statuses).toEqual([{ problem: { kind: 'refused' }, caughtUp: false }]);
  });

  it('gives up on a session deleted meanwhile, with its message, and saves the next one', async () => {
    queue.connect(storageRunner(db));
    queue.push([session('gone'), set('gone'), repOp('gone', 0)]);
    await settled();
    await deleteSession(db, 'gone'); // another tab
    queue.push([repOp('gone', 1000), repOp('gone', 2000)]);
    await settled();
    expect(statuses).toHaveLength(1);
    const problem = statuses[0]?.problem;
    expect(problem?.kind === 'unavailable' && problem.message).toMatch(
      /no longer in your saved data/,
    );
    queue.push([session('next'), set('next'), repOp('next', 0)]);
    await settled();
    expect(await savedReps('next')).toEqual([0]);
  });

  it('drops everything and ignores new work once storage is unavailable', async () => {
    queue.push([session('s'), set('s')]);
    queue.disconnect('No storage here.');
    queue.push([repOp('s', 0)]);
    expect(queue.pending).toBe(0);
    expect(statuses).toEqual([
      { problem: { kind: 'unavailable', message: 'No storage here.' }, caughtUp: false },
    ]);
    expect((await listSessions(db)).records).toEqual([]);
  });
});
