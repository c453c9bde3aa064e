/**
 * Import. An imported file is untrusted: it is size-checked before it is read, parsed with a reviver
 * that refuses prototype-polluting keys, checked field by field with the same readers used for the
 * database, and only then written, in one transaction over every store, so a bad file (or a full
 * disk half-way through) changes nothing.
 */
import { inWriteTransaction, type PlumblineDb } from './db';
import { StorageError } from './errors';
import {
  readChecklistWeek,
  readEndurance,
  readProgramme,
  readReplay,
  readSession,
  readSettings,
  readSnapshot,
} from './readers';
import { PROGRAMME_KEY, SETTINGS_KEY, STORE_NAMES } from './layout';
import { pruneReplays } from './replays';
import type { ReplayRecord } from './schema';
import {
  FORBIDDEN_KEYS,
  ValidationFailure,
  check,
  readArray,
  readIsoDateTime,
  readNullable,
  readObject,
  type Reader,
} from './validate';
import {
  EXPORT_APP,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_RECORDS,
  type PlumblineExport,
  SUPPORTED_FORMAT_VERSIONS,
} from './export';

function invalid(detail: string): StorageError {
  return new StorageError(
    'INVALID_IMPORT',
    `This file is not a Plumbline export Plumbline can read, so nothing was imported and your data is unchanged. (${detail})`,
  );
}

function tooLarge(bytes: number): StorageError {
  const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
  return new StorageError(
    'TOO_LARGE',
    `This file is ${mb(bytes)} MB, more than the ${mb(MAX_IMPORT_BYTES)} MB a Plumbline export can be, so nothing was imported and your data is unchanged.`,
  );
}

function utf8Length(text: string): number {
  // Each UTF-16 unit is 1 to 3 UTF-8 bytes: skip encoding when the bounds already decide.
  if (text.length > MAX_IMPORT_BYTES) return text.length;
  if (text.length * 3 <= MAX_IMPORT_BYTES) return text.length;
  return new TextEncoder().encode(text).byteLength;
}

/** Refuses `__proto__` and friends at any depth, before anything could copy them. */
function refusePollution(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new ValidationFailure(key, 'forbidden key');
  return value;
}

function readUniqueIds<T>(list: readonly T[], id: (value: T) => string, path: string): void {
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const key = id(value);
    if (seen.has(key)) throw new ValidationFailure(`${path}[${index}]`, `duplicate id ${key}`);
    seen.add(key);
  });
}

function readList<T>(input: unknown, path: string, reader: Reader<T>): T[] {
  return readArray(input, path, MAX_IMPORT_RECORDS, reader);
}

/**
 * The file's replays that can be read and whose workout the file holds. A replay is extra: a bad one
 * is left out (and counted), never a reason to refuse the workouts with it.
 */
function readReplaysKept(
  input: unknown,
  path: string,
  sessionIds: ReadonlySet<string>,
): { readonly replays: ReplayRecord[]; readonly skipped: number } {
  if (input === undefined) return { replays: [], skipped: 0 };
  const list = readArray(input, path, MAX_IMPORT_RECORDS, (value) => value);
  const replays: ReplayRecord[] = [];
  const seen = new Set<string>();
  list.forEach((value, index) => {
    const checked = check(readReplay, value, `${path}[${index}]`);
    if (checked.ok && sessionIds.has(checked.value.sessionId) && !seen.has(checked.value.id)) {
      seen.add(checked.value.id);
      replays.push(checked.value);
    }
  });
  return { replays, skipped: list.length - replays.length };
}

/** A checked file, and how many of its replays were left out (`readReplaysKept`). */
export interface ReadExport {
  readonly data: PlumblineExport;
  readonly replaysSkipped: number;
}

/** Checks a parsed file completely; pure, so the UI can show a summary before importing. */
export function readExport(input: unknown, path = 'file'): ReadExport {
  const o = readObject(
    input,
    path,
    [
      'app',
      'formatVersion',
      'exportedAt',
      'sessions',
      'snapshots',
      'settings',
      'checklist',
      'programme',
    ],
    ['endurance', 'replays'],
  );
  if (o.app !== EXPORT_APP) throw new ValidationFailure(`${path}.app`, 'not a Plumbline export');
  const formatVersion = o.formatVersion;
  if (typeof formatVersion !== 'number' || !SUPPORTED_FORMAT_VERSIONS.includes(formatVersion)) {
    throw new ValidationFailure(
      `${path}.formatVersion`,
      'a format this version of Plumbline does not know',
    );
  }
  const sessions = readList(o.sessions, `${path}.sessions`, readSession);
  const snapshots = readList(o.snapshots, `${path}.snapshots`, readSnapshot);
  const checklist = readList(o.checklist, `${path}.checklist`, readChecklistWeek);
  readUniqueIds(sessions, (s) => s.id, `${path}.sessions`);
  readUniqueIds(snapshots, (s) => s.id, `${path}.snapshots`);
  readUniqueIds(checklist, (w) => w.weekStart, `${path}.checklist`);
  const endurance =
    o.endurance === undefined ? [] : readList(o.endurance, `${path}.endurance`, readEndurance);
  readUniqueIds(endurance, (r) => r.id, `${path}.endurance`);
  const replays = readReplaysKept(o.replays, `${path}.replays`, new Set(sessions.map((s) => s.id)));
  const data: PlumblineExport = {
    app: EXPORT_APP,
    formatVersion,
    exportedAt: readIsoDateTime(o.exportedAt, `${path}.exportedAt`),
    sessions,
    snapshots,
    settings: readNullable(o.settings, `${path}.settings`, readSettings),
    checklist,
    programme: readNullable(o.programme, `${path}.programme`, readProgramme),
    endurance,
    replays: replays.replays,
  };
  return { data, replaysSkipped: replays.skipped };
}

