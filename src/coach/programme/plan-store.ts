/**
 * The Plan screen's reads and writes, on the real storage layer. No React: `usePlan` calls these
 * with the app's connection and the current time, tests with fake-indexeddb and a fixed clock.
 */
import {
  addProgrammeEvent,
  clearProgramme,
  getProgramme,
  listChecklistWeeks,
  listSessions,
  listSnapshots,
  MAX_PROGRAMME_SESSIONS,
  saveProgramme,
  setChecklistItem,
  type CorruptRecordReport,
  type Equipment,
  type PlumblineDb,
  type ProgrammeEvent,
  type ProgrammeState,
} from '../../storage';
import { weeklyChecklist, type ChecklistEntry, type ChecklistItemId } from './checklist';
import { localDay, mondayOf } from './dates';
import { programmeWeek, type ProgrammeWeek } from './programme';
import { replayProgramme, todayIn, type ProgrammeProgress, type Today } from './schedule';

export interface PlanData {
  /** YYYY-MM-DD, local. */
  readonly today: string;
  /** Monday of this checklist week. */
  readonly weekStart: string;
  readonly programme: {
    readonly state: ProgrammeState;
    /** The week the person is on, for their equipment. */
    readonly week: ProgrammeWeek;
    readonly progress: ProgrammeProgress;
    readonly today: Today;
  } | null;
  readonly checklist: readonly ChecklistEntry[];
  /** Damaged records skipped while reading (their messages say what to do). */
  readonly corrupt: readonly CorruptRecordReport[];
}

/** The stored programme with the week and counted sessions the replay found. */
function synced(state: ProgrammeState, progress: ProgrammeProgress): ProgrammeState {
  return {
    ...state,
    week: progress.week,
    // Storage keeps the most recent MAX_PROGRAMME_SESSIONS: the replay does not need them.
    completedSessionIds: progress.countedSessionIds.slice(-MAX_PROGRAMME_SESSIONS),
  };
}

function sameState(a: ProgrammeState, b: ProgrammeState): boolean {
  return (
    a.week === b.week &&
    a.completedSessionIds.length === b.completedSessionIds.length &&
    a.completedSessionIds.every((id, index) => id === b.completedSessionIds[index])
  );
}

/**
 * Everything the Plan screen shows for `now`, for someone with `equipment`. The stored programme's
 * `week` and `completedSessionIds` are brought up to date with the replay (so an export says where
 * the person is).
 */
export async function loadPlan(
  db: PlumblineDb,
  now: Date,
  equipment: readonly Equipment[],
): Promise<PlanData> {
  const today = localDay(now);
  const weekStart = mondayOf(today);
  const [programme, sessions, snapshots, weeks] = await Promise.all([
    getProgramme(db),
    listSessions(db),
    listSnapshots(db),
    listChecklistWeeks(db),
  ]);
  const corrupt = [
    ...(programme.corrupt ? [programme.corrupt] : []),
    ...sessions.corrupt,
    ...snapshots.corrupt,
    ...weeks.corrupt,
  ];
  const checklist = weeklyChecklist(
    weekStart,
    sessions.records,
    snapshots.records,
    weeks.records.find((week) => week.weekStart === weekStart),
  );
  let running: PlanData['programme'] = null;
  if (programme.value) {
    const progress = replayProgramme(programme.value, sessions.records, today, equipment);
    let state = programme.value;
    const next = synced(state, progress);
    if (!sameState(state, next)) {
      await saveProgramme(db, next);
      state = next;
    }
    running = {
      state,
      week: programmeWeek(progress.week, equipment),
      progress,
      today: todayIn(progress, sessions.records, today, equipment),
    };
  }
  return { today, weekStart, programme: running, checklist, corrupt };
}

/** Starts (or restarts) the programme with today as day 1 of week 1. */
export async function startProgramme(db: PlumblineDb, now: Date): Promise<void> {
  await saveProgramme(db, {
    startedOn: localDay(now),
    week: 1,
    completedSessionIds: [],
    paused: false,
    events: [],
  });
}

export async function stopProgramme(db: PlumblineDb): Promise<void> {
  await clearProgramme(db);
}

/** A pause, resume or pain stop today; nothing when no programme runs. */
export async function recordProgrammeEvent(
  db: PlumblineDb,
  kind: ProgrammeEvent['kind'],
  now: Date,
): Promise<void> {
  await addProgrammeEvent(db, { on: localDay(now), kind });
}

/** The person's own tick (or untick) on this week's checklist. */
export async function tickByHand(
  db: PlumblineDb,
  weekStart: string,
  item: ChecklistItemId,
  done: boolean,
): Promise<void> {
  await setChecklistItem(db, weekStart, item, { done, by: 'person' });
}
