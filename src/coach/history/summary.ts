/**
 * One stored workout reduced to the numbers the History screen and the report show. Pure: it reads
 * records as `src/storage` returns them and never a clock.
 */
import type { RepTempo } from '../../pose/reps/tempo';
import type { WorkoutSession } from '../../storage';
import type { RepMeasureSummary, SideBalance } from '../measures';
import { medianTempo, repMeasureSummaries, sideBalance } from '../measures';

/**
 * In the exercise's rep-signal unit (degrees, a 0-1 lift or torso lengths: see `RangeOfMotion` in
 * src/storage/schema.ts), which the UI names per exercise.
 */
export interface RangeSummary {
  /** Mean over reps of the signal's travel (max - min). */
  readonly meanSpan: number;
  /** The lowest and highest the signal reached in any rep. */
  readonly lowest: number;
  readonly highest: number;
}

export interface SessionSummary {
  readonly id: string;
  readonly startedAt: string;
  readonly exercise: string;
  /** False when the tab closed or the person left before finishing. */
  readonly finished: boolean;
  /** Sets stopped with the pain button: worth a physiotherapist's attention. */
  readonly painStops: number;
  readonly sets: number;
  readonly reps: number;
  readonly leftReps: number;
  readonly rightReps: number;
  /** Reps that work both sides at once (glute bridge, superman). */
  readonly bothSidesReps: number;
  readonly cleanReps: number;
  readonly faultedReps: number;
  /** Good-form seconds held, over every set. */
  readonly holdSeconds: number;
  /**
   * Seconds spent in position, good form or not, worked back from each set's good-form seconds
   * and share (share = good seconds / seconds in position).
   */
  readonly positionSeconds: number;
  /** 0..1, or null when there was nothing to judge (no reps and no hold). */
  readonly goodFormShare: number | null;
  readonly range: RangeSummary | null;
  /** How many reps each fault id was seen in. */
  readonly repFaults: Readonly<Record<string, number>>;
  /** Seconds each fault id was cued, over the sets that recorded it (`SetRecord.faultSeconds`). */
  readonly faultSeconds: Readonly<Record<string, number>>;
  /** Each set's median tempo, in set order (null for a set without timed reps). */
  readonly setTempos: readonly (RepTempo | null)[];
  /** The median tempo over the session's reps, or null when none was timed. */
  readonly tempo: RepTempo | null;
  /** Left against right over the session, or null unless both sides were worked. */
  readonly balance: SideBalance | null;
  /** What the session's reps kept (a hinge's hip angle and back curve); empty where none. */
  readonly repMeasures: readonly RepMeasureSummary[];
}

/** Left against right over sessions' reps and side holds (src/coach/measures.ts). */
export function balanceOf(sessions: readonly WorkoutSession[]): SideBalance | null {
  const sets = sessions.flatMap((session) => session.sets);
  return sideBalance(
    sets.flatMap((set) =>
      set.reps.map((rep) => ({ side: rep.side, maxSignal: rep.rangeOfMotion.max })),
    ),
    {
      left: sets.reduce((sum, set) => sum + (set.sideHoldSeconds?.left ?? 0), 0),
      right: sets.reduce((sum, set) => sum + (set.sideHoldSeconds?.right ?? 0), 0),
    },
  );
}

/**
 * Reps decide the share when there are any (clean reps over reps); otherwise the time held in good
 * form over the time in position. Rep and hold numbers never mix, since their units differ.
 */
export function goodFormShareOf(
  counts: Pick<SessionSummary, 'reps' | 'cleanReps' | 'holdSeconds' | 'positionSeconds'>,
): number | null {
  if (counts.reps > 0) return counts.cleanReps / counts.reps;
  if (counts.positionSeconds > 0) return counts.holdSeconds / counts.positionSeconds;
  return null;
}

export function summariseSession(session: WorkoutSession): SessionSummary {
  let reps = 0;
  let leftReps = 0;
  let rightReps = 0;
  let cleanReps = 0;
  let holdSeconds = 0;
  let positionSeconds = 0;
  let spanSum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  const repFaults: Record<string, number> = {};
  const faultSeconds: Record<string, number> = {};
  for (const set of session.sets) {
    for (const [fault, seconds] of Object.entries(set.faultSeconds ?? {})) {
      faultSeconds[fault] = (faultSeconds[fault] ?? 0) + seconds;
    }
    holdSeconds += set.holdSeconds;
    // A share of 0 with seconds held cannot happen; with none held the time in position is unknown.
    if (set.holdSeconds > 0 && set.goodFormShare > 0) {
      positionSeconds += set.holdSeconds / set.goodFormShare;
    }
    for (const rep of set.reps) {
      reps += 1;
      if (rep.side === 'left') leftReps += 1;
      else if (rep.side === 'right') rightReps += 1;
      if (rep.faults.length === 0) cleanReps += 1;
      // A fault seen several times in one rep still marks one rep.
      for (const fault of new Set(rep.faults)) repFaults[fault] = (repFaults[fault] ?? 0) + 1;
      spanSum += rep.rangeOfMotion.max - rep.rangeOfMotion.min;
      lowest = Math.min(lowest, rep.rangeOfMotion.min);
      highest = Math.max(highest, rep.rangeOfMotion.max);
    }
  }
  const counts = { reps, cleanReps, holdSeconds, positionSeconds };
  return {
    id: session.id,
    startedAt: session.startedAt,
    exercise: session.exercise,
    finished: session.endedAt !== null,
    painStops: session.sets.filter((set) => set.endedBy === 'pain').length,
    sets: session.sets.length,
    leftReps,
    rightReps,
    bothSidesReps: reps - leftReps - rightReps,
    faultedReps: reps - cleanReps,
    ...counts,
    goodFormShare: goodFormShareOf(counts),
    range: reps > 0 ? { meanSpan: spanSum / reps, lowest, highest } : null,
    repFaults,
    faultSeconds,
    setTempos: session.sets.map((set) => medianTempo(set.reps.map((rep) => rep.tempo))),
    tempo: medianTempo(session.sets.flatMap((set) => set.reps.map((rep) => rep.tempo))),
    balance: balanceOf([session]),
    repMeasures: repMeasureSummaries(session.sets.flatMap((set) => set.reps)),
  };
}

/** Every session summarised, newest first (the order the History list shows). */
export function summariseNewestFirst(sessions: readonly WorkoutSession[]): SessionSummary[] {
  return sessions
    .map(summariseSession)
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}
