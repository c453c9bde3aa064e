/**
 * Export (JSON, CSV), import and "delete all my data".
 *
 * An imported file is untrusted: it is size-checked before it is read, parsed with a reviver that
 * refuses prototype-polluting keys, checked field by field with the same readers used for the
 * database, and only then written, in one transaction over every store, so a bad file (or a full
 * disk half-way through) changes nothing.
 */
import {
  collect,
  inReadTransaction,
  inWriteTransaction,
  type CorruptRecordReport,
  type PlumblineDb,
  type ReadResult,
} from './db';
import { StorageError } from './errors';
import {
  type ChecklistWeek,
  type PostureSnapshot,
  type ProgrammeState,
  type Settings,
  type WorkoutSession,
} from './schema';
import {
  readChecklistWeek,
  readProgramme,
  readSession,
  readSettings,
  readSnapshot,
} from './readers';
import { PROGRAMME_KEY, SETTINGS_KEY, STORE_NAMES, type StoreName } from './layout';
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

export const EXPORT_APP = 'plumbline';
/** Bump when the file's shape changes; `importAll` then needs a step from older versions. */
export const EXPORT_FORMAT_VERSION = 1;
const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [EXPORT_FORMAT_VERSION];

/**
 * 20 MiB. Years of daily use are a few MB (a session is ~10 kB of JSON, a snapshot with thumbnail
 * ~20 kB), so real exports fit with room; parsing more than this in a phone's tab risks running it
 * out of memory, and anything bigger is not a Plumbline export.
 */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** Records per list in a file: far beyond years of use, small enough to check quickly. */
export const MAX_IMPORT_RECORDS = 50_000;

export interface PlumblineExport {
  readonly app: typeof EXPORT_APP;
  readonly formatVersion: number;
  readonly exportedAt: string;
  readonly sessions: readonly WorkoutSession[];
  readonly snapshots: readonly PostureSnapshot[];
  readonly settings: Settings | null;
  readonly checklist: readonly ChecklistWeek[];
  readonly programme: ProgrammeState | null;
}

export interface ExportResult {
  readonly data: PlumblineExport;
  /** Damaged records left out of `data`; the UI should say how many. */
  readonly skipped: CorruptRecordReport[];
}

/**
 * Everything on the device that can be read, as one versioned object, read in one transaction so
 * a rep saved meanwhile is either all in or all out.
 */
export async function exportAll(
  db: PlumblineDb,
  exportedAt: string = new Date().toISOString(),
): Promise<ExportResult> {
  const sessions: ReadResult<WorkoutSession> = { records: [], corrupt: [] };
  const snapshots: ReadResult<PostureSnapshot> = { records: [], corrupt: [] };
  const checklist: ReadResult<ChecklistWeek> = { records: [], corrupt: [] };
  const settings: ReadResult<Settings> = { records: [], corrupt: [] };
  const programme: ReadResult<ProgrammeState> = { records: [], corrupt: [] };
  await inReadTransaction(db, [...STORE_NAMES], async (tx) => {
    const walk = async <T>(
      name: StoreName,
      into: ReadResult<T>,
      reader: Reader<T>,
    ): Promise<void> => {
      for (let c = await tx.objectStore(name).openCursor(); c; c = await c.continue()) {
        collect(into, name, c.primaryKey, c.value as unknown, reader);
      }
    };
    await walk('sessions', sessions, readSession);
    await walk('snapshots', snapshots, readSnapshot);
    await walk('checklist', checklist, readChecklistWeek);
    await walk('settings', settings, readSettings);
    await walk('programme', programme, readProgramme);
  });
  return {
    data: {
      app: EXPORT_APP,
      formatVersion: EXPORT_FORMAT_VERSION,
      exportedAt,
      sessions: sessions.records.sort(byKey((s) => s.startedAt)),
      snapshots: snapshots.records.sort(byKey((s) => s.takenAt)),
      // Null when never saved: an import then keeps the importer's own settings.
      settings: settings.records[0] ?? null,
      checklist: checklist.records,
      programme: programme.records[0] ?? null,
    },
    skipped: [
      ...sessions.corrupt,
      ...snapshots.corrupt,
      ...checklist.corrupt,
      ...settings.corrupt,
      ...programme.corrupt,
    ],
  };
}

function byKey<T>(key: (value: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** The export as pretty-printed JSON text, ready for a download. */
export function toJson(data: PlumblineExport): string {
  return JSON.stringify(data, null, 2);
}

// ---------------------------------------------------------------------------------------------
// CSV

const CSV_LINE_END = '\r\n'; // RFC 4180

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) is
 * prefixed with `'`; only text cells, so negative numbers stay numbers. Then RFC 4180 quoting.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return (
    [header, ...rows].map((row) => row.map(csvCell).join(',')).join(CSV_LINE_END) + CSV_LINE_END
  );
}

