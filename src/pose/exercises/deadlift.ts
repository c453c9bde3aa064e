import type { HingeKneeThresholds } from './hinge';
import { hingeExercise } from './hinge';

/*
 * The knee limits below are the method of docs/judgement.md run on the labelled deadlift
 * recordings (MediaPipe full, side view; calibration.test.ts checks they are that choice, `npm run
 * eval` prints the margins and the leave-one-source-out check); the back's limits are the hinge
 * family's (hinge.ts). No norm exists for the knee-to-hip flexion ratio in a 2D side view, so the
 * top of good form is the good clips' worst value held for the 400 ms fault gate, and the cue the
 * measurement error (0.1, hinge.ts) past it, widened for the few sources seen.
 */
/**
 * Knee against hip flexion while hinged: conventional deadlifts bend the knees a lot at the floor
 * (good ones up to 0.78 in both sources), so "can't judge" from 0.8 and, with two sources, the cue
 * 3.77 × 0.1 later, from 1.2. The one squat-like pull (hipstoolow_01) sets up crouched, the trunk
 * upright, where its knees are "can't judge" (hinge.ts `CROUCHED_MAX_HIP_ANGLE_DEG`); once its hips
 * rise into a hinge it holds 0.73, inside good form (docs/checkers.md).
 */
export const DEADLIFT_KNEE_RATIO_UNSURE = 0.8;
export const DEADLIFT_KNEE_RATIO = 1.2;
/**
 * The same ratio at three-quarter, in the world landmarks (hinge.ts `WORLD_KNEE_RATIO_ERROR`):
 * good form's top is the side-on clips' 0.78 and the three-quarter clip's 0.80 (good_threequarter
 * _03), so "can't judge" from 0.8 and the cue 3.77 × 0.15 later, from 1.4.
 */
export const DEADLIFT_WORLD_KNEE_RATIO_UNSURE = 0.8;
export const DEADLIFT_WORLD_KNEE_RATIO = 1.4;
const KNEES: HingeKneeThresholds = {
  kneeToHipFlexion: DEADLIFT_KNEE_RATIO,
  kneeToHipFlexionUnsure: DEADLIFT_KNEE_RATIO_UNSURE,
  worldKneeToHipFlexion: DEADLIFT_WORLD_KNEE_RATIO,
  worldKneeToHipFlexionUnsure: DEADLIFT_WORLD_KNEE_RATIO_UNSURE,
};

/**
 * Deadlift (barbell, kettlebell or dumbbells from the floor), judged side-on: a flat back while
 * hinged, hips back rather than a squat at the floor, standing tall without leaning back at
 * lockout. One rep per lockout. The three-quarter and front views cannot show the back's outline
 * or the lean (they are in the sagittal plane): there the reps count from the world landmarks, the
 * knees are judged in them at an angle, and the back is left to a side view (hinge.ts
 * `judgeHingeOffSide`).
 */
export const deadlift = hingeExercise('deadlift', 'Deadlift', KNEES);
