/**
 * Following the programme: which week the person is on, what today holds, and why a week was
 * repeated. Everything is replayed from the programme's start, its events (pauses, resumes, pain
 * stops) and the workouts storage holds, so the answer never drifts from what was done. Pure: the
 * day is passed in.
 */
import type { ExerciseId } from '../../pose/exercises/types';
import type {
  Equipment,
  ProgrammeEvent,
  ProgrammeState,
  WorkoutSession,
} from '../../storage/schema';
import { PROGRAMME_WEEKS } from '../../storage/schema';
import {
  DAYS_PER_PROGRAMME_WEEK,
  MIN_GOOD_FORM_SHARE_TO_ADVANCE,
  MIN_SESSIONS_TO_PASS_WEEK,
  PAIN_RESUME_WEEK,
  SESSIONS_PER_WEEK_TARGET,
} from '../../content/programme';
import { addDays, daysBetween, localDayOf } from './dates';
import { coachedExercises, POSTURE_RESET, programmeWeek, type ProgrammeWeek } from './programme';
import { trainingDays, workSets } from './work';

/** Seed 003: "Make sure you have at least one day of rest in between" sessions. */
export const REST_DAYS_BETWEEN_SESSIONS = 1;
/**
 * A day counts as one of the week's sessions when at least this share of the week's
 * camera-coached exercises had work in them: most of a session is a session; one exercise alone is
 * a taster. Items done on your own leave no record, so they cannot count.
 */
export const SESSION_EXERCISE_SHARE = 0.5;

/** Why a programme week ended as it did. */
export type WeekOutcome =
  /** Enough sessions with good form: on to the next week. */
  | 'passed'
  /** No session at all: the week is repeated rather than skipped. */
  | 'missed'
  /** Fewer than MIN_SESSIONS_TO_PASS_WEEK sessions: repeated. */
  | 'too-few'
  /** Good-form share under MIN_GOOD_FORM_SHARE_TO_ADVANCE: repeated. */
  | 'low-form'
  /** Cut short by a pause: repeated from the resume day. */
  | 'paused'
  /** Cut short by a stop for sharp pain: the programme resumes at PAIN_RESUME_WEEK. */
  | 'pain';

export interface WeekRun {
  readonly week: number;
  /** First day, YYYY-MM-DD. */
  readonly start: string;
  /** The day after the last (exclusive). */
  readonly end: string;
  /** Days that counted as sessions, oldest first. */
  readonly sessionDays: readonly string[];
  /** Mean good-form share of the sets in those sessions; null with none. */
  readonly goodFormShare: number | null;
  /** Null for the week under way. */
  readonly outcome: WeekOutcome | null;
}

export type ProgrammeStatus = 'running' | 'paused' | 'pain' | 'complete';

export interface ProgrammeProgress {
  readonly status: ProgrammeStatus;
  /** The week the person is on (the last week when complete). */
  readonly week: number;
  /** Every week run so far, oldest first; the last is the current one unless stopped. */
  readonly runs: readonly WeekRun[];
  /** Workouts that made up counted sessions, oldest first. */
  readonly countedSessionIds: readonly string[];
}

/** How many of the week's camera-coached exercises a day needs to count as a session. */
export function exercisesForSession(week: ProgrammeWeek): number {
  return Math.max(1, Math.ceil(coachedExercises(week).length * SESSION_EXERCISE_SHARE));
}

interface DayWork {
  readonly exercises: Set<string>;
  readonly sessionIds: string[];
  readonly shares: number[];
}

