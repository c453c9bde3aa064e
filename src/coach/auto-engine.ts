/**
 * "Auto" engine choice: the most accurate model that keeps up with the camera on this machine,
 * found by timing the real model on the first camera frames with a person in them. Pure:
 * (state, one frame's model time) => state; the hook applies the choice.
 */
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
}

export const INITIAL_AUTO: AutoState = {
  rung: AUTO_START_RUNG,
  verdicts: {},
  framesSeen: 0,
  samplesMs: [],
  settled: false,
};

export function autoModel(state: AutoState): EngineModel {
  return AUTO_LADDER[state.rung] ?? AUTO_START;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function onRung(state: AutoState, rung: number, settled: boolean): AutoState {
  return { ...state, rung, framesSeen: 0, samplesMs: [], settled };
}

/** Decides once a rung has its samples: climb while models keep up, step down when one does not. */
function decide(state: AutoState): AutoState {
  const keptUp = median(state.samplesMs) <= AUTO_MAX_FRAME_MS;
  const verdicts = { ...state.verdicts, [state.rung]: keptUp };
  const judged = { ...state, verdicts };
  if (keptUp) {
    const better = state.rung - 1;
    // Climb only to a model not yet found too slow.
    return better >= 0 && verdicts[better] === undefined
      ? onRung(judged, better, false)
      : onRung(judged, state.rung, true);
  }
  const faster = state.rung + 1;
  if (faster >= AUTO_LADDER.length) return onRung(judged, state.rung, true);
  // Settled at once when the faster one already kept up; otherwise it must be timed too.
  return onRung(judged, faster, verdicts[faster] === true);
}

/** One frame with a person in it, timed on the model `frameModel` (frames of another are ignored). */
export function stepAuto(
  state: AutoState,
  frameModel: Pick<PoseFrame, 'engine' | 'model'>,
  frameMs: number,
): AutoState {
  const current = autoModel(state);
  if (state.settled || frameModel.engine !== current.engine || frameModel.model !== current.model) {
    return state;
  }
  const framesSeen = state.framesSeen + 1;
  if (framesSeen <= AUTO_WARMUP_FRAMES) return { ...state, framesSeen };
  const samplesMs = [...state.samplesMs, frameMs];
  const next = { ...state, framesSeen, samplesMs };
  return samplesMs.length >= AUTO_SAMPLE_FRAMES ? decide(next) : next;
}
