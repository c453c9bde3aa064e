import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX } from './landmarks';

/** The engines behind the one `PoseDetector` interface. */
export type EngineId = 'mediapipe' | 'movenet';
export type MediaPipeModel = 'lite' | 'full' | 'heavy';
export type MoveNetModel = 'lightning' | 'thunder';
export type ModelId = MediaPipeModel | MoveNetModel;

export const ENGINE_MODELS = {
  mediapipe: ['lite', 'full', 'heavy'],
  movenet: ['lightning', 'thunder'],
} as const satisfies Record<EngineId, readonly ModelId[]>;

export type EngineModel =
  | { readonly engine: 'mediapipe'; readonly model: MediaPipeModel }
  | { readonly engine: 'movenet'; readonly model: MoveNetModel };

/** A landmark in the input image's pixel coordinates (origin top-left, y down). */
export interface ImageLandmark {
  readonly x: number;
  readonly y: number;
  /** Depth relative to the hips, roughly in x's scale (BlazePose only; null for MoveNet). */
  readonly z: number | null;
  /** 0-1: how sure the engine is that the point is visible and not occluded. */
  readonly visibility: number;
}

/** A landmark in metres, origin between the hips (BlazePose's world landmarks). */
export interface WorldLandmark {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly visibility: number;
}

export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

/**
 * The person's silhouette from a segmentation mask: its outer boundary as a closed polygon in the
 * input image's pixels (same frame as `ImageLandmark`). Numbers only, so it is cheap to send and
 * to record; the mask itself never leaves the worker.
 */
export interface BodyOutline {
  /** x0, y0, x1, y1, ...: the boundary's vertices in order, the last joining the first. */
  readonly xy: readonly number[];
  /**
   * 0-1: how crisp the mask was, the share of the silhouette (mask >= 0.3) that is also >= 0.7.
   * A blurred or unsure mask gives a low value and its outline should be trusted less.
   */
  readonly quality: number;
}

/** One person's pose. Arrays hold 33 entries in `LANDMARK_NAMES` order; null marks an absent one. */
export interface Pose {
  readonly landmarks: readonly (ImageLandmark | null)[];
  /** Null when the engine has no world landmarks (MoveNet). */
  readonly worldLandmarks: readonly (WorldLandmark | null)[] | null;
  /** 0-1 confidence that this is a person. */
  readonly score: number;
  /**
   * The silhouette, only when the outline was asked for and the engine has a mask (MediaPipe);
   * absent otherwise (MoveNet never has one).
   */
  readonly outline?: BodyOutline;
}

/** What one `estimate` call returns: every person found in one frame. */
export interface PoseFrame {
  readonly engine: EngineId;
  readonly model: ModelId;
  readonly timestampMs: number;
  readonly imageSize: ImageSize;
  readonly poses: readonly Pose[];
  /** Time spent in the model call itself (with the outline's tracing when asked), in milliseconds. */
  readonly inferenceMs: number;
}

/** The landmark with this name, or null when the engine did not report it. */
export function landmark(pose: Pose, name: LandmarkName): ImageLandmark | null {
  return pose.landmarks[LANDMARK_INDEX[name]] ?? null;
}
