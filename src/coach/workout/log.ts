/**
 * The workout log: turns successive workout states (workout.ts) into the storage operations that
 * save the workout as it happens. Pure: the hook (useWorkoutLog) runs the operations in order.
 *
 * A session is saved from its first counted set on (pressing Start and leaving stores nothing);
 * each finished rep is its own operation, so a crash loses at most the rep under way; a hold is
 * checkpointed every few seconds. An unfinished session (closed tab) is simply one whose `endedAt`
 * stays null, which storage reads back as valid.
 */
import type { FaultId, Strictness } from '../../pose/exercises/types';
import type { Rep } from '../../pose/reps/rep-counter';
import type {
  HoldProgress,
  RepMeasuresRecord,
  RepRecord,
  ReplayTrack,
  SessionPlan,
  SetEndedBy,
} from '../../storage';
import type { RepMeasureMetric } from '../../pose/reps/kept-measures';
import { REP_MEASURE_METRICS } from '../../pose/reps/kept-measures';
import type { SetPlan } from './plan';
import { faultSecondsOf } from './replay';
import type { SetCounts } from './tally';
import { ZERO_COUNTS } from './tally';
import type { WorkoutState } from './workout';
import { INITIAL_WORKOUT } from './workout';

/**
 * Seconds of a hold between checkpoints: a crash loses at most this much of a hold, and a plank
 * costs one small write every few seconds.
 */
export const HOLD_CHECKPOINT_MS = 5000;

export type LogOp =
  | {
      readonly kind: 'start-session';
      readonly sessionId: string;
      readonly startedAt: string;
      readonly exercise: string;
      readonly strictness: Strictness;
      readonly plan: SessionPlan;
    }
  | {
      readonly kind: 'start-set';
      readonly sessionId: string;
      /** The workout's set number (1-based). */
      readonly set: number;
      readonly at: string;
    }
  | {
      readonly kind: 'rep';
      readonly sessionId: string;
      readonly set: number;
      readonly rep: RepRecord;
    }
  | {
      readonly kind: 'hold';
      readonly sessionId: string;
      readonly set: number;
      readonly progress: HoldProgress;
    }
  | {
      readonly kind: 'end-set';
      readonly sessionId: string;
      readonly set: number;
      readonly at: string;
      readonly endedBy: SetEndedBy;
      /** The final hold for hold exercises; null for reps (storage keeps the clean-rep share). */
      readonly hold: HoldProgress | null;
      /** Seconds each fault was cued, from the set's replay; absent without one. */
      readonly faultSeconds?: Readonly<Record<string, number>>;
    }
  /** The finished set's replay (replay.ts), saved after the set, apart from it. */
  | {
      readonly kind: 'replay';
      readonly sessionId: string;
      readonly set: number;
      readonly at: string;
      readonly track: ReplayTrack;
    }
  | { readonly kind: 'end-session'; readonly sessionId: string; readonly at: string };

interface LoggedSession {
  readonly id: string;
  readonly startedAt: string;
  readonly exercise: string;
  readonly plan: SessionPlan;
  /** True once its start-session operation was issued (at the first counted set). */
  readonly opened: boolean;
}

interface LoggedSet {
  readonly number: number;
  /** Milliseconds spent counting (the frame clock): the hold's time in position. */
  readonly countingMs: number;
  /** Frame time of the last hold checkpoint (or of the set's start). */
  readonly checkpointMs: number;
  readonly checkpointSeconds: number;
}

export interface LogState {
  /** The last workout state seen. */
  readonly workout: WorkoutState;
  /** The workout under way, or null. */
  readonly session: LoggedSession | null;
  /** The set started in storage and not yet ended, or null. */
  readonly set: LoggedSet | null;
}

export const INITIAL_LOG: LogState = { workout: INITIAL_WORKOUT, session: null, set: null };

export interface LogContext {
  /** Wall-clock time of this step (ISO): when sessions and sets start and end. */
  readonly at: string;
  readonly strictness: Strictness;
  /** A new session id; called once per workout. */
  readonly newId: () => string;
  /** The programme week the workout was started from the Plan for; null when chosen freely. */
  readonly programmeWeek: number | null;
}

export function sessionPlanOf(plan: SetPlan, programmeWeek: number | null): SessionPlan {
  return {
    programmeWeek,
    targetSets: plan.sets,
    targetReps: plan.kind === 'reps' ? plan.reps : null,
    targetHoldSeconds: plan.kind === 'hold' ? plan.holdSeconds : null,
  };
}

/**
 * Good-form seconds over seconds in position, 0..1, with each side's seconds when a side was told.
 */
export function holdProgress(
  holdSeconds: number,
  countingMs: number,
  sides: SetCounts['sideHoldSeconds'] = ZERO_COUNTS.sideHoldSeconds,
): HoldProgress {
  if (holdSeconds <= 0) return { holdSeconds: 0, goodFormShare: 0 };
  const share = countingMs > 0 ? (holdSeconds * 1000) / countingMs : 1;
  const sided = sides.left > 0 || sides.right > 0;
  return {
    holdSeconds,
    goodFormShare: Math.min(1, share),
    ...(sided ? { sideHoldSeconds: { left: sides.left, right: sides.right } } : {}),
  };
}

/** The rep's kept measures storage knows (REP_MEASURE_METRICS); any other is not stored. */
function repMeasuresRecordOf(measures: Readonly<Record<string, number>>): RepMeasuresRecord {
  const record: Partial<Record<RepMeasureMetric, number>> = {};
  for (const metric of REP_MEASURE_METRICS) {
    const value = measures[metric];
    if (value !== undefined) record[metric] = value;
  }
  return record;
}

