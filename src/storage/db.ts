/**
 * Opening the database and running transactions so that every failure comes out as a
 * `StorageError`, and a failed write is rolled back whole (IndexedDB transactions are atomic, so
 * what was saved before stays saved).
 */
import { openDB, type IDBPDatabase, type IDBPTransaction } from 'idb';
import {
  BLOCKED_UPGRADE_MESSAGE,
  CLOSED_MESSAGE,
  NO_INDEXEDDB_MESSAGE,
  StorageError,
  corruptMessage,
  isQuotaError,
  toStorageError,
  type SaveAction,
} from './errors';
import {
  DB_NAME,
  DB_VERSION,
  MIGRATIONS,
  type PlumblineSchema,
  type StoreName,
  type UpgradeTransaction,
} from './layout';
import { check, type Reader } from './validate';

export type PlumblineDb = IDBPDatabase<PlumblineSchema>;

export interface OpenOptions {
  /** Another database name: tests only (the app always uses `DB_NAME`). */
  readonly name?: string;
  /** Open at an older version: tests of migrations only. */
  readonly version?: number;
  /**
   * Called once if this connection closes under the app: another tab opened a newer version (we
   * close so its upgrade can go ahead) or the browser terminated it. Later calls fail with
   * UNAVAILABLE; the UI should ask the person to reload.
   */
  readonly onConnectionLost?: (error: StorageError) => void;
}

const MIGRATION_FAILED_MESSAGE =
  'Plumbline could not update your saved data to this version, so it left it exactly as it was. ' +
  'Reload the page to try again; exporting your data from an older tab keeps a copy.';

/**
 * Runs the migrations after `oldVersion` up to `newVersion`, in order, inside the upgrade
 * transaction. A step that throws aborts the transaction, which undoes every step.
 */
function runMigrations(
  db: PlumblineDb,
  tx: UpgradeTransaction,
  oldVersion: number,
  newVersion: number,
  onFailure: (error: unknown) => void,
): void {
  const steps = MIGRATIONS.filter(
    (step) => step.version > oldVersion && step.version <= newVersion,
  );
  const run = async (): Promise<void> => {
    for (const step of steps) await step.migrate(db, tx);
  };
  run().catch((error: unknown) => {
    onFailure(error);
    tx.done.catch(() => undefined); // the open's rejection reports it
    abortQuietly(tx);
  });
}

/**
 * Opens (creating or upgrading) the Plumbline database.
 *
 * If another tab holds an older version open and does not let go, this rejects with
 * BLOCKED_UPGRADE rather than waiting for ever; should the other tab close later, the pending
 * upgrade completes and that late connection is closed straight away.
 */
export async function openPlumblineDb(options: OpenOptions = {}): Promise<PlumblineDb> {
  if (typeof indexedDB === 'undefined') {
    throw new StorageError('UNAVAILABLE', NO_INDEXEDDB_MESSAGE);
  }
  const version = options.version ?? DB_VERSION;
  let migrationError: unknown = undefined;
  let connection: PlumblineDb | undefined;
  let lost = false;
  const loseConnection = (): void => {
    if (lost) return;
    lost = true;
    options.onConnectionLost?.(new StorageError('UNAVAILABLE', CLOSED_MESSAGE));
  };

  return new Promise<PlumblineDb>((resolve, reject) => {
    let settled = false;
    openDB<PlumblineSchema>(options.name ?? DB_NAME, version, {
      upgrade(db, oldVersion, newVersion, tx) {
        runMigrations(db, tx, oldVersion, newVersion ?? version, (error) => {
          migrationError = error;
        });
      },
      blocked() {
        if (settled) return;
        settled = true;
        reject(new StorageError('BLOCKED_UPGRADE', BLOCKED_UPGRADE_MESSAGE));
      },
      blocking() {
        // A newer build in another tab wants to upgrade: step aside, or it waits on us for ever.
        connection?.close();
        loseConnection();
      },
      terminated: loseConnection,
    }).then(
      (db) => {
        if (settled) {
          db.close(); // we already reported BLOCKED_UPGRADE; nobody holds this connection
          return;
        }
        settled = true;
        connection = db;
        resolve(db);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        reject(
          migrationError === undefined
            ? toStorageError(error, 'read')
            : new StorageError('UNAVAILABLE', MIGRATION_FAILED_MESSAGE, { cause: migrationError }),
        );
      },
    );
  });
}

