import type { FaultId } from './types';

/**
 * A fault is shown only after it has been seen this long without a break: one noisy frame must not
 * cue (a wrong cue is worse than none), while a real sag is held for seconds. Plank-challenge's
 * open-source checker enters after 5 frames at 15 fps, about 330 ms (docs/checkers.md).
 */
export const FAULT_SHOW_AFTER_MS = 400;
/** Frames without the fault shorter than this do not break its run (one frame of jitter). */
export const FAULT_GAP_TOLERANCE_MS = 200;

export interface FaultRun {
  readonly sinceMs: number;
  readonly lastSeenMs: number;
}

export interface FaultPersistenceState<Fault extends FaultId = FaultId> {
  readonly runs: ReadonlyMap<Fault, FaultRun>;
}

export function initialFaultPersistence<
  Fault extends FaultId = FaultId,
>(): FaultPersistenceState<Fault> {
  return { runs: new Map() };
}

/**
 * Steps the persistence gate with this frame's faults and returns those to show. A still photo is
 * judged as it is: call with `isStill` to show its faults at once; `atOnce` are shown at once too
 * (faults judged per rep, not per frame: `perRepFaults`).
 */
export function stepFaultPersistence<Fault extends FaultId>(
  state: FaultPersistenceState<Fault>,
  faults: readonly Fault[],
  timestampMs: number,
  isStill = false,
  atOnce: readonly Fault[] = [],
): { readonly state: FaultPersistenceState<Fault>; readonly shown: readonly Fault[] } {
  if (isStill) return { state: initialFaultPersistence<Fault>(), shown: [...new Set(faults)] };
  if (!Number.isFinite(timestampMs)) return { state, shown: [] };
  const runs = new Map<Fault, FaultRun>();
  for (const [fault, run] of state.runs) {
    if (timestampMs - run.lastSeenMs <= FAULT_GAP_TOLERANCE_MS) runs.set(fault, run);
  }
  for (const fault of faults) {
    const run = runs.get(fault);
    runs.set(fault, { sinceMs: run?.sinceMs ?? timestampMs, lastSeenMs: timestampMs });
  }
  // Only faults seen in this frame are shown: comparing times would also show last frame's faults
  // on a frame stamped with the same time (a repeated timestamp).
  const shown = [...new Set(faults)].filter(
    (fault) =>
      atOnce.includes(fault) ||
      timestampMs - (runs.get(fault)?.sinceMs ?? timestampMs) >= FAULT_SHOW_AFTER_MS,
  );
  return { state: { runs }, shown };
}
