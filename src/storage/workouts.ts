/**
 * Workouts, saved as they happen. Each call is one small transaction that reads the session,
 * changes it and writes it back, so a crash or a closed tab loses at most the rep under way, and a
 * failed write (a full disk) leaves the session exactly as the previous call left it.
 *
 * Errors: StorageError for what a person can meet (QUOTA_EXCEEDED, CORRUPT_RECORD, UNAVAILABLE);
 * a plain RangeError for a caller's mistake (a set that was never started).
 */
import type { Strictness } from '../pose/exercises/types';
import {
  collect,
  corruptReport,
  inReadTransaction,
  inWriteTransaction,
  type PlumblineDb,
  type ReadResult,
} from './db';
import { StorageError, type SaveAction } from './errors';
import {
  type RepRecord,
  type SessionPlan,
  type SetEndedBy,
  type SetRecord,
  type WorkoutSession,
} from './schema';
import { readSession } from './readers';
import { check } from './validate';

export interface NewSession {
  readonly exercise: string;
  readonly strictness: Strictness;
  readonly plan: SessionPlan | null;
  /** Defaults to now; passed in by tests. */
  readonly startedAt?: string;
  /** Defaults to a random UUID. */
  readonly id?: string;
}

const MISSING_SESSION_MESSAGE =
  'This workout is no longer in your saved data (it may have been deleted in another tab), ' +
  'so it is kept on screen but not saved. Start a new session to save again.';

function unreadableSessionMessage(reason: string): string {
  return (
    'This workout’s saved record is damaged, so it cannot be added to: what you just did is kept on ' +
    `screen but not saved. Start a new session to save again. (${reason})`
  );
}

function refusedMessage(what: string, reason: string): string {
  return `This ${what} had values Plumbline cannot store, so it was not saved; everything saved before it is kept. (${reason})`;
}

/** Checks a record about to be written: we never write what `readSession` would reject later. */
function checkedForWrite(session: WorkoutSession, what: string): WorkoutSession {
  const checked = check(readSession, session, 'session');
  if (!checked.ok) {
    throw new StorageError(
      'CORRUPT_RECORD',
      refusedMessage(what, `${checked.path}: ${checked.reason}`),
    );
  }
  return checked.value;
}

export async function startSession(db: PlumblineDb, input: NewSession): Promise<WorkoutSession> {
  const session = checkedForWrite(
    {
      id: input.id ?? crypto.randomUUID(),
      startedAt: input.startedAt ?? new Date().toISOString(),
      endedAt: null,
      exercise: input.exercise,
      strictness: input.strictness,
      plan: input.plan,
      sets: [],
    },
    'workout',
  );
  await inWriteTransaction(db, ['sessions'], 'session', async (tx) => {
    await tx.objectStore('sessions').add(session);
  });
  return session;
}

/**
 * The read-modify-write every change below goes through, in one transaction: if anything fails,
 * the stored session is as it was.
 */
async function updateSession(
  db: PlumblineDb,
  sessionId: string,
  action: SaveAction,
  change: (session: WorkoutSession) => WorkoutSession,
): Promise<WorkoutSession> {
  return inWriteTransaction(db, ['sessions'], action, async (tx) => {
    const store = tx.objectStore('sessions');
    const raw: unknown = await store.get(sessionId);
    if (raw === undefined) throw new StorageError('UNAVAILABLE', MISSING_SESSION_MESSAGE);
    const current = check(readSession, raw, 'session');
    if (!current.ok) {
      throw new StorageError(
        'CORRUPT_RECORD',
        unreadableSessionMessage(`${current.path}: ${current.reason}`),
      );
    }
    const next = checkedForWrite(change(current.value), action);
    await store.put(next);
    return next;
  });
}

function setAt(session: WorkoutSession, setIndex: number): SetRecord {
  const set = session.sets[setIndex];
  if (set === undefined) {
    throw new RangeError(`session ${session.id} has no set ${setIndex}: call startSet first`);
  }
  return set;
}

function withSet(session: WorkoutSession, set: SetRecord): WorkoutSession {
  return { ...session, sets: session.sets.map((s) => (s.index === set.index ? set : s)) };
}

/** Share of reps with no fault; 0 when there are none yet. */
export function cleanRepShare(reps: readonly RepRecord[]): number {
  if (reps.length === 0) return 0;
  return reps.filter((rep) => rep.faults.length === 0).length / reps.length;
}