/** A counted rep as storage keeps it. */
export function repRecordOf(rep: Rep<FaultId>): RepRecord {
  return {
    side: rep.side,
    startMs: rep.startMs,
    endMs: rep.endMs,
    faults: [...rep.faults],
    rangeOfMotion: { min: rep.minSignal, max: rep.maxSignal },
    tempo: rep.tempo,
    ...(rep.measures ? { measures: repMeasuresRecordOf(rep.measures) } : {}),
  };
}

/** True when `next` is a workout just started (from nothing, a finished one, or another one). */
function startedAfresh(prev: WorkoutState, next: WorkoutState): boolean {
  if (next.phase !== 'placing' || next.setNumber !== 1 || next.sets.length > 0) return false;
  return (
    prev.phase === 'idle' ||
    prev.phase === 'finished' ||
    prev.exercise !== next.exercise ||
    prev.sets.length > 0
  );
}

function isHold(state: WorkoutState): boolean {
  return state.exercise?.kind === 'hold';
}

/** One step: the new log state and the operations to run, in order. */
export function stepLog(
  log: LogState,
  next: WorkoutState,
  context: LogContext,
): { readonly log: LogState; readonly ops: readonly LogOp[] } {
  const prev = log.workout;
  if (next === prev) return { log, ops: [] };
  const ops: LogOp[] = [];
  let replay: LogOp | null = null;
  let session = log.session;
  let set = log.set;
  const stopped = next.phase === 'idle' && prev.phase !== 'idle';
  const fresh = startedAfresh(prev, next);

  // The workout was left (or replaced by a new one): close what is open.
  if (stopped || fresh) {
    if (session && set) {
      const endedBy: SetEndedBy = prev.paused?.reason === 'pain' ? 'pain' : 'stopped';
      const hold = isHold(prev)
        ? holdProgress(
            prev.tally.counts.holdSeconds,
            set.countingMs,
            prev.tally.counts.sideHoldSeconds,
          )
        : null;
      ops.push({
        kind: 'end-set',
        sessionId: session.id,
        set: set.number,
        at: context.at,
        endedBy,
        hold,
      });
    }
    if (session?.opened) ops.push({ kind: 'end-session', sessionId: session.id, at: context.at });
    session = null;
    set = null;
  }
  if (fresh && next.exercise && next.plan) {
    session = {
      id: context.newId(),
      startedAt: context.at,
      exercise: next.exercise.id,
      plan: sessionPlanOf(next.plan, context.programmeWeek),
      opened: false,
    };
  }

  if (set && prev.phase === 'counting') {
    set = { ...set, countingMs: set.countingMs + Math.max(0, next.nowMs - prev.nowMs) };
  }

  // The set starts counting: the session (if this is its first set) and the set are saved.
  if (session && next.phase === 'counting' && set?.number !== next.setNumber) {
    if (!session.opened) {
      ops.push({
        kind: 'start-session',
        sessionId: session.id,
        startedAt: session.startedAt,
        exercise: session.exercise,
        strictness: context.strictness,
        plan: session.plan,
      });
      session = { ...session, opened: true };
    }
    ops.push({ kind: 'start-set', sessionId: session.id, set: next.setNumber, at: context.at });
    set = { number: next.setNumber, countingMs: 0, checkpointMs: next.nowMs, checkpointSeconds: 0 };
  }

  if (session && set) {
    // A rep finished (the tally grows only while its set counts; a new set's tally starts at 0).
    const lastRep = next.tally.lastRep;
    if (next.tally.counts.reps > prev.tally.counts.reps && lastRep) {
      ops.push({
        kind: 'rep',
        sessionId: session.id,
        set: set.number,
        rep: repRecordOf(lastRep),
      });
    }

    const heldSeconds = next.tally.counts.holdSeconds;
    if (
      isHold(next) &&
      next.phase === 'counting' &&
      next.nowMs - set.checkpointMs >= HOLD_CHECKPOINT_MS &&
      heldSeconds !== set.checkpointSeconds
    ) {
      ops.push({
        kind: 'hold',
        sessionId: session.id,
        set: set.number,
        progress: holdProgress(heldSeconds, set.countingMs, next.tally.counts.sideHoldSeconds),
      });
      set = { ...set, checkpointMs: next.nowMs, checkpointSeconds: heldSeconds };
    }

    // The set ended (target reached or ended by the person).
    const summary = next.sets.length > prev.sets.length ? next.sets.at(-1) : undefined;
    if (summary) {
      ops.push({
        kind: 'end-set',
        sessionId: session.id,
        set: set.number,
        at: context.at,
        endedBy: summary.endedBy,
        hold: isHold(next)
          ? holdProgress(summary.counts.holdSeconds, set.countingMs, summary.counts.sideHoldSeconds)
          : null,
        ...(summary.replay ? { faultSeconds: faultSecondsOf(summary.replay) } : {}),
      });
      if (summary.replay) {
        replay = {
          kind: 'replay',
          sessionId: session.id,
          set: set.number,
          at: context.at,
          track: summary.replay,
        };
      }
      set = null;
    }
  }

  if (next.phase === 'finished' && prev.phase !== 'finished') {
    if (session?.opened) ops.push({ kind: 'end-session', sessionId: session.id, at: context.at });
    session = null;
    set = null;
  }

  // The replay is saved last: it is the biggest write by far, and a tab closed as the workout ends
  // must not lose the session's end waiting behind it.
  return { log: { workout: next, session, set }, ops: replay ? [...ops, replay] : ops };
}