/**
 * Asks the browser not to evict Plumbline's data under storage pressure (best effort: browsers
 * may say no, and then data is still kept unless the device runs short).
 */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('storage' in navigator)) return false;
  try {
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

function abortQuietly(tx: { abort(): void }): void {
  try {
    tx.abort();
  } catch {
    // Already committed or aborted: nothing to undo.
  }
}

export type WriteTransaction<S extends StoreName[]> = IDBPTransaction<
  PlumblineSchema,
  S,
  'readwrite'
>;
export type ReadTransaction<S extends StoreName[]> = IDBPTransaction<PlumblineSchema, S>;

/**
 * Runs `work` in one read-write transaction over `stores`. Either all of its writes land or none
 * do: on any error the transaction is aborted, and the error comes out as a StorageError worded
 * for `action` (a quota failure that aborted the transaction is reported as QUOTA_EXCEEDED even
 * when the request itself only says AbortError).
 */
export async function inWriteTransaction<const S extends StoreName[], T>(
  db: PlumblineDb,
  stores: S,
  action: SaveAction,
  work: (tx: WriteTransaction<S>) => Promise<T>,
): Promise<T> {
  let tx: WriteTransaction<S>;
  try {
    tx = db.transaction(stores, 'readwrite');
  } catch (error) {
    throw toStorageError(error, action);
  }
  try {
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    abortQuietly(tx);
    tx.done.catch(() => undefined); // its rejection is the error we are about to throw
    // A caller's mistake (see workouts.ts) is not a storage condition: let it out as it is.
    if (error instanceof RangeError) throw error;
    const txError: unknown = tx.error;
    throw toStorageError(isQuotaError(txError) ? txError : error, action);
  }
}

export async function inReadTransaction<const S extends StoreName[], T>(
  db: PlumblineDb,
  stores: S,
  work: (tx: ReadTransaction<S>) => Promise<T>,
): Promise<T> {
  try {
    const tx = db.transaction(stores, 'readonly');
    const result = await work(tx);
    await tx.done;
    return result;
  } catch (error) {
    throw toStorageError(error, 'read');
  }
}

/** A stored record that failed validation and was skipped. */
export interface CorruptRecordReport {
  readonly store: StoreName;
  /** The record's key, as text. */
  readonly key: string;
  /** Which field was wrong, for the console and bug reports. */
  readonly reason: string;
  /** A CORRUPT_RECORD error with a message for the person. */
  readonly error: StorageError;
}

/** Valid records and the reports of those skipped, so one bad record never hides the rest. */
export interface ReadResult<T> {
  readonly records: T[];
  readonly corrupt: CorruptRecordReport[];
}

/** What each store holds, in words for `corruptMessage`. */
const RECORD_WORDS: Readonly<Record<StoreName, string>> = {
  sessions: 'workout',
  snapshots: 'posture snapshot',
  settings: 'settings record',
  checklist: 'checklist week',
  programme: 'programme',
  endurance: 'endurance test result',
  replays: 'set replay',
};

export function corruptReport(
  store: StoreName,
  key: IDBValidKey,
  path: string,
  reason: string,
): CorruptRecordReport {
  const keyText =
    typeof key === 'string' || typeof key === 'number' ? String(key) : JSON.stringify(key);
  const why = `${path}: ${reason}`;
  return {
    store,
    key: keyText,
    reason: why,
    error: new StorageError('CORRUPT_RECORD', corruptMessage(RECORD_WORDS[store]), {
      cause: new Error(`${store}/${keyText} ${why}`),
    }),
  };
}

/** Sorts one raw record from `store` into `result`: checked and kept, or reported. */
export function collect<T>(
  result: ReadResult<T>,
  store: StoreName,
  key: IDBValidKey,
  raw: unknown,
  reader: Reader<T>,
): void {
  const checked = check(reader, raw, store);
  if (checked.ok) result.records.push(checked.value);
  else result.corrupt.push(corruptReport(store, key, checked.path, checked.reason));
}

/** Every record in a store, in key order, checked one by one. */
export async function readAllChecked<T>(
  db: PlumblineDb,
  store: StoreName,
  reader: Reader<T>,
): Promise<ReadResult<T>> {
  return inReadTransaction(db, [store], async (tx) => {
    const result: ReadResult<T> = { records: [], corrupt: [] };
    for (
      let cursor = await tx.objectStore(store).openCursor();
      cursor;
      cursor = await cursor.continue()
    ) {
      collect(result, store, cursor.primaryKey, cursor.value as unknown, reader);
    }
    return result;
  });
}
