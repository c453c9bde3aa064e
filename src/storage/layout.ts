/** How the records of schema.ts are laid out in IndexedDB, and how older layouts are migrated. */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type {
  ChecklistWeek,
  EnduranceRecord,
  PostureSnapshot,
  ProgrammeState,
  ReplayRecord,
  Settings,
  WorkoutSession,
} from './schema';

export const DB_NAME = 'plumbline';

/** Keys of the one-record stores. */
export const SETTINGS_KEY = 'settings';
export const PROGRAMME_KEY = 'programme';

export interface PlumblineSchema extends DBSchema {
  sessions: {
    key: string;
    value: WorkoutSession;
    indexes: { 'by-startedAt': string; 'by-exercise': [string, string] };
  };
  snapshots: { key: string; value: PostureSnapshot; indexes: { 'by-takenAt': string } };
  /** One record under `SETTINGS_KEY`. */
  settings: { key: string; value: Settings };
  /** Keyed by `weekStart`. */
  checklist: { key: string; value: ChecklistWeek };
  /** One record under `PROGRAMME_KEY`. */
  programme: { key: string; value: ProgrammeState };
  /** Trunk endurance test holds (added in v3). */
  endurance: { key: string; value: EnduranceRecord; indexes: { 'by-takenAt': string } };
  /** Sets recorded for replay (added in v4), keyed `<sessionId>/<setIndex>`. */
  replays: {
    key: string;
    value: ReplayRecord;
    indexes: { 'by-session': string; 'by-recordedAt': string };
  };
}

export type StoreName = StoreNames<PlumblineSchema>;
export const STORE_NAMES: readonly StoreName[] = [
  'sessions',
  'snapshots',
  'settings',
  'checklist',
  'programme',
  'endurance',
  'replays',
];

export type UpgradeTransaction = IDBPTransaction<PlumblineSchema, StoreName[], 'versionchange'>;

export interface Migration {
  /** The database version this step produces. */
  readonly version: number;
  /** Why the step exists, for whoever reads the list later. */
  readonly why: string;
  /**
   * Runs inside the upgrade transaction. It must only queue IndexedDB requests on `tx` (awaiting
   * anything else lets the transaction commit early); the open waits for them to finish.
   */
  readonly migrate: (
    db: IDBPDatabase<PlumblineSchema>,
    tx: UpgradeTransaction,
  ) => Promise<void> | void;
}

/**
 * Append-only: a step never changes once released, because databases on people's devices have
 * already run it. To change the layout, add a step with the next version.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'Create the stores.',
    migrate(db) {
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('by-startedAt', 'startedAt');
      const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
      snapshots.createIndex('by-takenAt', 'takenAt');
      db.createObjectStore('settings');
      db.createObjectStore('checklist', { keyPath: 'weekStart' });
      db.createObjectStore('programme');
    },
  },
  {
    version: 2,
    why:
      'Sessions gain `endedAt` (to tell a finished workout from one cut short by a closed tab) and an ' +
      'index by exercise then date, for personal bests and per-exercise history.',
    async migrate(_db, tx) {
      const store = tx.objectStore('sessions');
      store.createIndex('by-exercise', ['exercise', 'startedAt']);
      let cursor = await store.openCursor();
      while (cursor) {
        const value: unknown = cursor.value;
        // Damaged records are left as they are: listSessions reports them; a migration must not
        // fail (and so block the app) because of one bad record.
        if (typeof value === 'object' && value !== null && !('endedAt' in value)) {
          await cursor.update({ ...value, endedAt: lastSetEnd(value) } as WorkoutSession);
        }
        cursor = await cursor.continue();
      }
    },
  },
  {
    version: 3,
    why: 'Trunk endurance test results get their own store: a test is a measurement, not a workout.',
    migrate(db) {
      const endurance = db.createObjectStore('endurance', { keyPath: 'id' });
      endurance.createIndex('by-takenAt', 'takenAt');
    },
  },
  {
    version: 4,
    why:
      'Set replays (skeleton, back outline and fault timeline) get their own store, so the ' +
      'History, which reads every workout, never loads them; indexed by workout (deleted with it) ' +
      'and by date (the oldest pruned).',
    migrate(db) {
      const replays = db.createObjectStore('replays', { keyPath: 'id' });
      replays.createIndex('by-session', 'sessionId');
      replays.createIndex('by-recordedAt', 'recordedAt');
    },
  },
];

/** A v1 session ended when its last set did, if it did. */
function lastSetEnd(value: object): string | null {
  if (!('sets' in value) || !Array.isArray(value.sets)) return null;
  const sets: readonly unknown[] = value.sets;
  const last = sets.at(-1);
  if (typeof last !== 'object' || last === null || !('endedAt' in last)) return null;
  return typeof last.endedAt === 'string' ? last.endedAt : null;
}

const lastMigration = MIGRATIONS.at(-1);
if (lastMigration === undefined) throw new Error('MIGRATIONS is empty');
/** The version this build opens: the last migration's. */
export const DB_VERSION: number = lastMigration.version;