/** The week's exercises done each day in [start, end), by local day. */
function workByDay(
  sessions: readonly WorkoutSession[],
  week: ProgrammeWeek,
  start: string,
  end: string,
): Map<string, DayWork> {
  const planned = new Set<string>(coachedExercises(week));
  const days = new Map<string, DayWork>();
  for (const session of sessions) {
    const day = localDayOf(session.startedAt);
    if (day < start || day >= end || !planned.has(session.exercise)) continue;
    const sets = workSets(session);
    if (sets.length === 0) continue;
    const work = days.get(day) ?? { exercises: new Set(), sessionIds: [], shares: [] };
    work.exercises.add(session.exercise);
    work.sessionIds.push(session.id);
    work.shares.push(...sets.map((set) => set.goodFormShare));
    days.set(day, work);
  }
  return days;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

interface Evaluated {
  readonly run: WeekRun;
  readonly sessionIds: readonly string[];
}

function evaluate(
  sessions: readonly WorkoutSession[],
  equipment: readonly Equipment[],
  week: number,
  start: string,
  end: string,
  cut: 'paused' | 'pain' | null,
  finished: boolean,
): Evaluated {
  const plan = programmeWeek(week, equipment);
  const needed = exercisesForSession(plan);
  const counted = [...workByDay(sessions, plan, start, end)]
    .filter(([, work]) => work.exercises.size >= needed)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  const goodFormShare = mean(counted.flatMap(([, work]) => work.shares));
  let outcome: WeekOutcome | null = null;
  if (cut) outcome = cut;
  else if (finished) {
    if (counted.length === 0) outcome = 'missed';
    else if (counted.length < MIN_SESSIONS_TO_PASS_WEEK) outcome = 'too-few';
    else if (goodFormShare !== null && goodFormShare < MIN_GOOD_FORM_SHARE_TO_ADVANCE)
      outcome = 'low-form';
    else outcome = 'passed';
  }
  return {
    run: { week, start, end, sessionDays: counted.map(([day]) => day), goodFormShare, outcome },
    sessionIds: counted.flatMap(([, work]) => work.sessionIds),
  };
}

/**
 * Replays the programme up to `today`: each week runs 7 days from its start and is then passed or
 * repeated (see WeekOutcome); a pause or pain stop ends the week under way, and a resume starts it
 * again from that day. Every week is judged with the person's equipment as it is now.
 */
export function replayProgramme(
  state: ProgrammeState,
  sessions: readonly WorkoutSession[],
  today: string,
  equipment: readonly Equipment[],
): ProgrammeProgress {
  const events: readonly ProgrammeEvent[] = (state.events ?? []).filter((e) => e.on <= today);
  const runs: WeekRun[] = [];
  const countedSessionIds: string[] = [];
  let week = 1;
  let start = state.startedOn;
  let stoppedBy: 'pause' | 'pain' | null = null;
  let next = 0;
  for (;;) {
    const event = events[next];
    if (stoppedBy) {
      if (event === undefined) {
        return { status: stoppedBy === 'pain' ? 'pain' : 'paused', week, runs, countedSessionIds };
      }
      next += 1;
      if (event.kind !== 'resume') {
        // Pain while paused still sends the programme back to the start when it resumes.
        if (event.kind === 'pain') stoppedBy = 'pain';
        continue;
      }
      if (stoppedBy === 'pain') week = PAIN_RESUME_WEEK;
      start = event.on;
      stoppedBy = null;
      continue;
    }
    const end = addDays(start, DAYS_PER_PROGRAMME_WEEK);
    if (event !== undefined && event.on < end) {
      next += 1;
      if (event.kind === 'resume') continue; // already running
      const cut = evaluate(
        sessions,
        equipment,
        week,
        start,
        event.on,
        event.kind === 'pain' ? 'pain' : 'paused',
        true,
      );
      runs.push(cut.run);
      countedSessionIds.push(...cut.sessionIds);
      stoppedBy = event.kind;
      continue;
    }
    const finished = today >= end;
    const result = evaluate(sessions, equipment, week, start, end, null, finished);
    runs.push(result.run);
    countedSessionIds.push(...result.sessionIds);
    if (!finished) return { status: 'running', week, runs, countedSessionIds };
    if (result.run.outcome === 'passed') {
      if (week === PROGRAMME_WEEKS) return { status: 'complete', week, runs, countedSessionIds };
      week += 1;
    }
    start = end;
  }
}

/** What today holds. */
export type Today =
  /** A session is due: the week's exercises, with those already done today. */
  | {
      readonly kind: 'due';
      readonly plan: ProgrammeWeek;
      readonly doneToday: ReadonlySet<ExerciseId>;
    }
  /** Today's session counted. */
  | {
      readonly kind: 'done';
      readonly plan: ProgrammeWeek;
      readonly doneToday: ReadonlySet<ExerciseId>;
    }
  /** A rest day, why, and the day the next session is due. */
  | {
      readonly kind: 'rest';
      readonly reason: 'after-session' | 'week-complete';
      readonly nextSessionOn: string;
      readonly recovery: typeof POSTURE_RESET;
    }
  | { readonly kind: 'paused' }
  | { readonly kind: 'pain' }
  | { readonly kind: 'complete' };

export function todayIn(
  progress: ProgrammeProgress,
  sessions: readonly WorkoutSession[],
  today: string,
  equipment: readonly Equipment[],
): Today {
  if (progress.status !== 'running') return { kind: progress.status };
  const run = progress.runs.at(-1);
  if (run === undefined) throw new RangeError('a running programme has a week under way');
  const plan = programmeWeek(run.week, equipment);
  const doneToday = new Set<ExerciseId>(
    [...plan.items, ...plan.extras]
      .flatMap((item) => (item.coached ? [item.coached.exercise] : []))
      .filter((exercise) =>
        sessions.some(
          (s) =>
            s.exercise === exercise && localDayOf(s.startedAt) === today && workSets(s).length > 0,
        ),
      ),
  );
  if (run.sessionDays.includes(today)) return { kind: 'done', plan, doneToday };
  if (run.sessionDays.length >= SESSIONS_PER_WEEK_TARGET) {
    return {
      kind: 'rest',
      reason: 'week-complete',
      nextSessionOn: run.end,
      recovery: POSTURE_RESET,
    };
  }
  for (let back = 1; back <= REST_DAYS_BETWEEN_SESSIONS; back += 1) {
    const day = addDays(today, -back);
    if (trainingDays(sessions, day, addDays(day, 1)).length > 0) {
      return {
        kind: 'rest',
        reason: 'after-session',
        nextSessionOn: addDays(day, REST_DAYS_BETWEEN_SESSIONS + 1),
        recovery: POSTURE_RESET,
      };
    }
  }
  return { kind: 'due', plan, doneToday };
}

/** Day number within the week under way (1 = its first day; a clock set back reads as day 1). */
export function dayOfWeekRun(run: WeekRun, today: string): number {
  return Math.max(1, daysBetween(run.start, today) + 1);
}
