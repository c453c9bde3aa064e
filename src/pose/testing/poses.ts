import type { ImageSize, Pose } from '../pose';
import type { MakePoseOptions } from './make-pose';
import { makePose } from './make-pose';

/**
 * Hand-built poses for a 640x480 frame, with body proportions from the test-data stills (torso
 * 120 px; shoulders 0.68 and hips 0.38 torso lengths wide when facing the camera).
 */
export const FIXTURE_IMAGE: ImageSize = { width: 640, height: 480 };

/** Standing, facing the camera. */
export function standingFront(options: MakePoseOptions = {}): Pose {
  return makePose(
    {
      nose: [320, 70],
      left_eye: [328, 62],
      right_eye: [312, 62],
      left_ear: [337, 68],
      right_ear: [303, 68],
      left_shoulder: [361, 110],
      right_shoulder: [279, 110],
      left_elbow: [372, 170],
      right_elbow: [268, 170],
      left_wrist: [376, 225],
      right_wrist: [264, 225],
      left_hip: [343, 230],
      right_hip: [297, 230],
      left_knee: [342, 320],
      right_knee: [298, 320],
      left_ankle: [341, 410],
      right_ankle: [299, 410],
      left_heel: [339, 420],
      right_heel: [301, 420],
      left_foot_index: [346, 428],
      right_foot_index: [294, 428],
    },
    options,
  );
}

/**
 * Standing side-on, facing image right, left side nearer the camera (BlazePose z: the left side is
 * 200 px nearer, as in the side-view stills).
 */
export function standingSideFacingRight(options: MakePoseOptions = {}): Pose {
  return makePose(
    {
      nose: [338, 72],
      left_eye: [332, 64],
      right_eye: [333, 64],
      left_ear: [314, 70, -100],
      right_ear: [316, 70, 100],
      left_shoulder: [318, 110, -100],
      right_shoulder: [322, 110, 100],
      left_elbow: [320, 170, -100],
      right_elbow: [324, 170, 100],
      left_wrist: [326, 225, -100],
      right_wrist: [330, 225, 100],
      left_hip: [320, 230, -100],
      right_hip: [323, 230, 100],
      left_knee: [322, 320, -100],
      right_knee: [324, 320, 100],
      left_ankle: [320, 410, -100],
      right_ankle: [322, 410, 100],
      left_heel: [312, 420, -100],
      right_heel: [314, 420, 100],
      left_foot_index: [340, 428, -100],
      right_foot_index: [342, 428, 100],
    },
    options,
  );
}

/**
 * Forearm plank seen from the side, head to image left, right side nearer the camera. The hips sit
 * `hipDropPx` below the straight shoulder-ankle line (negative = piked).
 */
export function plankSide(hipDropPx = 0, options: MakePoseOptions = {}): Pose {
  const shoulder = { x: 200, y: 300 };
  const ankle = { x: 520, y: 340 };
  const hip = { x: 320, y: 315 + hipDropPx };
  return makePose(
    {
      nose: [140, 318],
      left_ear: [166, 300, 100],
      right_ear: [165, 300, -100],
      left_shoulder: [shoulder.x + 3, shoulder.y, 100],
      right_shoulder: [shoulder.x, shoulder.y, -100],
      left_elbow: [203, 360, 100],
      right_elbow: [200, 360, -100],
      left_wrist: [143, 362, 100],
      right_wrist: [140, 362, -100],
      left_hip: [hip.x + 3, hip.y, 100],
      right_hip: [hip.x, hip.y, -100],
      left_knee: [423, 327, 100],
      right_knee: [420, 327, -100],
      left_ankle: [ankle.x + 3, ankle.y, 100],
      right_ankle: [ankle.x, ankle.y, -100],
      left_heel: [533, 330, 100],
      right_heel: [530, 330, -100],
      left_foot_index: [523, 362, 100],
      right_foot_index: [520, 362, -100],
    },
    options,
  );
}
