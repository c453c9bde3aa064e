import type { HingeKneeThresholds } from './hinge';
import { hingeExercise } from './hinge';

/*
 * The knee limits below are the method of docs/judgement.md run on the labelled Romanian deadlift
 * recordings (MediaPipe full, side view; calibration.test.ts checks they are that choice, `npm run
 * eval` prints the margins and the leave-one-source-out check); the back's limits are the hinge
 * family's (hinge.ts). No norm exists for the knee-to-hip flexion ratio in a 2D side view, so the
 * top of good form is the good clips' worst value held for the 400 ms fault gate, and the cue the
 * measurement error (0.1, hinge.ts) past it, widened for the few sources seen.
 */
/**
 * Knee against hip flexion, from the one good clip there is: soft knees held 0.24 (knee flexion a
 * quarter of the hip's), so "can't judge" from 0.25. One source is one lifter, whose style says
 * nothing of the next one's: no limit, the knees past 0.25 are answered "can't judge", never cued.
 */
export const RDL_KNEE_RATIO_UNSURE = 0.25;
export const RDL_KNEE_RATIO = Number.POSITIVE_INFINITY;
/**
 * At three-quarter, in the world landmarks (hinge.ts `WORLD_KNEE_RATIO_ERROR`): the same clip held
 * 0.29 there, so "can't judge" from 0.3, and again no cue from one source.
 */
export const RDL_WORLD_KNEE_RATIO_UNSURE = 0.3;
const KNEES: HingeKneeThresholds = {
  kneeToHipFlexion: RDL_KNEE_RATIO,
  kneeToHipFlexionUnsure: RDL_KNEE_RATIO_UNSURE,
  worldKneeToHipFlexion: RDL_KNEE_RATIO,
  worldKneeToHipFlexionUnsure: RDL_WORLD_KNEE_RATIO_UNSURE,
};

/**
 * Romanian deadlift, from standing, judged side-on: hips pushed back with a flat back and soft
 * knees, the weight to about mid-shin, standing tall without leaning back. One rep per return to
 * standing. The three-quarter and front views cannot show the back's outline or the lean (they are
 * in the sagittal plane): there the reps count from the world landmarks, the knees are read in
 * them at an angle, and the back is left to a side view (hinge.ts `judgeHingeOffSide`).
 */
export const rdl = hingeExercise('rdl', 'Romanian deadlift', KNEES);
