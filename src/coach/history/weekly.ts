/**
 * Sessions and posture snapshots over time: weekly totals per exercise (weeks start on Monday, in
 * the person's local time, like the programme's checklist weeks), each snapshot angle's trend, and
 * the faults seen most. Pure.
 */
import { isPostureMeasureId } from '../../pose/posture-measures';
import type { PostureMeasureId } from '../../pose/posture-measures';
import type { PostureSnapshot } from '../../storage';
import { goodFormShareOf, type SessionSummary } from './summary';

const DAYS_PER_WEEK = 7;

function isoDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The calendar day (YYYY-MM-DD, local time) of an ISO date-time. */
export function localDayOf(at: string): string {
  return isoDay(new Date(at));
}

/** The Monday (YYYY-MM-DD, local time) of the week holding `at` (an ISO date-time). */
export function weekStartOf(at: string): string {
  const date = new Date(at);
  const daysSinceMonday = (date.getDay() + DAYS_PER_WEEK - 1) % DAYS_PER_WEEK;
  // Built from calendar parts, so a daylight-saving change inside the week shifts nothing.
  return isoDay(new Date(date.getFullYear(), date.getMonth(), date.getDate() - daysSinceMonday));
}

function nextWeek(weekStart: string): string {
  const [year = 0, month = 1, day = 1] = weekStart.split('-').map(Number);
  return isoDay(new Date(year, month - 1, day + DAYS_PER_WEEK));
}

/** Every Monday from `first` to `last` inclusive, so a week without training shows as a gap. */
export function weeksBetween(first: string, last: string): string[] {
  const weeks: string[] = [];
  for (let week = first; week <= last; week = nextWeek(week)) weeks.push(week);
  return weeks;
}

export interface WeekTotals {
  readonly weekStart: string;
  readonly sessions: number;
  readonly reps: number;
  readonly cleanReps: number;
  readonly holdSeconds: number;
  readonly positionSeconds: number;
  /** 0..1, or null in a week with nothing to judge. */
  readonly goodFormShare: number | null;
}

export interface ExerciseWeeks {
  readonly exercise: string;
  /** One entry per week of the shared axis, oldest first. */
  readonly weeks: readonly WeekTotals[];
}

export interface WeeklyHistory {
  /** The Mondays every exercise's `weeks` line up with. */
  readonly weekStarts: readonly string[];
  readonly exercises: readonly ExerciseWeeks[];
}

/**
 * Totals per exercise per week over one shared run of weeks. With `lastWeeks`, only that many
 * weeks up to the latest session are kept (charts stay readable after a year of use).
 */
export function weeklyByExercise(
  sessions: readonly SessionSummary[],
  lastWeeks = Infinity,
): WeeklyHistory {
  if (sessions.length === 0) return { weekStarts: [], exercises: [] };
  const byExercise = new Map<string, Map<string, SessionSummary[]>>();
  let first = '9999-12-31';
  let last = '0000-01-01';
  for (const session of sessions) {
    const week = weekStartOf(session.startedAt);
    if (week < first) first = week;
    if (week > last) last = week;
    const weeks = byExercise.get(session.exercise) ?? new Map<string, SessionSummary[]>();
    weeks.set(week, [...(weeks.get(week) ?? []), session]);
    byExercise.set(session.exercise, weeks);
  }
  const weekStarts = weeksBetween(first, last).slice(-lastWeeks);
  const exercises = [...byExercise.entries()]
    .map(([exercise, weeks]) => ({
      exercise,
      weeks: weekStarts.map((weekStart) => totalWeek(weekStart, weeks.get(weekStart) ?? [])),
    }))
    .filter((entry) => entry.weeks.some((week) => week.sessions > 0))
    .sort((a, b) => a.exercise.localeCompare(b.exercise));
  return { weekStarts, exercises };
}

function totalWeek(weekStart: string, sessions: readonly SessionSummary[]): WeekTotals {
  const sum = (pick: (s: SessionSummary) => number): number =>
    sessions.reduce((total, s) => total + pick(s), 0);
  const counts = {
    reps: sum((s) => s.reps),
    cleanReps: sum((s) => s.cleanReps),
    holdSeconds: sum((s) => s.holdSeconds),
    positionSeconds: sum((s) => s.positionSeconds),
  };
  return {
    weekStart,
    sessions: sessions.length,
    ...counts,
    goodFormShare: goodFormShareOf(counts),
  };
}

// ---------------------------------------------------------------------------------------------
// Posture snapshots

export interface MetricPoint {
  readonly takenAt: string;
  readonly value: number;
}

export interface MetricTrend {
  readonly metric: PostureMeasureId;
  /** Oldest first; snapshots that did not measure this angle are left out. */
  readonly points: readonly MetricPoint[];
  readonly first: number;
  readonly last: number;
  /** last - first, in the measure's unit (POSTURE_MEASURES). */
  readonly change: number;
}

/** Each posture measure the snapshots took, in name order, with its values over time. */
export function angleTrends(snapshots: readonly PostureSnapshot[]): MetricTrend[] {
  const ordered = [...snapshots].sort((a, b) =>
    a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0,
  );
  const points = new Map<PostureMeasureId, MetricPoint[]>();
  for (const snapshot of ordered) {
    for (const [metric, value] of Object.entries(snapshot.metrics)) {
      if (!isPostureMeasureId(metric)) continue;
      points.set(metric, [...(points.get(metric) ?? []), { takenAt: snapshot.takenAt, value }]);
    }
  }
  return [...points.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([metric, series]) => {
      const firstPoint = series[0];
      const lastPoint = series.at(-1);
      if (firstPoint === undefined || lastPoint === undefined) return [];
      return [
        {
          metric,
          points: series,
          first: firstPoint.value,
          last: lastPoint.value,
          change: lastPoint.value - firstPoint.value,
        },
      ];
    });
}

// ---------------------------------------------------------------------------------------------
// Faults

export interface FaultCount {
  readonly fault: string;
  /** Reps it was seen in. */
  readonly reps: number;
  /** Posture snapshots that reported it. */
  readonly snapshots: number;
  /** Seconds it was cued during sets (a hold's faults have no reps). */
  readonly seconds: number;
}

/**
 * Faults by how often they were seen (reps plus snapshots), most first, then by the seconds they
 * were cued (a hold's faults have no reps); ties by id.
 */
export function faultsMostSeen(
  sessions: readonly SessionSummary[],
  snapshots: readonly PostureSnapshot[],
  limit = Infinity,
): FaultCount[] {
  const counts = new Map<string, { reps: number; snapshots: number; seconds: number }>();
  const entry = (fault: string): { reps: number; snapshots: number; seconds: number } => {
    const found = counts.get(fault) ?? { reps: 0, snapshots: 0, seconds: 0 };
    counts.set(fault, found);
    return found;
  };
  for (const session of sessions) {
    for (const [fault, reps] of Object.entries(session.repFaults)) entry(fault).reps += reps;
    for (const [fault, seconds] of Object.entries(session.faultSeconds)) {
      entry(fault).seconds += seconds;
    }
  }
  for (const snapshot of snapshots) {
    for (const fault of new Set(snapshot.faults)) entry(fault).snapshots += 1;
  }
  return [...counts.entries()]
    .map(([fault, c]) => ({ fault, ...c }))
    .sort(
      (a, b) =>
        b.reps + b.snapshots - (a.reps + a.snapshots) ||
        b.seconds - a.seconds ||
        a.fault.localeCompare(b.fault),
    )
    .slice(0, limit);
}
