/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { EngineModel, PoseFrame } from '../pose/pose';
import { initialCoachState, stepCoach } from '../pose/exercises/coach';
import { forEngine } from '../pose/exercises/engine-limits';
import type { CoachState, Coaching } from '../pose/exercises/coach';
import { findExercise } from '../pose/exercises/registry';
import { checkPosture } from '../pose/posture-check';
import type { PostureCheck } from '../pose/posture-measures';
import type { Exercise, ExerciseId, Strictness } from '../pose/exercises/types';
import { toFullFrame } from '../pose/frame-scale';
import { frameBrightness } from './brightness';
import { cameraFrameSize, liveFrameScale, modelInput } from './live-frame';
import type { CameraFrame } from './live-frame';
import { createDetector } from './detectors';
import type { ProcessorChoice } from './detectors/processor';
import type {
  EngineRequest,
  EstimateOptions,
  LoadProgress,
  PoseDetector,
  RunningMode,
} from './detectors/types';
import { PoseEngineError, installPoseErrorTransfer } from './errors';
import { restrictFetchToOwnOrigin } from './own-origin-fetch';

declare const self: DedicatedWorkerGlobalScope;

installPoseErrorTransfer();
restrictFetchToOwnOrigin(self);

export interface EngineInfo {
  readonly config: EngineModel;
  readonly loadMs: number;
  /** Where the model runs when loaded, and why (detectors/processor.ts). */
  readonly processor: ProcessorChoice;
}

export interface CoachingRequest {
  readonly exercise: ExerciseId;
  readonly strictness: Strictness;
}

/** One frame's poses and, when a set is running, what the coach makes of them. */
export interface FrameAnalysis {
  readonly frame: PoseFrame;
  readonly coaching: Coaching | null;
  /** Mean luma of the frame, 0-1 (src/pose/lighting.ts); null when it could not be measured. */
  readonly brightness: number | null;
}

/** How the fault tests make this worker fail: close itself (calls go unanswered) or throw. */
export type SimulatedFailure = 'exit' | 'error';

let detector: PoseDetector | null = null;
/** Smoothing and checking live here, beside the model, so the UI receives verdicts. */
let coach: {
  readonly exercise: Exercise;
  readonly strictness: Strictness;
  state: CoachState;
} | null = null;

function assetUrl(folder: string): string {
  return new URL(`${import.meta.env.BASE_URL}${folder}/`, self.location.origin).href;
}

const api = {
  /** Loads one engine and model; a worker holds one for its lifetime (switch = new worker). */
  async init(
    config: EngineRequest,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<EngineInfo> {
    if (detector) throw new PoseEngineError('NOT_READY', 'This pose engine is already loaded.');
    const started = performance.now();
    detector = await createDetector(
      { ...config, modelBaseUrl: assetUrl('models'), wasmBaseUrl: assetUrl('wasm') },
      (progress) => onProgress?.(progress),
    );
    return {
      config: detector.config,
      loadMs: performance.now() - started,
      processor: detector.processor,
    };
  },

  /** Estimates the poses in one frame and closes it: the bitmap is transferred here. */
  async estimate(
    frame: ImageBitmap,
    timestampMs: number,
    mode: RunningMode,
    options: EstimateOptions = {},
  ): Promise<PoseFrame> {
    try {
      if (!detector) throw new PoseEngineError('NOT_READY', 'The pose engine is not loaded yet.');
      return await detector.estimate(frame, timestampMs, mode, options);
    } finally {
      frame.close();
    }
  },

  /**
   * Estimates one camera frame and, when coaching, judges it with the current exercise. The model
   * reads it at its engine's live size (live-frame.ts); the answer is in the full frame's pixels.
   * The silhouette is traced only for exercises that read it (`usesBodyOutline`): the others do
   * not pay for the mask.
   */
  async analyse(
    frame: CameraFrame,
    timestampMs: number,
    mode: RunningMode,
  ): Promise<FrameAnalysis> {
    const fullSize = cameraFrameSize(frame);
    const input = await modelInput(frame, detector ? liveFrameScale(detector.config) : 1);
    // Measured before the model call, which closes the frame.
    const brightness = frameBrightness(input);
    const scaledFrame = await api.estimate(input, timestampMs, mode, {
      outline: coach?.exercise.usesBodyOutline === true,
    });
    const poseFrame = toFullFrame(scaledFrame, fullSize);
    if (!coach) return { frame: poseFrame, coaching: null, brightness };
    const step = stepCoach(
      forEngine(coach.exercise, poseFrame),
      coach.state,
      poseFrame,
      coach.strictness,
      mode === 'image',
    );
    coach.state = step.state;
    return { frame: poseFrame, coaching: step.coaching, brightness };
  },

  /**
   * Judges one still's poses (estimated before) as a posture check. Here, not on the page, so the
   * page never loads a checker (src/pose/posture-check.ts runs the wall-posture checker).
   */
  checkPosture(still: PoseFrame, strictness: Strictness): PostureCheck {
    return checkPosture(still, strictness);
  },

  /** Starts coaching an exercise from a clean state (switching exercise resets everything). */
  startCoaching(request: CoachingRequest | null): void {
    const exercise = request ? findExercise(request.exercise) : null;
    if (request && !exercise) {
      throw new PoseEngineError('BAD_INPUT', `There is no exercise called "${request.exercise}".`);
    }
    coach =
      request && exercise
        ? { exercise, strictness: request.strictness, state: initialCoachState(exercise) }
        : null;
    detector?.reset();
  },

  reset(): void {
    detector?.reset();
    if (coach) coach.state = initialCoachState(coach.exercise);
  },

  /**
   * For the fault tests (reached only through a page opened with `?faults`): fails the way a real
   * crash does. 'exit' ends the worker's event loop, so every later call goes unanswered, like a
   * wasm call that never returns; 'error' throws outside any call, like a runtime abort.
   */
  simulateFailure(kind: SimulatedFailure): void {
    if (kind === 'exit') {
      self.close();
      return;
    }
    setTimeout(() => {
      throw new Error('Simulated pose worker crash.');
    });
  },

  /**
   * Closes the model now (the app terminates the worker instead). MediaPipe flushes its usage log
   * when its landmarker closes, so tests/e2e/privacy.spec.ts calls this to see the log refused
   * without waiting the library's 60 s.
   * @public
   */
  dispose(): void {
    detector?.dispose();
    detector = null;
  },
};

export type PoseWorkerApi = typeof api;

expose(api);
