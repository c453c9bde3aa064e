import type { EngineModel, PoseFrame } from '../../pose/pose';
import type { ProcessorChoice, ProcessorPreference } from './processor';

/** VIDEO tracks between frames with strictly increasing timestamps; IMAGE treats each as new. */
export type RunningMode = 'video' | 'image';

export interface LoadProgress {
  readonly stage: 'runtime' | 'model' | 'ready';
  /** 0-1 over the whole load. */
  readonly fraction: number;
}

/** An engine and model to load, and where to run it (the app leaves that to Auto). */
export type EngineRequest = EngineModel & {
  /** Where MediaPipe runs its model (./processor.ts); MoveNet always runs on the CPU (wasm). */
  readonly processor?: ProcessorPreference;
};

export type DetectorConfig = EngineRequest & {
  /** Absolute URL of the folder holding the built models (public/models). */
  readonly modelBaseUrl: string;
  /** Absolute URL of the folder holding the wasm runtimes (public/wasm). */
  readonly wasmBaseUrl: string;
};

export interface EstimateOptions {
  /**
   * Also trace each person's silhouette into `Pose.outline` (costs a segmentation mask per frame).
   * Engines without a mask (MoveNet) ignore it and return poses without an outline.
   */
  readonly outline?: boolean;
}

/** The one contract every engine implements (after tfjs-models' pose-detection). */
export interface PoseDetector {
  readonly config: EngineModel;
  /** Where the model runs now, and why; it may change during the first frames (a GPU trial). */
  readonly processor: ProcessorChoice;
  /** Finds every person in the frame. The caller keeps ownership of `image`. */
  estimate(
    image: ImageBitmap,
    timestampMs: number,
    mode: RunningMode,
    options?: EstimateOptions,
  ): Promise<PoseFrame>;
  /** Forgets tracking state, e.g. between clips. */
  reset(): void;
  dispose(): void;
}

export type ProgressListener = (progress: LoadProgress) => void;