/** Opens the next set; returns its index. */
export async function startSet(
  db: PlumblineDb,
  sessionId: string,
  startedAt: string = new Date().toISOString(),
): Promise<number> {
  const session = await updateSession(db, sessionId, 'set', (s) => ({
    ...s,
    sets: [
      ...s.sets,
      {
        index: s.sets.length,
        startedAt,
        endedAt: null,
        reps: [],
        holdSeconds: 0,
        goodFormShare: 0,
      },
    ],
  }));
  return session.sets.length - 1;
}

/**
 * Saves one finished rep, in its own transaction. The set's good-form share becomes the share of
 * clean reps so far (so it is right even if the set never ends). Returns the set as saved.
 */
export async function appendRep(
  db: PlumblineDb,
  sessionId: string,
  setIndex: number,
  rep: RepRecord,
): Promise<SetRecord> {
  const session = await updateSession(db, sessionId, 'rep', (s) => {
    const set = setAt(s, setIndex);
    const reps = [...set.reps, rep];
    return withSet(s, { ...set, reps, goodFormShare: cleanRepShare(reps) });
  });
  return setAt(session, setIndex);
}

export interface HoldProgress {
  /** Good-form seconds held so far. */
  readonly holdSeconds: number;
  /** Good-form time over time in position, 0..1. */
  readonly goodFormShare: number;
  /** Good-form seconds on each side, when the exercise told the side (a side plank). */
  readonly sideHoldSeconds?: SetRecord['sideHoldSeconds'];
}

/**
 * Checkpoints a hold under way (a plank has no reps to save). Call it every few seconds: a crash
 * then loses at most the time since the last call.
 */
export async function recordHold(
  db: PlumblineDb,
  sessionId: string,
  setIndex: number,
  progress: HoldProgress,
): Promise<SetRecord> {
  const session = await updateSession(db, sessionId, 'set', (s) =>
    withSet(s, { ...setAt(s, setIndex), ...progress }),
  );
  return setAt(session, setIndex);
}

export interface SetEnd {
  /** Defaults to now. */
  readonly endedAt?: string;
  /** For holds: the final good-form seconds and share (rep sets keep the clean-rep share). */
  readonly hold?: HoldProgress;
  /** How the set ended, for history ("ended early"). */
  readonly endedBy?: SetEndedBy;
  /** Seconds each fault was cued (`SetRecord.faultSeconds`). */
  readonly faultSeconds?: SetRecord['faultSeconds'];
}

export async function endSet(
  db: PlumblineDb,
  sessionId: string,
  setIndex: number,
  end: SetEnd = {},
): Promise<SetRecord> {
  const endedAt = end.endedAt ?? new Date().toISOString();
  const session = await updateSession(db, sessionId, 'set', (s) =>
    withSet(s, {
      ...setAt(s, setIndex),
      ...end.hold,
      endedAt,
      ...(end.endedBy === undefined ? {} : { endedBy: end.endedBy }),
      ...(end.faultSeconds === undefined ? {} : { faultSeconds: end.faultSeconds }),
    }),
  );
  return setAt(session, setIndex);
}

export async function endSession(
  db: PlumblineDb,
  sessionId: string,
  endedAt: string = new Date().toISOString(),
): Promise<WorkoutSession> {
  return updateSession(db, sessionId, 'session', (s) => ({ ...s, endedAt }));
}

/** One session, or undefined if there is none with that id; CORRUPT_RECORD if it is damaged. */
export async function getSession(
  db: PlumblineDb,
  sessionId: string,
): Promise<WorkoutSession | undefined> {
  const raw: unknown = await inReadTransaction(db, ['sessions'], (tx) =>
    tx.objectStore('sessions').get(sessionId),
  );
  if (raw === undefined) return undefined;
  const checked = check(readSession, raw, 'session');
  if (!checked.ok) throw corruptReport('sessions', sessionId, checked.path, checked.reason).error;
  return checked.value;
}

/** Deletes a workout and its sets' replays, together. */
export async function deleteSession(db: PlumblineDb, sessionId: string): Promise<void> {
  await inWriteTransaction(db, ['sessions', 'replays'], 'delete', async (tx) => {
    await tx.objectStore('sessions').delete(sessionId);
    const replays = tx.objectStore('replays');
    for (const key of await replays.index('by-session').getAllKeys(sessionId)) {
      await replays.delete(key);
    }
  });
}

export interface SessionRange {
  /** ISO date-time, inclusive. */
  readonly from?: string;
  /** ISO date-time, exclusive. */
  readonly to?: string;
  /** Only this exercise. */
  readonly exercise?: string;
}

/**
 * The smallest string greater than every ISO timestamp, for an open-ended upper bound on the
 * `[exercise, startedAt]` index.
 */
const AFTER_ALL_DATES = '\uffff';

