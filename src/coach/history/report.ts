/**
 * The numbers of the one-page report for a physiotherapist: the period, the sessions, each
 * exercise's weekly trend, personal bests and the lower back's curve its reps kept, the faults seen
 * most, the posture angles' change and the trunk endurance tests week by week.
 * Pure; the report component only lays these out.
 */
import {
  computePersonalBests,
  type EnduranceRecord,
  type PersonalBests,
  type PostureSnapshot,
  type ProgrammeState,
  type WorkoutSession,
} from '../../storage';
import type { RepTempo } from '../../pose/reps/tempo';
import type { RepMeasureSummary, SideBalance } from '../measures';
import { medianTempo, repMeasureSummaries } from '../measures';
import { enduranceWeeks, type EnduranceWeek } from '../endurance/trend';
import { balanceOf, goodFormShareOf, summariseSession, type SessionSummary } from './summary';
import {
  angleTrends,
  faultsMostSeen,
  localDayOf,
  weekStartOf,
  weeklyByExercise,
  type FaultCount,
  type MetricTrend,
  type WeekTotals,
} from './weekly';

/** Weeks of trend per exercise: the 4-week programme plus two, which still fits one line. */
export const REPORT_WEEKS = 6;
/** Faults listed: the few worth a physiotherapist's attention, on one page. */
export const REPORT_FAULTS = 5;

export interface ExerciseReport {
  readonly exercise: string;
  readonly sessions: number;
  readonly reps: number;
  readonly cleanReps: number;
  readonly holdSeconds: number;
  readonly goodFormShare: number | null;
  readonly bests: PersonalBests;
  /** The last `REPORT_WEEKS` weeks with a session of this exercise, oldest first. */
  readonly weeks: readonly WeekTotals[];
  /** The median tempo over every timed rep of the period, or null. */
  readonly tempo: RepTempo | null;
  /** Left against right over the period, or null unless both sides were worked. */
  readonly balance: SideBalance | null;
  /** Sessions whose own left/right balance was uneven. */
  readonly unevenSessions: number;
  /**
   * The lower back's curve over the period's reps that kept it (a hinge's or a row's, side-on), or
   * null: the measure a rounded-back cue reads, the one worth a line on the one page.
   */
  readonly lowerBack: RepMeasureSummary | null;
}

export interface ReportData {
  /** First and last day with a session or snapshot (YYYY-MM-DD, local), or null with no data. */
  readonly period: { readonly from: string; readonly to: string } | null;
  readonly programme: Pick<ProgrammeState, 'startedOn' | 'week' | 'paused'> | null;
  readonly sessions: number;
  /** Sessions the person finished (others were cut short). */
  readonly finishedSessions: number;
  /** Sets stopped with the pain button. */
  readonly painStops: number;
  /** Weeks with at least one session. */
  readonly activeWeeks: number;
  readonly exercises: readonly ExerciseReport[];
  readonly faults: readonly FaultCount[];
  readonly snapshots: number;
  readonly angles: readonly MetricTrend[];
  /** The trunk endurance tests, the last `REPORT_WEEKS` weeks with one, oldest first. */
  readonly endurance: readonly EnduranceWeek[];
}

export interface ReportInput {
  readonly sessions: readonly WorkoutSession[];
  readonly snapshots: readonly PostureSnapshot[];
  readonly programme: ProgrammeState | null;
  /** Absent in data from before the endurance tests. */
  readonly endurance?: readonly EnduranceRecord[];
}

function period(input: ReportInput): ReportData['period'] {
  const days = [
    ...input.sessions.map((s) => localDayOf(s.startedAt)),
    ...input.snapshots.map((s) => localDayOf(s.takenAt)),
  ].sort();
  const from = days[0];
  const to = days.at(-1);
  return from === undefined || to === undefined ? null : { from, to };
}

function exerciseReport(
  bests: PersonalBests,
  sessions: readonly SessionSummary[],
  records: readonly WorkoutSession[],
): ExerciseReport {
  const exercise = bests.exercise;
  const mine = sessions.filter((s) => s.exercise === exercise);
  const myRecords = records.filter((s) => s.exercise === exercise);
  const myReps = myRecords.flatMap((s) => s.sets.flatMap((set) => set.reps));
  const sum = (pick: (s: SessionSummary) => number): number =>
    mine.reduce((total, s) => total + pick(s), 0);
  const counts = {
    reps: sum((s) => s.reps),
    cleanReps: sum((s) => s.cleanReps),
    holdSeconds: sum((s) => s.holdSeconds),
    positionSeconds: sum((s) => s.positionSeconds),
  };
  const weekly = weeklyByExercise(mine).exercises[0]?.weeks ?? [];
  return {
    exercise,
    sessions: mine.length,
    reps: counts.reps,
    cleanReps: counts.cleanReps,
    holdSeconds: counts.holdSeconds,
    goodFormShare: goodFormShareOf(counts),
    bests,
    weeks: weekly.filter((week) => week.sessions > 0).slice(-REPORT_WEEKS),
    tempo: medianTempo(myReps.map((r) => r.tempo)),
    balance: balanceOf(myRecords),
    unevenSessions: mine.filter((s) => (s.balance?.imbalanced.length ?? 0) > 0).length,
    lowerBack:
      repMeasureSummaries(myReps).find(({ metric }) => metric === 'backRoundingDeg') ?? null,
  };
}

export function buildReport(input: ReportInput): ReportData {
  const summaries = input.sessions.map(summariseSession);
  return {
    period: period(input),
    programme: input.programme
      ? {
          startedOn: input.programme.startedOn,
          week: input.programme.week,
          paused: input.programme.paused,
        }
      : null,
    sessions: summaries.length,
    finishedSessions: summaries.filter((s) => s.finished).length,
    painStops: summaries.reduce((total, s) => total + s.painStops, 0),
    activeWeeks: new Set(summaries.map((s) => weekStartOf(s.startedAt))).size,
    // One entry per exercise trained, in id order (computePersonalBests gives exactly those).
    exercises: computePersonalBests(input.sessions).map((bests) =>
      exerciseReport(bests, summaries, input.sessions),
    ),
    faults: faultsMostSeen(summaries, input.snapshots, REPORT_FAULTS),
    snapshots: input.snapshots.length,
    angles: angleTrends(input.snapshots),
    endurance: enduranceWeeks(input.endurance ?? []).slice(-REPORT_WEEKS),
  };
}
