import type { DetectorConfig, PoseDetector, ProgressListener } from './types';

/**
 * The one switch over engines (after tfjs-models' createDetector). Each engine's library is loaded
 * only when chosen: MediaPipe and TF.js are large and a session needs one of them.
 */
export async function createDetector(
  config: DetectorConfig,
  onProgress: ProgressListener,
): Promise<PoseDetector> {
  switch (config.engine) {
    case 'mediapipe': {
      const { createMediaPipeDetector } = await import('./mediapipe');
      return createMediaPipeDetector(config, onProgress);
    }
    case 'movenet': {
      const { createMoveNetDetector } = await import('./movenet');
      return createMoveNetDetector(config, onProgress);
    }
  }
}
