/**
 * "Auto" engine choice: the most accurate model that keeps up with the camera on this machine,
 * found by timing the real model on the first camera frames with a person in them. Pure:
 * (state, one frame's model time) => state. A switch it decides on waits (`switching`) until the
 * hook may make it (`switchAuto`): never while a set runs.
 */
import { median } from '../pose/geometry/median';
import type { EngineModel, PoseFrame } from '../pose/pose';

/** Most accurate first. MoveNet lightning is the floor: the fastest model, 17 keypoints only. */
export const AUTO_LADDER: readonly EngineModel[] = [
  { engine: 'mediapipe', model: 'heavy' },
  { engine: 'mediapipe', model: 'full' },
  { engine: 'mediapipe', model: 'lite' },
  { engine: 'movenet', model: 'lightning' },
];
/** Where Auto starts: MediaPipe full, the model the checkers were tuned on (docs/testing.md). */
export const AUTO_START_RUNG = 1;
const AUTO_START: EngineModel = { engine: 'mediapipe', model: 'full' };
/** Below this rate a rep's turning points fall between frames: the target the brief sets. */
export const AUTO_TARGET_FPS = 15;
export const AUTO_MAX_FRAME_MS = 1000 / AUTO_TARGET_FPS;
/** Frames skipped after a model starts: its first calls include one-off graph set-up. */
export const AUTO_WARMUP_FRAMES = 5;
/** Frames timed per model: a median over 20 shrugs off a few slow frames from other work. */
export const AUTO_SAMPLE_FRAMES = 20;
/**
 * How many times slower each rung of AUTO_LADDER runs than the next one down, taken a little low
 * (docs/models.md, measured here: heavy 335-340 ms against full 98-134 ms a frame in IMAGE mode; full
 * 60-82 against lite 52-57 ms in VIDEO mode). Auto climbs only when the measured time times this
 * still keeps up: a machine that barely holds full never loads heavy (issue #17, two cores).
 */
export const AUTO_COST_OVER_NEXT: readonly number[] = [2.5, 1.2, 1.1, 1];

export interface AutoState {
  /** Index in AUTO_LADDER of the model running (or to run). */
  readonly rung: number;
  /** What each rung measured: true = kept up. */
  readonly verdicts: Readonly<Partial<Record<number, boolean>>>;
  /** Frames seen on the current rung, warm-up included. */
  readonly framesSeen: number;
  readonly samplesMs: readonly number[];
  /** Done: the rung is the choice for this visit. */
  readonly settled: boolean;
  /** The rung decided on, waiting for the set to end (see `switchAuto`); null when none. */
  readonly next: number | null;
}

export const INITIAL_AUTO: AutoState = {
  rung: AUTO_START_RUNG,
  verdicts: {},
  framesSeen: 0,
  samplesMs: [],
  settled: false,
  next: null,
};

/** Timing the model that runs; a switch decided on and waiting; or done. */
export type AutoPhase = 'measuring' | 'switching' | 'settled';

export function autoPhase(state: AutoState): AutoPhase {
  if (state.settled) return 'settled';
  return state.next === null ? 'measuring' : 'switching';
}

/** The model that runs (or is to run) now. */
export function autoModel(state: AutoState): EngineModel {
  return AUTO_LADDER[state.rung] ?? AUTO_START;
}

/** The model Auto is switching to after the set, or null. */
export function autoNextModel(state: AutoState): EngineModel | null {
  return state.next === null ? null : (AUTO_LADDER[state.next] ?? null);
}

function onRung(state: AutoState, rung: number, settled: boolean): AutoState {
  return { ...state, rung, framesSeen: 0, samplesMs: [], settled, next: null };
}

/**
 * Decides once a rung has its samples: climb while models keep up (and the next one up should
 * too), step down when one does not. A different rung waits in `next` for `switchAuto`.
 */
function decide(state: AutoState): AutoState {
  const measuredMs = median(state.samplesMs);
  const keptUp = measuredMs <= AUTO_MAX_FRAME_MS;
  const verdicts = { ...state.verdicts, [state.rung]: keptUp };
  const judged = { ...state, verdicts, framesSeen: 0, samplesMs: [] };
  if (keptUp) {
    const better = state.rung - 1;
    const betterMs = measuredMs * (AUTO_COST_OVER_NEXT[better] ?? Infinity);
    // Climb only to a model not yet found too slow, and expected to keep up.
    return better >= 0 && verdicts[better] === undefined && betterMs <= AUTO_MAX_FRAME_MS
      ? { ...judged, next: better }
      : onRung(judged, state.rung, true);
  }
  const faster = state.rung + 1;
  if (faster >= AUTO_LADDER.length) return onRung(judged, state.rung, true);
  return { ...judged, next: faster };
}

/**
 * Makes the switch decided on, when the hook may (out of a set). The faster model is settled on
 * at once when it already kept up; any other must be timed too.
 */
export function switchAuto(state: AutoState): AutoState {
  if (state.next === null) return state;
  return onRung(state, state.next, state.verdicts[state.next] === true);
}

/** One frame with a person in it, timed on the model `frameModel` (frames of another are ignored). */
export function stepAuto(
  state: AutoState,
  frameModel: Pick<PoseFrame, 'engine' | 'model'>,
  frameMs: number,
): AutoState {
  const current = autoModel(state);
  const timing = autoPhase(state) === 'measuring';
  if (!timing || frameModel.engine !== current.engine || frameModel.model !== current.model) {
    return state;
  }
  const framesSeen = state.framesSeen + 1;
  if (framesSeen <= AUTO_WARMUP_FRAMES) return { ...state, framesSeen };
  const samplesMs = [...state.samplesMs, frameMs];
  const next = { ...state, framesSeen, samplesMs };
  return samplesMs.length >= AUTO_SAMPLE_FRAMES ? decide(next) : next;
}
