import type { EngineModel, PoseFrame } from '../../pose/pose';

/** VIDEO tracks between frames with strictly increasing timestamps; IMAGE treats each as new. */
export type RunningMode = 'video' | 'image';

export interface LoadProgress {
  readonly stage: 'runtime' | 'model' | 'ready';
  /** 0-1 over the whole load. */
  readonly fraction: number;
}

export type DetectorConfig = EngineModel & {
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
