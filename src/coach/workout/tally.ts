/**
 * What one set has counted so far. The worker counts reps and good-form time from the moment
 * coaching starts, and each frame says what it added; this tally keeps what was added while the
 * set was counting, so placement, pauses and a worker restart (engine switch) never add reps or
 * seconds. Pure.
 */
import type { Coaching } from '../../pose/exercises/coach';
import type { Rep } from '../../pose/reps/rep-counter';
import type { FaultId } from '../../pose/exercises/types';
import type { Side } from '../../pose/side';

export interface SetCounts {
  readonly reps: number;
  /** Reps with no fault seen during them. */
  readonly cleanReps: number;
  readonly left: number;
  readonly right: number;
  /** Good-form seconds (hold exercises). */
  readonly holdSeconds: number;
  /** How often each fault was cued (appeared after the persistence gate) during the set. */
  readonly faults: Readonly<Partial<Record<FaultId, number>>>;
  /** How many finished reps each fault was seen in (a rep "with a fault"). */
  readonly repFaults: Readonly<Partial<Record<FaultId, number>>>;
  /** Good-form seconds held on each side (a side plank's supporting side); 0 when not told. */
  readonly sideHoldSeconds: { readonly left: number; readonly right: number };
}

export const ZERO_COUNTS: SetCounts = {
  reps: 0,
  cleanReps: 0,
  left: 0,
  right: 0,
  holdSeconds: 0,
  faults: {},
  repFaults: {},
  sideHoldSeconds: { left: 0, right: 0 },
};

export type CounterSample = Pick<Coaching, 'repDone' | 'heldMs' | 'shownFaults'> & {
  /** The working side this frame (`FormResult.activeSide`); absent or null when not told. */
  readonly side?: Side | null;
};

export interface TallyState {
  readonly counts: SetCounts;
  /** The set's last counted rep: what the workout log saves when `counts.reps` grows. */
  readonly lastRep: Rep<FaultId> | null;
  /** Every rep counted this set, in order: its tempo and each side's range (balance.ts). */
  readonly reps: readonly Rep<FaultId>[];
  /** The faults cued at the last frame, so a cue that stays on is counted once. */
  readonly shownBefore: readonly FaultId[];
  /** Good-form time in ms, summed as the worker sends it (`counts.holdSeconds` is this / 1000). */
  readonly heldMs: number;
}

export const INITIAL_TALLY: TallyState = {
  counts: ZERO_COUNTS,
  lastRep: null,
  reps: [],
  shownBefore: [],
  heldMs: 0,
};

function addFaults(
  to: Readonly<Partial<Record<FaultId, number>>>,
  faults: readonly FaultId[],
): Readonly<Partial<Record<FaultId, number>>> {
  if (faults.length === 0) return to;
  const next = { ...to };
  for (const fault of faults) next[fault] = (next[fault] ?? 0) + 1;
  return next;
}

/**
 * One frame. The worker counts the reps and the good-form time (src/pose/reps); the set takes the
 * rep the frame completed and the time it added only while `counting` (not placement or a pause).
 */
export function stepTally(state: TallyState, sample: CounterSample, counting: boolean): TallyState {
  const shownBefore = sample.shownFaults;
  if (!counting) return { ...state, shownBefore };
  const c = state.counts;
  const fresh = sample.shownFaults.filter((fault) => !state.shownBefore.includes(fault));
  const rep = sample.repDone;
  const repCounts: Partial<SetCounts> =
    rep === null
      ? {}
      : {
          reps: c.reps + 1,
          cleanReps: c.cleanReps + (rep.faults.length === 0 ? 1 : 0),
          left: c.left + (rep.side === 'left' ? 1 : 0),
          right: c.right + (rep.side === 'right' ? 1 : 0),
          repFaults: addFaults(c.repFaults, rep.faults),
        };
  const heldMs = state.heldMs + sample.heldMs;
  const heldSeconds = sample.heldMs / 1000;
  const sides = c.sideHoldSeconds;
  return {
    shownBefore,
    lastRep: rep ?? state.lastRep,
    reps: rep === null ? state.reps : [...state.reps, rep],
    heldMs,
    counts: {
      ...c,
      ...repCounts,
      holdSeconds: heldMs / 1000,
      faults: addFaults(c.faults, fresh),
      sideHoldSeconds:
        heldSeconds > 0 && sample.side
          ? { ...sides, [sample.side]: sides[sample.side] + heldSeconds }
          : sides,
    },
  };
}

/** The faults of a set, most frequent first. */
export function faultsByCount(counts: SetCounts): readonly { fault: FaultId; times: number }[] {
  return (Object.entries(counts.faults) as [FaultId, number][])
    .map(([fault, times]) => ({ fault, times }))
    .sort((a, b) => b.times - a.times);
}