/** Parses and checks export text: INVALID_IMPORT or TOO_LARGE, with nothing touched. */
export function parseExport(text: string): ReadExport {
  const bytes = utf8Length(text);
  if (bytes > MAX_IMPORT_BYTES) throw tooLarge(bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, refusePollution);
  } catch (error) {
    if (error instanceof ValidationFailure) throw invalid(`${error.path}: ${error.reason}`);
    // A SyntaxError, or a RangeError from nesting deep enough to exhaust the stack.
    throw invalid(error instanceof SyntaxError ? 'not valid JSON' : 'nested too deeply to read');
  }
  const checked = check(readExport, parsed, 'file');
  if (!checked.ok) throw invalid(`${checked.path}: ${checked.reason}`);
  return checked.value;
}

export interface ImportOptions {
  /**
   * `replace`: the device ends up holding exactly the file's data (restoring a backup on a new
   * device). `merge`: the file's records are added, replacing records with the same id, and
   * nothing else is removed. No default: the UI must say which it is doing before the person
   * confirms.
   */
  readonly mode: 'replace' | 'merge';
}

export interface ImportSummary {
  readonly sessions: number;
  readonly snapshots: number;
  readonly checklistWeeks: number;
  readonly settings: boolean;
  readonly programme: boolean;
  readonly enduranceResults: number;
  readonly replays: number;
  /** Replays in the file that could not be read (or whose workout it lacks): left out. */
  readonly replaysSkipped: number;
}

/** Imports export text in one transaction: all of it, or (on any error) none of it. */
export async function importAll(
  db: PlumblineDb,
  text: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const { data, replaysSkipped } = parseExport(text);
  await inWriteTransaction(db, [...STORE_NAMES], 'import', async (tx) => {
    if (options.mode === 'replace') {
      await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
    }
    // Queue every write, then wait for all. Each request gets a handler at once, so if one
    // throws (a full disk) the rest, aborted with the transaction, are not unhandled rejections.
    const pending: Promise<unknown>[] = [];
    const queue = (request: Promise<unknown>): void => {
      request.catch(() => undefined);
      pending.push(request);
    };
    const sessions = tx.objectStore('sessions');
    const snapshots = tx.objectStore('snapshots');
    const checklist = tx.objectStore('checklist');
    for (const session of data.sessions) queue(sessions.put(session));
    for (const snapshot of data.snapshots) queue(snapshots.put(snapshot));
    for (const week of data.checklist) queue(checklist.put(week));
    const endurance = tx.objectStore('endurance');
    for (const record of data.endurance ?? []) queue(endurance.put(record));
    if (data.settings) queue(tx.objectStore('settings').put(data.settings, SETTINGS_KEY));
    if (data.programme) queue(tx.objectStore('programme').put(data.programme, PROGRAMME_KEY));
    const replays = tx.objectStore('replays');
    for (const record of data.replays ?? []) queue(replays.put(record));
    await Promise.all(pending);
    await pruneReplays(replays);
  });
  return {
    sessions: data.sessions.length,
    snapshots: data.snapshots.length,
    checklistWeeks: data.checklist.length,
    settings: data.settings !== null,
    programme: data.programme !== null,
    enduranceResults: data.endurance?.length ?? 0,
    replays: data.replays?.length ?? 0,
    replaysSkipped,
  };
}

/**
 * Imports a chosen file. Its size is checked before its text is read, so a huge file is refused
 * without being loaded into memory.
 */
export async function importFile(
  db: PlumblineDb,
  file: Blob,
  options: ImportOptions,
): Promise<ImportSummary> {
  if (file.size > MAX_IMPORT_BYTES) throw tooLarge(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    throw new StorageError(
      'INVALID_IMPORT',
      'This file could not be read, so nothing was imported and your data is unchanged.',
      {
        cause: error,
      },
    );
  }
  return importAll(db, text, options);
}
