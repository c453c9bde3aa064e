/**
 * What one set has counted so far. The worker counts from the moment coaching starts, including
 * placement; this tally adds only what changed while the set was counting, so placement, pauses
 * and a worker restart (engine switch) never add reps or seconds. Pure.
 */
import type { Coaching } from '../../pose/exercises/coach';
import type { FaultId } from '../../pose/exercises/types';

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
}

export const ZERO_COUNTS: SetCounts = {
  reps: 0,
  cleanReps: 0,
  left: 0,
  right: 0,
  holdSeconds: 0,
  faults: {},
  repFaults: {},
};

export type CounterSample = Pick<Coaching, 'reps' | 'holdSeconds' | 'shownFaults'> &
  Partial<Pick<Coaching, 'lastRep'>>;

export interface TallyState {
  readonly counts: SetCounts;
  /** The worker's numbers at the last frame, to take differences from. */
  readonly previous: CounterSample | null;
}

export const INITIAL_TALLY: TallyState = { counts: ZERO_COUNTS, previous: null };

/** A difference that never goes negative: a smaller number means the worker started afresh. */
function gain(now: number | undefined, before: number | undefined): number {
  if (now === undefined || before === undefined) return 0;
  return now > before ? now - before : 0;
}

/**
 * One frame. While `counting` is false (placement, pause) only the reference moves. After a pause
 * call `forgetPrevious` so the first frame back is a new reference, not a jump.
 */
export function stepTally(state: TallyState, sample: CounterSample, counting: boolean): TallyState {
  const previous = state.previous;
  if (!counting || previous === null) return { counts: state.counts, previous: sample };
  const c = state.counts;
  const fresh = sample.shownFaults.filter((fault) => !previous.shownFaults.includes(fault));
  const faults = { ...c.faults };
  for (const fault of fresh) faults[fault] = (faults[fault] ?? 0) + 1;
  const newReps = gain(sample.reps?.total, previous.reps?.total);
  let repFaults = c.repFaults;
  if (newReps > 0 && sample.lastRep && sample.lastRep.faults.length > 0) {
    const next = { ...repFaults };
    for (const fault of sample.lastRep.faults) next[fault] = (next[fault] ?? 0) + 1;
    repFaults = next;
  }
  return {
    previous: sample,
    counts: {
      reps: c.reps + newReps,
      cleanReps: c.cleanReps + gain(sample.reps?.clean, previous.reps?.clean),
      left: c.left + gain(sample.reps?.left, previous.reps?.left),
      right: c.right + gain(sample.reps?.right, previous.reps?.right),
      holdSeconds:
        c.holdSeconds + gain(sample.holdSeconds ?? undefined, previous.holdSeconds ?? undefined),
      faults: fresh.length > 0 ? faults : c.faults,
      repFaults,
    },
  };
}

export function forgetPrevious(state: TallyState): TallyState {
  return { counts: state.counts, previous: null };
}

/** The faults of a set, most frequent first. */
export function faultsByCount(counts: SetCounts): readonly { fault: FaultId; times: number }[] {
  return (Object.entries(counts.faults) as [FaultId, number][])
    .map(([fault, times]) => ({ fault, times }))
    .sort((a, b) => b.times - a.times);
}
