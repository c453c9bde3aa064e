/**
 * What Plumbline keeps on the device, how it is laid out in IndexedDB, and how older layouts are
 * migrated. Record types are plain data (structured-clone and JSON safe); each has a reader that
 * checks a value from disk or from an imported file field by field.
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Strictness } from '../pose/exercises/types';
import type { View } from '../pose/view';
import {
  ValidationFailure,
  readArray,
  readBoolean,
  readIsoDate,
  readIsoDateTime,
  readNullable,
  readNumber,
  readObject,
  readOneOf,
  readRecord,
  readString,
} from './validate';

// ---------------------------------------------------------------------------------------------
// Limits. They bound what a record (or an imported file) may hold, so a damaged or hostile value
// cannot make the app allocate without end; each sits well above anything real use produces.

/** Ids we generate are UUIDs (36 characters); leave room for ids from older builds. */
export const MAX_ID_LENGTH = 64;
/** Exercise and engine ids are short slugs such as `side-plank`. */
const SLUG = /^[a-z][a-z0-9-]{0,31}$/;
/** Fault ids are `<exercise>.<fault>` such as `plank.hips-sagging` (src/pose/exercises/types.ts). */
const FAULT_ID = /^[a-z][a-z0-9-]{0,31}\.[a-z][a-z0-9-]{0,47}$/;
/** Ids we generate (UUIDs) or hand-made ones in tests: letters, digits, `-` and `_` only. */
const RECORD_ID = /^[A-Za-z0-9_-]+$/;
/** Metric and checklist item names: `forwardHeadDeg`, `week1.bird-dog`; never `__proto__`. */
const NAME_KEY = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** A session is a handful of sets; 100 in one session is not real. */
export const MAX_SETS_PER_SESSION = 100;
/** A set of 1000 reps is beyond any back exercise; past it a record is damaged. */
export const MAX_REPS_PER_SET = 1000;
/** Each exercise has 2-3 faults (src/pose/exercises/types.ts); 32 leaves room for new ones. */
export const MAX_FAULTS_PER_RECORD = 32;
/** A snapshot reports a dozen angles and ratios; 64 leaves room. */
export const MAX_METRICS = 64;
/** Checklist items per week (a handful in the programme). */
export const MAX_CHECKLIST_ITEMS = 64;
/** Metric values are degrees, ratios or pixels: anything past a million is garbage. */
export const MAX_ABS_METRIC = 1_000_000;
/** Range of motion is a rep signal: at most an angle in degrees (other units are far smaller). */
export const MAX_ABS_DEGREES = 360;
/**
 * Rep times are milliseconds on the session's clock (frame timestamps, which start near 0 when the
 * page loads); a week of an open tab is the most that can be real.
 */
export const MAX_CLOCK_MS = 7 * 24 * 60 * 60 * 1000;
/** A single hold longer than a day is not a plank. */
export const MAX_HOLD_SECONDS = 24 * 60 * 60;
/**
 * A thumbnail is a small JPEG/PNG/WebP data URL (about 160 px wide, 5-20 kB). 100 000 characters
 * (about 73 kB of image) allows some slack but keeps full photos out of the database.
 */
