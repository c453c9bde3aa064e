import { createMediaPipeDetector } from './mediapipe';
import { createMoveNetDetector } from './movenet';
import type { DetectorConfig, PoseDetector, ProgressListener } from './types';

/** The one switch over engines (after tfjs-models' createDetector). */
export function createDetector(
  config: DetectorConfig,
  onProgress: ProgressListener,
): Promise<PoseDetector> {
  switch (config.engine) {
    case 'mediapipe':
      return createMediaPipeDetector(config, onProgress);
    case 'movenet':
      return createMoveNetDetector(config, onProgress);
  }
}
