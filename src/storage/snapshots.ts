/** Posture snapshots: the numbers of one posture check, with a small thumbnail. */
import {
  collect,
  corruptReport,
  inReadTransaction,
  inWriteTransaction,
  type PlumblineDb,
  type ReadResult,
} from './db';
import { StorageError } from './errors';
import { type PostureSnapshot } from './schema';
import { readSnapshot } from './readers';
import { check } from './validate';

export type NewSnapshot = Omit<PostureSnapshot, 'id' | 'takenAt'> & {
  /** Defaults to a random UUID. */
  readonly id?: string;
  /** Defaults to now. */
  readonly takenAt?: string;
};

/**
 * Saves a snapshot. It is checked first: a NaN metric (an angle the checker could not measure) or
 * an oversized thumbnail gives CORRUPT_RECORD and nothing is written; the caller should leave such
 * metrics out and downscale thumbnails (see MAX_THUMBNAIL_CHARS).
 */
export async function addSnapshot(db: PlumblineDb, input: NewSnapshot): Promise<PostureSnapshot> {
  const checked = check(
    readSnapshot,
    {
      id: input.id ?? crypto.randomUUID(),
      takenAt: input.takenAt ?? new Date().toISOString(),
      source: input.source,
      view: input.view,
      metrics: { ...input.metrics },
      faults: input.faults,
      thumbnail: input.thumbnail,
    },
    'snapshot',
  );
  if (!checked.ok) {
    throw new StorageError(
      'CORRUPT_RECORD',
      `This posture snapshot had values Plumbline cannot store, so it was not saved. (${checked.path}: ${checked.reason})`,
    );
  }
  const snapshot = checked.value;
  await inWriteTransaction(db, ['snapshots'], 'snapshot', async (tx) => {
    await tx.objectStore('snapshots').add(snapshot);
  });
  return snapshot;
}

export async function getSnapshot(
  db: PlumblineDb,
  id: string,
): Promise<PostureSnapshot | undefined> {
  const raw: unknown = await inReadTransaction(db, ['snapshots'], (tx) =>
    tx.objectStore('snapshots').get(id),
  );
  if (raw === undefined) return undefined;
  const checked = check(readSnapshot, raw, 'snapshot');
  if (!checked.ok) throw corruptReport('snapshots', id, checked.path, checked.reason).error;
  return checked.value;
}

export interface SnapshotRange {
  /** ISO date-time, inclusive. */
  readonly from?: string;
  /** ISO date-time, exclusive. */
  readonly to?: string;
}

/** Snapshots, oldest first; damaged ones are skipped and listed in `corrupt`. */
export async function listSnapshots(
  db: PlumblineDb,
  range: SnapshotRange = {},
): Promise<ReadResult<PostureSnapshot>> {
  const result: ReadResult<PostureSnapshot> = { records: [], corrupt: [] };
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) return result;
  await inReadTransaction(db, ['snapshots'], async (tx) => {
    const store = tx.objectStore('snapshots');
    const ranged = range.from !== undefined || range.to !== undefined;
    // With no range, walk the store itself so a record with a broken `takenAt` (in no index) is
    // still reported.
    let cursor = ranged
      ? await store
          .index('by-takenAt')
          .openCursor(
            IDBKeyRange.bound(
              range.from ?? '',
              range.to ?? '\uffff',
              false,
              range.to !== undefined,
            ),
          )
      : await store.openCursor();
    for (; cursor; cursor = await cursor.continue()) {
      collect(result, 'snapshots', cursor.primaryKey, cursor.value as unknown, readSnapshot);
    }
  });
  result.records.sort((a, b) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0));
  return result;
}

export async function deleteSnapshot(db: PlumblineDb, id: string): Promise<void> {
  await inWriteTransaction(db, ['snapshots'], 'delete', async (tx) => {
    await tx.objectStore('snapshots').delete(id);
  });
}