export const MAX_THUMBNAIL_CHARS = 100_000;
/** Only raster images: an SVG or `javascript:` URL in an imported file must never reach an <img>. */
const THUMBNAIL_DATA_URL = /^data:image\/(?:jpeg|png|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
/** Session ids a programme records as done: 4 weeks of daily sessions, twice over. */
export const MAX_PROGRAMME_SESSIONS = 64;
/** Programme weeks. */
export const PROGRAMME_WEEKS = 4;

// ---------------------------------------------------------------------------------------------
// Records

/**
 * Every strictness level and view in src/pose: `satisfies Record<..., true>` stops compiling if
 * one is added there and not here (or removed there and left here), so validation keeps up.
 */
const STRICTNESS_SET = { beginner: true, advanced: true } as const satisfies Record<
  Strictness,
  true
>;
export const STRICTNESS_LEVELS = Object.keys(STRICTNESS_SET) as readonly Strictness[];

const VIEW_SET = {
  side: true,
  front: true,
  'three-quarter': true,
  unknown: true,
} as const satisfies Record<View, true>;
export const VIEWS = Object.keys(VIEW_SET) as readonly View[];

export type RepSide = 'left' | 'right' | null;

export interface RangeOfMotion {
  /**
   * The exercise's rep signal at its lowest and highest in the rep, in that signal's unit (see
   * `RepExercise.repSignal`): degrees for the glute bridge and superman, a 0-1 limb lift for the
   * bird-dog, torso lengths for the dead bug.
   */
  readonly min: number;
  readonly max: number;
}

export interface RepRecord {
  /** The working side for one-sided reps (bird-dog, side plank); null for both sides at once. */
  readonly side: RepSide;
  /** Milliseconds on the session's clock (frame timestamps). */
  readonly startMs: number;
  readonly endMs: number;
  /** Fault ids seen during the rep (`plank.hips-sagging`, ...). */
  readonly faults: readonly string[];
  readonly rangeOfMotion: RangeOfMotion;
}

/**
 * How a set ended: its target was reached, the person ended it early, left the workout during it,
 * or stopped it with the pain button.
 */
export type SetEndedBy = 'target' | 'person' | 'stopped' | 'pain';
export const SET_ENDINGS: readonly SetEndedBy[] = ['target', 'person', 'stopped', 'pain'];

export interface SetRecord {
  /** Position in `sessions.sets`, from 0. */
  readonly index: number;
  readonly startedAt: string;
  /** Null while the set is under way (or if the tab closed during it). */
  readonly endedAt: string | null;
  /**
   * How it ended; absent while under way, if the tab closed during it, and in records written
   * before this field existed (an optional field, so no migration).
   */
  readonly endedBy?: SetEndedBy;
  readonly reps: readonly RepRecord[];
  /** Good-form seconds held (hold exercises); 0 for rep exercises. */
  readonly holdSeconds: number;
  /** 0..1: clean reps over reps, or good-form time over hold time. */
  readonly goodFormShare: number;
}

/** What the programme asked for when the session started (null for free training). */
export interface SessionPlan {
  readonly programmeWeek: number | null;
  readonly targetSets: number;
  readonly targetReps: number | null;
  readonly targetHoldSeconds: number | null;
}

export interface WorkoutSession {
  readonly id: string;
  readonly startedAt: string;
  /** Set when the person finishes; null while under way or if the tab closed (added in v2). */
  readonly endedAt: string | null;
  /** An exercise id such as `plank` (kept as a string so old records survive a rename). */
  readonly exercise: string;
  readonly strictness: Strictness;
  readonly plan: SessionPlan | null;
  readonly sets: readonly SetRecord[];
}

export type SnapshotSource = 'camera' | 'photo';

export interface PostureSnapshot {
  readonly id: string;
  readonly takenAt: string;
  readonly source: SnapshotSource;
  readonly view: View;
  /** Named numbers from the posture check (`forwardHeadDeg`, ...), as the checker reports them. */
  readonly metrics: Readonly<Record<string, number>>;
  readonly faults: readonly string[];
  /**
   * A small image as a data URL (not a Blob): it survives JSON export and import unchanged, its
   * size is checked with a string length, and its type is checked by its prefix.
   */
  readonly thumbnail: string | null;
}

export interface Settings {
  readonly strictness: Strictness;
  readonly voiceCues: boolean;
  /** The pose engine last chosen (`mediapipe`, `movenet`), or null for the default. */
  readonly preferredEngine: string | null;
}

export const DEFAULT_SETTINGS: Settings = {
  strictness: 'beginner',
  voiceCues: true,
  preferredEngine: null,
};

export interface ChecklistItem {
  readonly done: boolean;
  /** Ticked by the app after a session, or by the person by hand. */
  readonly by: 'app' | 'person';
}

export interface ChecklistWeek {
  /** The Monday (or first day) of the week, YYYY-MM-DD in local time. */
  readonly weekStart: string;
  readonly items: Readonly<Record<string, ChecklistItem>>;
}

export interface ProgrammeState {
  /** YYYY-MM-DD, local time. */
  readonly startedOn: string;
  /** 1 to `PROGRAMME_WEEKS`. */
  readonly week: number;
  /** Sessions counted towards the programme, most recent last. */
  readonly completedSessionIds: readonly string[];
  /** The person paused the programme (holiday, sore back). */
  readonly paused: boolean;
}

// ---------------------------------------------------------------------------------------------
// Readers

const ID_RULE = {
  maxLength: MAX_ID_LENGTH,
  minLength: 1,
  pattern: RECORD_ID,
  patternName: 'an id',
};

export function readId(input: unknown, path: string): string {
  return readString(input, path, ID_RULE);
}

/** Exercise and engine ids: short lowercase slugs. */
function readSlug(input: unknown, path: string): string {
  return readString(input, path, {
    maxLength: 32,
    pattern: SLUG,
    patternName: 'a short id such as side-plank',
  });
}

function readFaultId(input: unknown, path: string): string {
  return readString(input, path, { maxLength: 80, pattern: FAULT_ID, patternName: 'a fault id' });
}

function readFaults(input: unknown, path: string): string[] {
  return readArray(input, path, MAX_FAULTS_PER_RECORD, readFaultId);
}

function readDegrees(input: unknown, path: string): number {
  return readNumber(input, path, { min: -MAX_ABS_DEGREES, max: MAX_ABS_DEGREES });
}

export function readRep(input: unknown, path: string): RepRecord {
  const o = readObject(input, path, ['side', 'startMs', 'endMs', 'faults', 'rangeOfMotion']);
  const side = o.side === null ? null : readOneOf(o.side, `${path}.side`, ['left', 'right']);
  const startMs = readNumber(o.startMs, `${path}.startMs`, { min: 0, max: MAX_CLOCK_MS });
  const endMs = readNumber(o.endMs, `${path}.endMs`, { min: 0, max: MAX_CLOCK_MS });
  if (endMs < startMs) throw new ValidationFailure(`${path}.endMs`, 'before startMs');
  const rom = readObject(o.rangeOfMotion, `${path}.rangeOfMotion`, ['min', 'max']);
  const min = readDegrees(rom.min, `${path}.rangeOfMotion.min`);
  const max = readDegrees(rom.max, `${path}.rangeOfMotion.max`);
  if (max < min) throw new ValidationFailure(`${path}.rangeOfMotion.max`, 'below min');
  return {
    side,
    startMs,
    endMs,
    faults: readFaults(o.faults, `${path}.faults`),
    rangeOfMotion: { min, max },
  };
}

function readShare(input: unknown, path: string): number {
  return readNumber(input, path, { min: 0, max: 1 });
}

export function readSet(input: unknown, path: string): SetRecord {
  const o = readObject(
    input,
    path,
    ['index', 'startedAt', 'endedAt', 'reps', 'holdSeconds', 'goodFormShare'],
    ['endedBy'],
  );
  return {
    index: readNumber(o.index, `${path}.index`, {
      min: 0,
      max: MAX_SETS_PER_SESSION,
      integer: true,
    }),
    startedAt: readIsoDateTime(o.startedAt, `${path}.startedAt`),
    endedAt: readNullable(o.endedAt, `${path}.endedAt`, readIsoDateTime),
    reps: readArray(o.reps, `${path}.reps`, MAX_REPS_PER_SET, readRep),
    holdSeconds: readNumber(o.holdSeconds, `${path}.holdSeconds`, {
      min: 0,
      max: MAX_HOLD_SECONDS,
    }),
    goodFormShare: readShare(o.goodFormShare, `${path}.goodFormShare`),
    ...(o.endedBy === undefined
      ? {}
      : { endedBy: readOneOf(o.endedBy, `${path}.endedBy`, SET_ENDINGS) }),
  };
}

function readCount(input: unknown, path: string): number {
  return readNumber(input, path, { min: 0, max: MAX_REPS_PER_SET, integer: true });
}

function readPlan(input: unknown, path: string): SessionPlan {
  const o = readObject(input, path, [
    'programmeWeek',
    'targetSets',
    'targetReps',
    'targetHoldSeconds',
  ]);
  return {
    programmeWeek: readNullable(o.programmeWeek, `${path}.programmeWeek`, (v, p) =>
      readNumber(v, p, { min: 1, max: PROGRAMME_WEEKS, integer: true }),
    ),
    targetSets: readNumber(o.targetSets, `${path}.targetSets`, {
      min: 0,
      max: MAX_SETS_PER_SESSION,
      integer: true,
    }),
    targetReps: readNullable(o.targetReps, `${path}.targetReps`, readCount),
    targetHoldSeconds: readNullable(o.targetHoldSeconds, `${path}.targetHoldSeconds`, (v, p) =>
      readNumber(v, p, { min: 0, max: MAX_HOLD_SECONDS }),
    ),
  };
}

export function readSession(input: unknown, path: string): WorkoutSession {
  const o = readObject(input, path, [
    'id',
    'startedAt',
    'endedAt',
    'exercise',
    'strictness',
    'plan',
    'sets',
  ]);
  const sets = readArray(o.sets, `${path}.sets`, MAX_SETS_PER_SESSION, readSet);
  sets.forEach((set, position) => {
    // `index` is how appendRep finds a set; a mismatch would write reps into the wrong one.
    if (set.index !== position)
      throw new ValidationFailure(`${path}.sets[${position}].index`, 'out of order');
  });
  return {
    id: readId(o.id, `${path}.id`),
    startedAt: readIsoDateTime(o.startedAt, `${path}.startedAt`),
    endedAt: readNullable(o.endedAt, `${path}.endedAt`, readIsoDateTime),
    exercise: readSlug(o.exercise, `${path}.exercise`),
    strictness: readOneOf(o.strictness, `${path}.strictness`, STRICTNESS_LEVELS),
    plan: readNullable(o.plan, `${path}.plan`, readPlan),
    sets,
  };
}

export function readSnapshot(input: unknown, path: string): PostureSnapshot {
  const o = readObject(input, path, [
    'id',
    'takenAt',
    'source',
    'view',
    'metrics',
    'faults',
    'thumbnail',
  ]);
  return {
    id: readId(o.id, `${path}.id`),
    takenAt: readIsoDateTime(o.takenAt, `${path}.takenAt`),
    source: readOneOf(o.source, `${path}.source`, ['camera', 'photo']),
    view: readOneOf(o.view, `${path}.view`, VIEWS),
    metrics: readRecord(
      o.metrics,
      `${path}.metrics`,
      { maxKeys: MAX_METRICS, keyPattern: NAME_KEY },
      (v, p) => readNumber(v, p, { min: -MAX_ABS_METRIC, max: MAX_ABS_METRIC }),
    ),
    faults: readFaults(o.faults, `${path}.faults`),
    thumbnail: readNullable(o.thumbnail, `${path}.thumbnail`, (v, p) =>
      readString(v, p, {
        maxLength: MAX_THUMBNAIL_CHARS,
        pattern: THUMBNAIL_DATA_URL,
        patternName: 'a JPEG, PNG or WebP data URL',
      }),
    ),
  };
}

export function readSettings(input: unknown, path: string): Settings {
  const o = readObject(input, path, ['strictness', 'voiceCues', 'preferredEngine']);
  return {
    strictness: readOneOf(o.strictness, `${path}.strictness`, STRICTNESS_LEVELS),
    voiceCues: readBoolean(o.voiceCues, `${path}.voiceCues`),
    preferredEngine: readNullable(o.preferredEngine, `${path}.preferredEngine`, readSlug),
  };
}

export function readChecklistWeek(input: unknown, path: string): ChecklistWeek {
  const o = readObject(input, path, ['weekStart', 'items']);
  return {
    weekStart: readIsoDate(o.weekStart, `${path}.weekStart`),
    items: readRecord(
      o.items,
      `${path}.items`,
      { maxKeys: MAX_CHECKLIST_ITEMS, keyPattern: NAME_KEY },
      (v, p) => {
        const item = readObject(v, p, ['done', 'by']);
        return {
          done: readBoolean(item.done, `${p}.done`),
          by: readOneOf(item.by, `${p}.by`, ['app', 'person']),
        };
      },
    ),
  };
}

export function readProgramme(input: unknown, path: string): ProgrammeState {
  const o = readObject(input, path, ['startedOn', 'week', 'completedSessionIds', 'paused']);
  return {
    startedOn: readIsoDate(o.startedOn, `${path}.startedOn`),
    week: readNumber(o.week, `${path}.week`, { min: 1, max: PROGRAMME_WEEKS, integer: true }),
    completedSessionIds: readArray(
      o.completedSessionIds,
      `${path}.completedSessionIds`,
      MAX_PROGRAMME_SESSIONS,
      readId,
    ),
    paused: readBoolean(o.paused, `${path}.paused`),
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

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
}

export type StoreName = StoreNames<PlumblineSchema>;
export const STORE_NAMES: readonly StoreName[] = [
  'sessions',
  'snapshots',
  'settings',
  'checklist',
  'programme',
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
