/**
 * Fixture factories and a raw dump for the storage tests (and later hook tests). Not used by the
 * app; kept out of *.test.ts so several test files can share it.
 */
import { vi } from 'vitest';
import type { PlumblineDb } from './db';
import {
  type EnduranceRecord,
  type PostureSnapshot,
  type RepRecord,
  type ReplayTrack,
  type SetRecord,
  type WorkoutSession,
} from './schema';
import { STORE_NAMES, type StoreName } from './layout';
import { StorageError } from './errors';

export function makeRep(overrides: Partial<RepRecord> = {}): RepRecord {
  return {
    side: 'left',
    startMs: 1000,
    endMs: 3500,
    faults: [],
    rangeOfMotion: { min: 12.5, max: 88 },
    ...overrides,
  };
}

export function makeSet(index: number, overrides: Partial<SetRecord> = {}): SetRecord {
  return {
    index,
    startedAt: '2025-03-03T07:00:10.000Z',
    endedAt: '2025-03-03T07:01:10.000Z',
    reps: [makeRep(), makeRep({ side: 'right', faults: ['bird-dog.hip-rotation'] })],
    holdSeconds: 0,
    goodFormShare: 0.5,
    ...overrides,
  };
}

export function makeSession(overrides: Partial<WorkoutSession> = {}): WorkoutSession {
  return {
    id: 'session-1',
    startedAt: '2025-03-03T07:00:00.000Z',
    endedAt: '2025-03-03T07:10:00.000Z',
    exercise: 'bird-dog',
    strictness: 'beginner',
    plan: { programmeWeek: 1, targetSets: 2, targetReps: 8, targetHoldSeconds: null },
    sets: [makeSet(0)],
    ...overrides,
  };
}

/** A 1×1 JPEG-typed data URL: small, and accepted by the thumbnail pattern. */
export const TINY_THUMBNAIL = 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2w==';

export function makeSnapshot(overrides: Partial<PostureSnapshot> = {}): PostureSnapshot {
  return {
    id: 'snap-1',
    takenAt: '2025-03-04T08:00:00.000Z',
    source: 'camera',
    view: 'side',
    metrics: { forwardHeadDeg: 14.2, shoulderTiltDeg: -2 },
    faults: ['posture.forward-head'],
    thumbnail: TINY_THUMBNAIL,
    ...overrides,
  };
}

export function makeEnduranceRecord(overrides: Partial<EnduranceRecord> = {}): EnduranceRecord {
  return {
    id: 'endurance-1',
    takenAt: '2025-03-04T09:00:00.000Z',
    test: 'side-bridge-left',
    heldSeconds: 11.5,
    stoppedBy: 'left-position',
    runId: 'run-1',
    strictness: 'beginner',
    ...overrides,
  };
}

/**
 * A 2 s replay of three joints at 10 frames a second, the nose unseen in the middle, a back outline
 * in the second half, one rep and a fault cued then unsure.
 */
export function makeReplayTrack(overrides: Partial<ReplayTrack> = {}): ReplayTrack {
  const frames = Array.from({ length: 20 }, (_, i) => ({
    tMs: i * 100,
    joints: [
      i >= 8 && i < 12 ? null : { x: 500 + i, y: 200, visibility: 1 },
      { x: 450 - i * 3, y: 400 + i * 2, visibility: 0.4 },
      { x: -20, y: 1010, visibility: 0 },
    ],
    outline:
      i < 10
        ? []
        : [
            { x: 300, y: 500 },
            { x: 400, y: 520 + i },
            { x: 500, y: 505 },
          ],
  }));
  return {
    exercise: 'plank',
    imageSize: { width: 640, height: 480 },
    durationMs: 1900,
    joints: ['nose', 'left_shoulder', 'left_hip'],
    frames,
    reps: [{ startMs: 100, endMs: 1500, side: null, faults: ['plank.hips-sagging'] }],
    spans: [
      { kind: 'fault', fault: 'plank.hips-sagging', startMs: 1000, endMs: 1500 },
      { kind: 'unsure', fault: 'plank.hips-sagging', startMs: 1500, endMs: 1900 },
    ],
    ...overrides,
  };
}

/** Every raw key and value in every store, for "nothing changed" assertions. */
export async function dumpAll(
  db: PlumblineDb,
): Promise<Record<StoreName, [IDBValidKey, unknown][]>> {
  const dump: Partial<Record<StoreName, [IDBValidKey, unknown][]>> = {};
  const tx = db.transaction([...STORE_NAMES]);
  for (const name of STORE_NAMES) {
    const entries: [IDBValidKey, unknown][] = [];
    for (let c = await tx.objectStore(name).openCursor(); c; c = await c.continue()) {
      entries.push([c.primaryKey, c.value]);
    }
    dump[name] = entries;
  }
  await tx.done;
  return dump as Record<StoreName, [IDBValidKey, unknown][]>;
}

/**
 * Makes the `nth` call of an object store's `put` or `delete` throw `error` (a full disk, a lost
 * connection), every other call running as usual; returns how many calls were made so far.
 */
export function failNthCall(
  method: 'put' | 'delete',
  nth: number,
  error: DOMException,
): () => number {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with apply(this)
  const real = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
  let calls = 0;
  vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (
    this: IDBObjectStore,
    ...args: unknown[]
  ) {
    calls += 1;
    if (calls === nth) throw error;
    return real.apply(this, args);
  } as never);
  return () => calls;
}

/** The `StorageError` a storage call rejects with; anything else fails the test. */
export async function caught(promise: Promise<unknown>): Promise<StorageError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof StorageError))
    throw new Error(`expected a StorageError, got ${String(error)}`);
  return error;
}