/**
 * Sessions by start time, oldest first. Damaged records are skipped and listed in `corrupt`.
 *
 * With no range this walks the whole store (so even a record with a broken `startedAt`, which no
 * index holds, is reported); with a range it uses an index.
 */
export async function listSessions(
  db: PlumblineDb,
  range: SessionRange = {},
): Promise<ReadResult<WorkoutSession>> {
  const result: ReadResult<WorkoutSession> = { records: [], corrupt: [] };
  // An empty range (IDBKeyRange.bound would throw on it).
  if (range.from !== undefined && range.to !== undefined && range.from >= range.to) return result;
  await inReadTransaction(db, ['sessions'], async (tx) => {
    const store = tx.objectStore('sessions');
    if (range.exercise !== undefined) {
      const keys = IDBKeyRange.bound(
        [range.exercise, range.from ?? ''],
        [range.exercise, range.to ?? AFTER_ALL_DATES],
        false,
        range.to !== undefined,
      );
      let cursor = await store.index('by-exercise').openCursor(keys);
      for (; cursor; cursor = await cursor.continue()) {
        collect(result, 'sessions', cursor.primaryKey, cursor.value as unknown, readSession);
      }
    } else if (range.from !== undefined || range.to !== undefined) {
      const keys = IDBKeyRange.bound(
        range.from ?? '',
        range.to ?? AFTER_ALL_DATES,
        false,
        range.to !== undefined,
      );
      let cursor = await store.index('by-startedAt').openCursor(keys);
      for (; cursor; cursor = await cursor.continue()) {
        collect(result, 'sessions', cursor.primaryKey, cursor.value as unknown, readSession);
      }
    } else {
      let cursor = await store.openCursor();
      for (; cursor; cursor = await cursor.continue()) {
        collect(result, 'sessions', cursor.primaryKey, cursor.value as unknown, readSession);
      }
    }
  });
  // Checked records have ISO UTC start times, which sort as text.
  result.records.sort((a, b) =>
    a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0,
  );
  return result;
}

/** A best and where it was set. */
export interface Best {
  readonly value: number;
  readonly sessionId: string;
  readonly setIndex: number;
  /** When the set started. */
  readonly at: string;
}

export interface PersonalBests {
  readonly exercise: string;
  readonly mostRepsInSet: Best | null;
  /** Reps with no fault: the number a form coach cares about. */
  readonly mostCleanRepsInSet: Best | null;
  readonly longestHoldSeconds: Best | null;
}

function better(current: Best | null, candidate: Best): Best {
  // Ties keep the earlier record: the first time is the achievement.
  return current === null || candidate.value > current.value ? candidate : current;
}

/** Per-exercise bests over `sessions` (pure; `personalBests` reads them from the database). */
export function computePersonalBests(sessions: readonly WorkoutSession[]): PersonalBests[] {
  const byExercise = new Map<string, PersonalBests>();
  const ordered = [...sessions].sort((a, b) => (a.startedAt < b.startedAt ? -1 : 1));
  for (const session of ordered) {
    let bests: PersonalBests = byExercise.get(session.exercise) ?? {
      exercise: session.exercise,
      mostRepsInSet: null,
      mostCleanRepsInSet: null,
      longestHoldSeconds: null,
    };
    for (const set of session.sets) {
      const where = { sessionId: session.id, setIndex: set.index, at: set.startedAt };
      const clean = set.reps.filter((rep) => rep.faults.length === 0).length;
      bests = {
        ...bests,
        mostRepsInSet:
          set.reps.length > 0
            ? better(bests.mostRepsInSet, { ...where, value: set.reps.length })
            : bests.mostRepsInSet,
        mostCleanRepsInSet:
          clean > 0
            ? better(bests.mostCleanRepsInSet, { ...where, value: clean })
            : bests.mostCleanRepsInSet,
        longestHoldSeconds:
          set.holdSeconds > 0
            ? better(bests.longestHoldSeconds, { ...where, value: set.holdSeconds })
            : bests.longestHoldSeconds,
      };
    }
    byExercise.set(session.exercise, bests);
  }
  return [...byExercise.values()].sort((a, b) => a.exercise.localeCompare(b.exercise));
}

export interface PersonalBestsResult {
  readonly bests: PersonalBests[];
  readonly corrupt: ReadResult<WorkoutSession>['corrupt'];
}

export async function personalBests(
  db: PlumblineDb,
  exercise?: string,
): Promise<PersonalBestsResult> {
  const { records, corrupt } = await listSessions(db, exercise === undefined ? {} : { exercise });
  return { bests: computePersonalBests(records), corrupt };
}
