import type { EngineModel, PoseFrame } from './pose';

/** A recorded pose sequence: what `npm run record` writes and the checker fixtures hold. */
export interface PoseRecording {
  /** The photo or clip's file name (the media itself is never committed). */
  readonly source: string;
  readonly engine: EngineModel;
  readonly mode: 'image' | 'video';
  /** Frames per second clips were sampled at; null for a photo or an animation's own timing. */
  readonly sampleFps: number | null;
  readonly frames: readonly PoseFrame[];
  /** How a derived fixture was made from a real recording; absent for real ones. */
  readonly derivation?: string;
}

/** Video frames are sampled at this rate by default: enough to follow a rep, light to record. */
export const DEFAULT_SAMPLE_FPS = 15;

/** The time between two of a recording's frames as sampled, milliseconds. */
export function frameStepMs(recording: Pick<PoseRecording, 'sampleFps'>): number {
  return 1000 / (recording.sampleFps ?? DEFAULT_SAMPLE_FPS);
}

/** Pixel positions to 0.1 px and scores to 0.001 keep fixtures small and diffs readable. */
const PIXEL_DECIMALS = 1;
const SCORE_DECIMALS = 3;
/** World landmarks in metres to 0.1 mm. */
const METRE_DECIMALS = 4;

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

export function roundFrame(frame: PoseFrame): PoseFrame {
  return {
    ...frame,
    timestampMs: round(frame.timestampMs, PIXEL_DECIMALS),
    inferenceMs: round(frame.inferenceMs, PIXEL_DECIMALS),
    poses: frame.poses.map((pose) => ({
      score: round(pose.score, SCORE_DECIMALS),
      landmarks: pose.landmarks.map((point) =>
        point
          ? {
              x: round(point.x, PIXEL_DECIMALS),
              y: round(point.y, PIXEL_DECIMALS),
              z: point.z === null ? null : round(point.z, PIXEL_DECIMALS),
              visibility: round(point.visibility, SCORE_DECIMALS),
            }
          : null,
      ),
      ...(pose.outline
        ? {
            outline: {
              xy: pose.outline.xy.map((value) => round(value, PIXEL_DECIMALS)),
              quality: round(pose.outline.quality, SCORE_DECIMALS),
            },
          }
        : {}),
      worldLandmarks: pose.worldLandmarks
        ? pose.worldLandmarks.map((point) =>
            point
              ? {
                  x: round(point.x, METRE_DECIMALS),
                  y: round(point.y, METRE_DECIMALS),
                  z: round(point.z, METRE_DECIMALS),
                  visibility: round(point.visibility, SCORE_DECIMALS),
                }
              : null,
          )
        : null,
    })),
  };
}
