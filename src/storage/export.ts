/**
 * Export (JSON) and "delete all my data". csv.ts writes the spreadsheet exports; import.ts reads a
 * file back.
 */
import {
  collect,
  inReadTransaction,
  inWriteTransaction,
  type CorruptRecordReport,
  type PlumblineDb,
  type ReadResult,
} from './db';
import {
  type ChecklistWeek,
  type EnduranceRecord,
  type PostureSnapshot,
  type ProgrammeState,
  type ReplayRecord,
  type Settings,
  type WorkoutSession,
} from './schema';
import {
  readChecklistWeek,
  readEndurance,
  readProgramme,
  readReplay,
  readSession,
  readSettings,
  readSnapshot,
} from './readers';
import { STORE_NAMES, type StoreName } from './layout';
import { type Reader } from './validate';

export const EXPORT_APP = 'plumbline';
/** Bump when the file's shape changes; `importAll` then needs a step from older versions. */
export const EXPORT_FORMAT_VERSION = 1;
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [EXPORT_FORMAT_VERSION];

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
  /**
   * Trunk endurance test holds, oldest first. Optional in a file: exports written before the
   * tests existed have none (an optional key, so the format version stays 1).
   */
  readonly endurance?: readonly EnduranceRecord[];
  /**
   * Set replays (skeleton, back outline, fault timeline), oldest first: in the JSON backup only,
   * never in what the History reads (`exportAll` without `replays`). Optional in a file.
   */
  readonly replays?: readonly ReplayRecord[];
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
  { replays: withReplays = false }: { readonly replays?: boolean } = {},
): Promise<ExportResult> {
  const sessions: ReadResult<WorkoutSession> = { records: [], corrupt: [] };
  const snapshots: ReadResult<PostureSnapshot> = { records: [], corrupt: [] };
  const checklist: ReadResult<ChecklistWeek> = { records: [], corrupt: [] };
  const settings: ReadResult<Settings> = { records: [], corrupt: [] };
  const programme: ReadResult<ProgrammeState> = { records: [], corrupt: [] };
  const endurance: ReadResult<EnduranceRecord> = { records: [], corrupt: [] };
  const replays: ReadResult<ReplayRecord> = { records: [], corrupt: [] };
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
    await walk('endurance', endurance, readEndurance);
    if (withReplays) await walk('replays', replays, readReplay);
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
      endurance: endurance.records.sort(byKey((r) => r.takenAt)),
      ...(withReplays ? { replays: replays.records.sort(byKey((r) => r.recordedAt)) } : {}),
    },
    skipped: [
      ...sessions.corrupt,
      ...snapshots.corrupt,
      ...checklist.corrupt,
      ...settings.corrupt,
      ...programme.corrupt,
      ...endurance.corrupt,
      ...replays.corrupt,
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

/**
 * Deletes every record, in one transaction. The stores stay (so other open tabs keep working,
 * empty), which `indexedDB.deleteDatabase` would not allow while they are open.
 */
export async function deleteAllData(db: PlumblineDb): Promise<void> {
  await inWriteTransaction(db, [...STORE_NAMES], 'delete', async (tx) => {
    await Promise.all(STORE_NAMES.map((name) => tx.objectStore(name).clear()));
  });
}