export const SESSION_CSV_HEADER = [
  'session_id',
  'session_started_at',
  'exercise',
  'strictness',
  'set_index',
  'set_started_at',
  'set_ended_at',
  'set_hold_seconds',
  'set_good_form_share',
  'rep_index',
  'side',
  'start_ms',
  'end_ms',
  'faults',
  'range_min_deg',
  'range_max_deg',
] as const;

/**
 * One row per rep. A set with no reps (a hold) still gets one row, with the rep columns empty, so
 * holds are not lost from the table. Faults are joined with `;`.
 */
export function toCsv(sessions: readonly WorkoutSession[]): string {
  const rows: (string | number | null)[][] = [];
  for (const session of sessions) {
    for (const set of session.sets) {
      const setCells = [
        session.id,
        session.startedAt,
        session.exercise,
        session.strictness,
        set.index,
        set.startedAt,
        set.endedAt,
        set.holdSeconds,
        set.goodFormShare,
      ];
      if (set.reps.length === 0) rows.push([...setCells, null, null, null, null, null, null, null]);
      set.reps.forEach((rep, repIndex) => {
        rows.push([
          ...setCells,
          repIndex,
          rep.side,
          rep.startMs,
          rep.endMs,
          rep.faults.join(';'),
          rep.rangeOfMotion.min,
          rep.rangeOfMotion.max,
        ]);
      });
    }
  }
  return csvTable(SESSION_CSV_HEADER, rows);
}

export const SNAPSHOT_CSV_HEADER = [
  'snapshot_id',
  'taken_at',
  'source',
  'view',
  'faults',
  'metric',
  'value',
] as const;

/** One row per snapshot metric (long format, since each check reports its own metrics). */
export function snapshotsToCsv(snapshots: readonly PostureSnapshot[]): string {
  const rows: (string | number | null)[][] = [];
  for (const snap of snapshots) {
    const cells = [snap.id, snap.takenAt, snap.source, snap.view, snap.faults.join(';')];
    const metrics = Object.entries(snap.metrics).sort(([a], [b]) => a.localeCompare(b));
    if (metrics.length === 0) rows.push([...cells, null, null]);
    for (const [name, value] of metrics) rows.push([...cells, name, value]);
  }
  return csvTable(SNAPSHOT_CSV_HEADER, rows);
}

// ---------------------------------------------------------------------------------------------
// Import

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

/** Checks a parsed file completely; pure, so the UI can show a summary before importing. */
export function readExport(input: unknown, path = 'file'): PlumblineExport {
  const o = readObject(input, path, [
    'app',
    'formatVersion',
    'exportedAt',
    'sessions',
    'snapshots',
    'settings',
    'checklist',
    'programme',
  ]);
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
  return {
    app: EXPORT_APP,
    formatVersion,
    exportedAt: readIsoDateTime(o.exportedAt, `${path}.exportedAt`),
    sessions,
    snapshots,
    settings: readNullable(o.settings, `${path}.settings`, readSettings),
    checklist,
    programme: readNullable(o.programme, `${path}.programme`, readProgramme),
  };
}

/** Parses and checks export text: INVALID_IMPORT or TOO_LARGE, with nothing touched. */
export function parseExport(text: string): PlumblineExport {
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
}

/** Imports export text in one transaction: all of it, or (on any error) none of it. */
export async function importAll(
  db: PlumblineDb,
  text: string,
  options: ImportOptions,
): Promise<ImportSummary> {
  const data = parseExport(text);
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
    if (data.settings) queue(tx.objectStore('settings').put(data.settings, SETTINGS_KEY));
    if (data.programme) queue(tx.objectStore('programme').put(data.programme, PROGRAMME_KEY));
    await Promise.all(pending);
  });
  return {
    sessions: data.sessions.length,
    snapshots: data.snapshots.length,
    checklistWeeks: data.checklist.length,
    settings: data.settings !== null,
    programme: data.programme !== null,
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

/**
 * Deletes every record, in one transaction. The stores stay (so other open tabs keep working,
 * empty), which `indexedDB.deleteDatabase` would not allow while they are open.
 */
export async function deleteAllData(db: PlumblineDb): Promise<void> {
  await inWriteTransaction(db, [...STORE_NAMES], 'delete', async (tx) => {
    await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  });
}
