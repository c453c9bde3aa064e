import type { HingeThresholds } from './hinge';
import { hingeExercise } from './hinge';

/*
 * The limits below are the method of docs/judgement.md run on the labelled Romanian deadlift
 * recordings (MediaPipe full, side view; calibration.test.ts checks they are that choice, `npm run
 * eval` prints the margins and the leave-one-source-out check). No norm exists for any of the three
 * measures in a 2D side view, so the top of good form is the good clips' worst value held for the
 * 400 ms fault gate, and the cue one measurement error past it (hinge.ts: 6° for an angle, Stenum
 * 2021; 0.1 for the knee-to-hip flexion ratio), or 3 frame-noise deviations where larger.
 */
/**
 * One good clip (three-quarter label, mostly side-on to the pose model) is all the data, so every
 * limit is its top plus one error; the leave-one-source-out check has nothing left to choose from
 * and shows it. Rounding: the good RDL held 6.2°, "can't judge" from 7°, the cue from 13° (+6°).
 */
export const RDL_BACK_ROUNDING_UNSURE_DEG = 7;
export const RDL_BACK_ROUNDING_DEG = 13;
/**
 * Knee against hip flexion: soft knees held 0.24 (knee flexion a quarter of the hip's), "can't
 * judge" from 0.25, the cue from 0.35 (+0.1), well under a squat's ratio of about 1.
 */
export const RDL_KNEE_RATIO_UNSURE = 0.25;
export const RDL_KNEE_RATIO = 0.35;
/** Lean-back standing: the good clip held 9.8° behind vertical, "can't judge" from 10°, cue 16°. */
export const RDL_LEAN_BACK_UNSURE_DEG = 10;
export const RDL_LEAN_BACK_DEG = 16;
/**
 * Over-arched while hinged: the good RDL never sagged (its most, -5.3°, is a slight hump), so the
 * flat back's 0° is the top: "can't judge" from 0°, the cue from 6° (+6°).
 */
export const RDL_BACK_ARCH_UNSURE_DEG = 0;
export const RDL_BACK_ARCH_DEG = 6;

const THRESHOLDS: HingeThresholds = {
  backRoundingDeg: RDL_BACK_ROUNDING_DEG,
  backRoundingUnsureDeg: RDL_BACK_ROUNDING_UNSURE_DEG,
  kneeToHipFlexion: RDL_KNEE_RATIO,
  kneeToHipFlexionUnsure: RDL_KNEE_RATIO_UNSURE,
  backArchDeg: RDL_BACK_ARCH_DEG,
  backArchUnsureDeg: RDL_BACK_ARCH_UNSURE_DEG,
  leanBackDeg: RDL_LEAN_BACK_DEG,
  leanBackUnsureDeg: RDL_LEAN_BACK_UNSURE_DEG,
};

/**
 * Romanian deadlift, from standing, judged side-on: hips pushed back with a flat back and soft
 * knees, the weight to about mid-shin, standing tall without leaning back. One rep per return to
 * standing. The three-quarter and front views cannot show the back's outline
 * or the lean (they are in the sagittal plane), so they get 'turn sideways'.
 */
export const rdl = hingeExercise('rdl', 'Romanian deadlift', THRESHOLDS);
