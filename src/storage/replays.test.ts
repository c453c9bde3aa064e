import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlumblineDb } from './db';
import { StorageError } from './errors';
import { deleteAllData } from './export';
import { readReplay } from './readers';
import { packFrames } from './replay-frames';
import {
  deleteReplay,
  getReplay,
  listReplayIds,
  replayId,
  replayRecordOf,
  saveReplay,
} from './replays';
import { MAX_STORED_REPLAYS, type ReplayRecord } from './schema';
import { dumpAll, failNthCall, makeReplayTrack, makeSession } from './testing';
import { check } from './validate';
import { deleteSession, getSession } from './workouts';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

afterEach(() => {
  vi.restoreAllMocks();
});

function recordOf(sessionId: string, setIndex = 0, minute = 0): ReplayRecord {
  return replayRecordOf(makeReplayTrack(), {
    sessionId,
    setIndex,
    recordedAt: `2025-03-03T07:${String(minute).padStart(2, '0')}:00.000Z`,
  });
}

describe('version 4', () => {
  it('adds the replay store to a version 3 database and keeps its workouts', async () => {
    const v3 = await openPlumblineDb({ version: 3 });
    await v3.put('sessions', makeSession({ id: 'kept' }));
    v3.close();
    const v4 = await openPlumblineDb();
    expect(v4.version).toBe(4);
    expect([...v4.transaction('replays').store.indexNames].sort()).toEqual([
      'by-recordedAt',
      'by-session',
    ]);
    expect(await getSession(v4, 'kept')).toEqual(makeSession({ id: 'kept' }));
    v4.close();
  });
});

describe('a replay stored and read back', () => {
  it('gives the track again, points to a thousandth of the frame, visibility to a 15th', async () => {
    const db = await openPlumblineDb();
    await saveReplay(db, recordOf('s1'));
    expect(await getReplay(db, replayId('s1', 0))).toEqual(makeReplayTrack());
    expect(await listReplayIds(db)).toEqual(new Set(['s1/0']));
    db.close();
  });

  it('is packed at 2 bytes a number: a frame of 3 joints and no outline is 16 bytes', () => {
    const [frame] = makeReplayTrack().frames;
    if (!frame) throw new Error('no frame');
    // 1 gap + 3 joints × 2 + the outline's count = 8 words.
    expect(atob(packFrames([frame])).length).toBe(16);
  });

  it(`keeps the ${MAX_STORED_REPLAYS} most recent sets, deleting the oldest`, async () => {
    const db = await openPlumblineDb();
    for (let minute = 0; minute < MAX_STORED_REPLAYS + 2; minute++) {
      await saveReplay(db, recordOf(`s${String(minute)}`, 0, minute));
    }
    const ids = await listReplayIds(db);
    expect(ids.size).toBe(MAX_STORED_REPLAYS);
    expect(ids.has('s0/0')).toBe(false);
    expect(ids.has('s1/0')).toBe(false);
    expect(ids.has(`s${String(MAX_STORED_REPLAYS + 1)}/0`)).toBe(true);
    db.close();
  });

  it('is deleted with its workout, and on its own; other workouts keep theirs', async () => {
    const db = await openPlumblineDb();
    await db.put('sessions', makeSession({ id: 'gone' }));
    await db.put('sessions', makeSession({ id: 'kept' }));
    await saveReplay(db, recordOf('gone', 0));
    await saveReplay(db, recordOf('gone', 1));
    await saveReplay(db, recordOf('kept', 0));
    await saveReplay(db, recordOf('kept', 1));
    await deleteSession(db, 'gone');
    expect(await listReplayIds(db)).toEqual(new Set(['kept/0', 'kept/1']));
    await deleteReplay(db, 'kept/1');
    expect(await listReplayIds(db)).toEqual(new Set(['kept/0']));
    await deleteAllData(db);
    expect(await listReplayIds(db)).toEqual(new Set());
    db.close();
  });

  it('a workout whose delete fails half-way is kept whole, with its replays', async () => {
    const db = await openPlumblineDb();
    await db.put('sessions', makeSession({ id: 'kept' }));
    await saveReplay(db, recordOf('kept', 0));
    await saveReplay(db, recordOf('kept', 1));
    const before = await dumpAll(db);
    // The workout goes, then the browser loses the connection before its first replay goes.
    const calls = failNthCall('delete', 2, new DOMException('closing', 'InvalidStateError'));
    const error: unknown = await deleteSession(db, 'kept').catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(calls()).toBe(2);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('UNAVAILABLE');
    expect(await dumpAll(db)).toEqual(before);
    db.close();
  });

  it('a damaged stored replay is reported as such, not drawn', async () => {
    const db = await openPlumblineDb();
    await db.put('replays', { ...recordOf('s1'), frames: packFrames([]).concat('AAAA') });
    const error: unknown = await getReplay(db, 's1/0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).code).toBe('CORRUPT_RECORD');
    expect((error as StorageError).message).toContain('saved set replay could not be read');
    db.close();
  });
});

describe('a replay read from disk or a file', () => {
  const good = recordOf('s1');
  const cases: [string, Partial<ReplayRecord>, RegExp][] = [
    ['frames that are not base64', { frames: 'not base64!' }, /frames: not base64/],
    ['a frame cut short', { frames: btoa('\u0001\u0000\u0002') }, /odd number of bytes/],
    [
      'a frame missing its outline count',
      { frames: btoa('\u0000'.repeat(2 * 7)) },
      /ends inside frame 0/,
    ],
    [
      'a joint far off the frame',
      { frames: btoa(`\u0000\u0000${'\u00ff\u000f'.repeat(6)}\u0000\u0000`) },
      /a point far off the frame/,
    ],
    [
      'a fault span past the end',
      { spans: [{ kind: 'fault', fault: 'plank.hips-sagging', startMs: 0, endMs: 5000 }] },
      /spans\[0\]\.endMs: after the replay ends/,
    ],
    ['an id of another set', { id: 's1/3' }, /id: not the set it belongs to/],
    ['an unknown joint', { joints: ['nose', 'tail', 'left_hip'] }, /joints\[1\]/],
  ];
  it.each(cases)('refuses %s, naming the field', (_, change, reason) => {
    const checked = check(readReplay, { ...good, ...change }, 'replay');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(`${checked.path}: ${checked.reason}`).toMatch(reason);
  });

  it('accepts the record as written', () => {
    expect(check(readReplay, good, 'replay')).toEqual({ ok: true, value: good });
  });
});
