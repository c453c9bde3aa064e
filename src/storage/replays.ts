/**
 * Replays of sets (schema.ts `ReplayTrack`), in their own store so the History's lists never load
 * them: the frames packed as 16-bit words in base64 (about 120 bytes a frame), keyed to the saved
 * set, the `MAX_STORED_REPLAYS` most recent kept. Deleting a workout deletes its replays
 * (`deleteSession`).
 */
import { inReadTransaction, inWriteTransaction, corruptReport, type PlumblineDb } from './db';
import type { IDBPObjectStore } from 'idb';
import { StorageError } from './errors';
import type { PlumblineSchema, StoreName } from './layout';
import { readReplay } from './readers';
import { packFrames, unpackFrames } from './replay-frames';
import {
  MAX_STORED_REPLAYS,
  REPLAY_BUDGET_CHARS,
  type ReplayRecord,
  type ReplayTrack,
} from './schema';
import { check } from './validate';

export function replayId(sessionId: string, setIndex: number): string {
  return `${sessionId}/${String(setIndex)}`;
}

/** The record a track is stored as. */
export function replayRecordOf(
  track: ReplayTrack,
  where: { readonly sessionId: string; readonly setIndex: number; readonly recordedAt: string },
): ReplayRecord {
  return {
    id: replayId(where.sessionId, where.setIndex),
    sessionId: where.sessionId,
    setIndex: where.setIndex,
    recordedAt: where.recordedAt,
    exercise: track.exercise,
    imageSize: track.imageSize,
    durationMs: track.durationMs,
    joints: track.joints,
    frames: packFrames(track.frames),
    reps: track.reps,
    spans: track.spans,
  };
}

/** The track a stored record holds (its frames were checked by `readReplay`). */
export function trackOf(record: ReplayRecord): ReplayTrack {
  const { exercise, imageSize, durationMs, joints, reps, spans } = record;
  return {
    exercise,
    imageSize,
    durationMs,
    joints,
    reps,
    spans,
    frames: unpackFrames(
      record.frames,
      joints.length,
      { maxFrames: Number.MAX_SAFE_INTEGER, maxOutlinePoints: Number.MAX_SAFE_INTEGER },
      'replay.frames',
    ),
  };
}

const TOO_BIG_MESSAGE =
  'This set’s replay came out larger than Plumbline keeps, so it was not saved. The set itself is saved.';

/**
 * Saves a set's replay and deletes the oldest past `MAX_STORED_REPLAYS`, in one transaction.
 * QUOTA_EXCEEDED when the device is full (the caller skips the replay; the workout is saved apart).
 */
export async function saveReplay(db: PlumblineDb, record: ReplayRecord): Promise<void> {
  const checked = check(readReplay, record, 'replay');
  if (!checked.ok) {
    throw new StorageError(
      'CORRUPT_RECORD',
      `This set’s replay had values Plumbline cannot store, so it was not saved. The set itself is saved. (${checked.path}: ${checked.reason})`,
    );
  }
  if (JSON.stringify(checked.value).length > REPLAY_BUDGET_CHARS) {
    throw new StorageError('CORRUPT_RECORD', TOO_BIG_MESSAGE);
  }
  await inWriteTransaction(db, ['replays'], 'replay', async (tx) => {
    const store = tx.objectStore('replays');
    await store.put(checked.value);
    await pruneReplays(store);
  });
}

/** Deletes the oldest replays past the newest `MAX_STORED_REPLAYS`, in the caller's transaction. */
export async function pruneReplays(
  store: IDBPObjectStore<PlumblineSchema, StoreName[], 'replays', 'readwrite'>,
): Promise<void> {
  const keys = await store.index('by-recordedAt').getAllKeys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_STORED_REPLAYS))) {
    await store.delete(key);
  }
}

/** One set's replay, or undefined; CORRUPT_RECORD if it is damaged. */
export async function getReplay(db: PlumblineDb, id: string): Promise<ReplayTrack | undefined> {
  const raw: unknown = await inReadTransaction(db, ['replays'], (tx) =>
    tx.objectStore('replays').get(id),
  );
  if (raw === undefined) return undefined;
  const checked = check(readReplay, raw, 'replay');
  if (!checked.ok) throw corruptReport('replays', id, checked.path, checked.reason).error;
  return trackOf(checked.value);
}

/** The ids of the stored replays (`replayId`), without loading them. */
export async function listReplayIds(db: PlumblineDb): Promise<ReadonlySet<string>> {
  const keys = await inReadTransaction(db, ['replays'], (tx) =>
    tx.objectStore('replays').getAllKeys(),
  );
  return new Set(keys);
}

export async function deleteReplay(db: PlumblineDb, id: string): Promise<void> {
  await inWriteTransaction(db, ['replays'], 'delete', async (tx) => {
    await tx.objectStore('replays').delete(id);
  });
}
