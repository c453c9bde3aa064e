import { torsoLengthPx } from '../body';
import { angleAt, elevationAngle, lineTiltFromHorizontal } from '../geometry/angles';
import { deviationBelowLine } from '../geometry/lines';
import type { Vec2 } from '../geometry/vector';
import type { BackCurveSmootherState } from '../outline/back-curve';
import { INITIAL_BACK_CURVE_SMOOTHER } from '../outline/back-curve';
import type { Pose } from '../pose';
import type { SeenPoint } from '../requirements';
import { sideLandmarkName } from '../side';
import { seenLandmark } from '../visibility';
import { outlineSideEvidence, readBackOutline } from './back-outline';
import { EMPTY_RESULT, evidencePoint, readSideOn } from './result-parts';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  FaultOf,
  FormResult,
  HoldExercise,
  Strictness,
  Undecided,
} from './types';

export type PlankPhase = 'setup' | 'holding';
export type PlankFault = FaultOf<'plank'>;

export interface PlankThresholds {
  /** Hip below the shoulder-ankle line by more than this (180° minus shoulder-hip-ankle). */
  readonly hipSagDeg: number;
  /** Hip above the shoulder-ankle line by more than this. */
  readonly hipPikeDeg: number;
  /** Shoulder-ear line below the hip-shoulder line by more than this. */
  readonly headDropDeg: number;
  /** The back's outline dipping below its own end-to-end line by more than this, torso lengths. */
  readonly backSagTorsos: number;
  /** The back's lumbar bend (outline/back-curve `bendDeg`) beyond this, degrees: sagging. */
  readonly backBendSagDeg: number;
  /** A lumbar bend from this up to `backBendSagDeg` is undecided: good and sagging overlap. */
  readonly backBendUnsureDeg: number;
}

/**
 * Open-source plank checkers accept 165-180° at the hip, i.e. 15° (atiyeziaei, planks.py) or 10°
 * (FormFit) either way (docs/checkers.md [CODE]); no kinematic norm exists. Beginner: 15° plus the 5-7°
 * margin for 2D hip error (Stenum 2021), so 21°. Held good planks measured at most 1° of sag, 13°
 * in one frame while settling in (table in plank.test.ts).
 */
export const BEGINNER_HIP_SAG_DEG = 21;
/** Advanced: FormFit's 10° plus a 6° measurement margin. */
export const ADVANCED_HIP_SAG_DEG = 16;
/**
 * Piking: the same 165-180° convention, but a good straight-arm plank photo measured 20° above
 * the line (its hips sit a little high, as coaches allow), so beginner takes 20° plus the 7°
 * margin. The piked photo and clip measured 51°.
 */
export const BEGINNER_HIP_PIKE_DEG = 27;
/** Advanced: the 15° convention plus a 7° margin, just above that photo (20°; 21° with MoveNet). */
export const ADVANCED_HIP_PIKE_DEG = 22;
/**
 * Head dropping: no norm or code value found (docs/checkers.md only says "ankles-to-ears straight
 * line"). In the good and piked fixtures the ear stayed between 56° above and 1° below the trunk
 * line, so only a head clearly hanging is cued: 35° below for beginners, 28° (7° margin) advanced.
 */
export const BEGINNER_HEAD_DROP_DEG = 35;
export const ADVANCED_HEAD_DROP_DEG = 28;

/**
 * The shoulder-ankle line must be within this of horizontal to count as a plank: a straight-arm
 * plank measures about 20°, while kneeling up, standing or walking to the mat are far steeper.
 */
export const MAX_PLANK_BODY_TILT_DEG = 40;
/**
 * Knees straighter than this: a plank on the toes. Kneeling (knee planks, getting into position)
 * measured 43-135° in the clips; held planks, piked ones included, 160-180° and mostly above 165°
 * (knee error is about 6°, docs/checkers.md). Frames between, while the knees come up, are setup.
 */
export const MIN_PLANK_KNEE_ANGLE_DEG = 160;
/**
 * Off the floor means hips or knees clearly above it (the line through the lowest hand and foot
 * points), in torso lengths. Lying prone on the forearms, before and after the clips' planks,
 * measured hips 0.1-0.25 and knees up to 0.15; held planks hips 0.4-0.9 and knees 0.15-0.55. Either
 * one suffices, so a plank whose hips sag towards the floor is still judged (its knees stay up).
 */
export const MIN_PLANK_HIP_LIFT_TORSOS = 0.3;
export const MIN_PLANK_KNEE_LIFT_TORSOS = 0.2;

/**
 * The lower back sagging, read on the silhouette (outline/back-curve: the back's largest dip below
 * the straight line from 0.15 of the way down the trunk to 0.3 past the hip, over the
 * shoulder-hip length). The joints cannot see it: the hip joint stays on the shoulder-ankle line
 * while the lumbar spine sags between shoulder blades and buttocks. A good back is not straight
 * (buttocks, natural lordosis). Measured (MediaPipe full, smoothed, table in plank.test.ts): good
 * photos 0.00-0.05, the good forearm clip's hold 0.07-0.09 (p10-p90, max 0.109), the rendered one
 * up to 0.045, the other good clip 0.00 (p90 0.003; one frame 0.150 while moving, which the 400 ms
 * persistence gate holds back); sagging photos 0.089 and 0.138, the sagging clip's hold 0.07-0.12 (p10-p90, max
 * 0.130). The good clip overlaps the milder sagging photo, so the threshold sits above the good
 * clip's worst frame: it catches the clear sags and misses the 0.089 photo rather than cue good
 * planks (the mask's threshold alone moves the measure by up to 0.02, docs/models.md).
 */
export const BEGINNER_BACK_SAG_TORSOS = 0.115;
/**
 * Advanced: 0.005 stricter, just above the good clip's single worst frame (0.109); the 400 ms
 * persistence gate keeps a one-frame excursion from being shown.
 */
export const ADVANCED_BACK_SAG_TORSOS = 0.11;
/**
 * The lumbar bend (outline/back-curve `bendDeg` on the back: the angle between the lines through
 * the upper back and through the lumbar spine and buttocks; positive = the back sags between them).
 * It separates better than the dip because it does not depend on where the hip joint or the
 * buttocks' crest fall. Measured (MediaPipe full, smoothed, in the hold; table in plank.test.ts):
 * good photos -14 to +5.5°, the good forearm clip p10-p90 2-7° (max 25° in one frame while
 * settling), the rendered clip 0-4°, the other good clip -14 to -8° (transitions up to 52°, held
 * back by the 400 ms persistence gate); sagging photos 14.4° and 20.6°, the sagging clip's hold
 * p10-p90 5-26° (median 16°). Beginner: 12°, 5° over the good clip's p90 (about the 5-7° margin
 * of a 2D angle, docs/checkers.md) and under both sagging photos.
 */
export const BEGINNER_BACK_BEND_SAG_DEG = 12;
/** Advanced: 10°, 3° over the good clip's p90. */
export const ADVANCED_BACK_BEND_SAG_DEG = 10;
/**
 * From 8° (just over the good clip's p90 of 7°) the bend is where good and sagging holds overlap:
 * the sagging clip's hold spends a quarter of its frames between 5° and 12°. There the plank is
 * reported undecided, not good.
 */
export const BACK_BEND_UNSURE_DEG = 8;
export const PLANK_THRESHOLDS: Readonly<Record<Strictness, PlankThresholds>> = {
  beginner: {
    hipSagDeg: BEGINNER_HIP_SAG_DEG,
    hipPikeDeg: BEGINNER_HIP_PIKE_DEG,
    headDropDeg: BEGINNER_HEAD_DROP_DEG,
    backSagTorsos: BEGINNER_BACK_SAG_TORSOS,
    backBendSagDeg: BEGINNER_BACK_BEND_SAG_DEG,
    backBendUnsureDeg: BACK_BEND_UNSURE_DEG,
  },
  advanced: {
    hipSagDeg: ADVANCED_HIP_SAG_DEG,
    hipPikeDeg: ADVANCED_HIP_PIKE_DEG,
    headDropDeg: ADVANCED_HEAD_DROP_DEG,
    backSagTorsos: ADVANCED_BACK_SAG_TORSOS,
    backBendSagDeg: ADVANCED_BACK_BEND_SAG_DEG,
    backBendUnsureDeg: BACK_BEND_UNSURE_DEG,
  },
};

/** One consistent near-side chain: mixing a hidden far hip into the line fakes a bend. */
const PLANK_REQUIREMENTS = {
  shoulder: { nearSide: 'shoulder' },
  elbow: { nearSide: 'elbow' },
  hip: { nearSide: 'hip' },
  knee: { nearSide: 'knee' },
  ankle: { nearSide: 'ankle' },
} as const;

type PlankResult = FormResult<PlankPhase, PlankFault>;
/** The plank keeps only the back curve's smoothing between frames. */
export type PlankState = BackCurveSmootherState;
type PlankEvaluation = Evaluation<PlankPhase, PlankFault, PlankState>;

/** The lowest seen point on screen among these (largest y): where a limb meets the floor. */
export function lowestPoint(points: readonly (Vec2 | null)[]): Vec2 | null {
  let lowest: Vec2 | null = null;
  for (const point of points) {
    if (point && (lowest === null || point.y > lowest.y)) lowest = point;
  }
  return lowest;
}

/**
 * Height of `point` above the floor line through the lowest hand-end and foot-end points, in
 * pixels (positive = above). Shared by every exercise that must tell "lifted" from "lying": the
 * floor itself is not detected, so the support points stand in for it.
 */
export function heightAboveSupportPx(
  point: Vec2,
  handSupport: Vec2,
  footSupport: Vec2,
): number | null {
  const below = deviationBelowLine(point, handSupport, footSupport);
  return below === null ? null : -below.distancePx;
}

/**
 * Head drop: how far the shoulder-ear line points below the hip-shoulder line (the trunk
 * extended), in degrees; positive = the head hangs towards the floor. Elevations ignore which way
 * the person faces.
 */
function headDropDeg(hip: Vec2, shoulder: Vec2, ear: Vec2): number | null {
  const trunk = elevationAngle(hip, shoulder);
  const neck = elevationAngle(shoulder, ear);
  if (trunk === null || neck === null) return null;
  // Only meaningful when the ear is ahead of the shoulder, continuing the trunk.
  const trunkDirection = Math.sign(shoulder.x - hip.x);
  if (trunkDirection === 0 || Math.sign(ear.x - shoulder.x) !== trunkDirection) return null;
  return trunk - neck;
}

/** A frame the back curve was not read in: its smoothing starts afresh. */
function unread(result: PlankResult): PlankEvaluation {
  return { result, state: INITIAL_BACK_CURVE_SMOOTHER };
}

function judgePlank(
  person: Pose | null,
  state: PlankState,
  context: EvaluateContext,
  thresholds: PlankThresholds,
): PlankEvaluation {
  const read = readSideOn(person, PLANK_REQUIREMENTS, context.imageSize);
  if (!read.ok) return unread(read.result);
  const { pose, viewEstimate, seen, options } = read;
  const view = viewEstimate.view;
  const { shoulder, elbow, hip, knee, ankle } = seen.points;
  const side = seen.side;
  const torso = torsoLengthPx(pose, options);
  const hipLine = deviationBelowLine(hip, shoulder, ankle);
  const bodyTilt = lineTiltFromHorizontal(shoulder, ankle);
  const kneeAngle = angleAt(hip, knee, ankle);
  const hipAngle = angleAt(shoulder, hip, ankle);
  if (
    torso === null ||
    hipLine === null ||
    bodyTilt === null ||
    kneeAngle === null ||
    hipAngle === null
  ) {
    // Seen, but the line is near vertical (standing) or degenerate: not in a plank yet.
    return unread({
      ...EMPTY_RESULT,
      status: 'ok',
      phase: 'setup',
      view,
      viewAdvice: 'setup.get-in-position',
    });
  }
  // The lower back's sag shows on the silhouette, not at the joints (outline/back-curve).
  const back = readBackOutline(pose, shoulder, hip, state, context.timestampMs);
  const backDip = back.curve?.upper.dipTorsos ?? null;
  const backBend = back.curve?.upper.bendDeg ?? null;
  const near = (joint: 'wrist' | 'heel' | 'foot_index' | 'ear'): SeenPoint | null => {
    if (side === null) return null;
    const name = sideLandmarkName(side, joint);
    const point = seenLandmark(pose, name, options);
    return point ? { ...point, name } : null;
  };
  const handSupport = lowestPoint([elbow, near('wrist')]);
  const footSupport = lowestPoint([ankle, near('heel'), near('foot_index')]);
  const hipLiftPx =
    handSupport && footSupport ? heightAboveSupportPx(hip, handSupport, footSupport) : null;
  const hipLiftTorsos = hipLiftPx === null ? null : hipLiftPx / torso;
  const kneeLiftPx =
    handSupport && footSupport ? heightAboveSupportPx(knee, handSupport, footSupport) : null;
  const kneeLiftTorsos = kneeLiftPx === null ? null : kneeLiftPx / torso;
  const ear = near('ear');
  const headDrop = ear ? headDropDeg(hip, shoulder, ear) : null;
  const metrics: Record<string, number> = {
    hipDeviationDeg: hipLine.deviationDeg,
    hipDeviationTorsos: hipLine.distancePx / torso,
    bodyTiltDeg: bodyTilt,
    kneeAngleDeg: kneeAngle,
    ...(viewEstimate.yawDeg === null ? {} : { viewYawDeg: viewEstimate.yawDeg }),
    ...(hipLiftTorsos === null ? {} : { hipLiftTorsos }),
    ...(kneeLiftTorsos === null ? {} : { kneeLiftTorsos }),
    ...(headDrop === null ? {} : { headDropDeg: headDrop }),
    ...back.metrics,
    ...(backDip === null ? {} : { backDipTorsos: backDip }),
    ...(backBend === null ? {} : { backBendDeg: backBend }),
  };
  const confidence = Math.min(
    shoulder.visibility,
    hip.visibility,
    knee.visibility,
    ankle.visibility,
  );
  const inPosition =
    bodyTilt <= MAX_PLANK_BODY_TILT_DEG &&
    kneeAngle >= MIN_PLANK_KNEE_ANGLE_DEG &&
    ((hipLiftTorsos !== null && hipLiftTorsos >= MIN_PLANK_HIP_LIFT_TORSOS) ||
      (kneeLiftTorsos !== null && kneeLiftTorsos >= MIN_PLANK_KNEE_LIFT_TORSOS));
  const bodyLine: Evidence = {
    kind: 'line',
    from: evidencePoint(shoulder),
    to: evidencePoint(ankle),
    about: null,
  };
  if (!inPosition) {
    return {
      result: {
        ...EMPTY_RESULT,
        status: 'ok',
        phase: 'setup',
        view,
        viewAdvice: 'setup.get-in-position',
        confidence,
        evidence: [bodyLine],
        metrics,
      },
      state: back.state,
    };
  }
  const faults: PlankFault[] = [];
  const backSagging =
    (backDip !== null && backDip > thresholds.backSagTorsos) ||
    (backBend !== null && backBend > thresholds.backBendSagDeg);
  const hipJointSagging = hipLine.deviationDeg > thresholds.hipSagDeg;
  const hipJointPiked = hipLine.deviationDeg < -thresholds.hipPikeDeg;
  if (hipJointSagging || backSagging) {
    faults.push('plank.hips-sagging');
  }
  // A lumbar sag shows on the silhouette only: without it, or in the band where good and sagging
  // holds overlap, the plank is not called good for it.
  const sagUndecided: Undecided<PlankFault>[] = faults.includes('plank.hips-sagging')
    ? []
    : back.curve === null
      ? [{ fault: 'plank.hips-sagging', reason: pose.outline ? 'ambiguous' : 'needs-body-outline' }]
      : backBend !== null && backBend >= thresholds.backBendUnsureDeg
        ? [{ fault: 'plank.hips-sagging', reason: 'ambiguous' }]
        : [];
  if (hipJointPiked) faults.push('plank.hips-piked');
  const headDropping = headDrop !== null && headDrop > thresholds.headDropDeg;
  if (headDropping) faults.push('plank.head-dropping');
  // The hip angle is marked only when it shows the fault itself: a sag seen on the outline alone
  // is marked there, not on a hip angle that reads straight.
  const hipFault = hipJointSagging
    ? 'plank.hips-sagging'
    : hipJointPiked
      ? 'plank.hips-piked'
      : null;
  const evidence: Evidence[] = [
    bodyLine,
    {
      kind: 'angle',
      vertex: evidencePoint(hip),
      a: evidencePoint(shoulder),
      b: evidencePoint(ankle),
      degrees: hipAngle,
      about: hipFault,
    },
  ];
  if (back.curve) {
    evidence.push(
      ...outlineSideEvidence(back.curve.upper, backSagging ? 'plank.hips-sagging' : null),
    );
  }
  if (ear && headDrop !== null) {
    evidence.push({
      kind: 'line',
      from: evidencePoint(shoulder),
      to: evidencePoint(ear),
      about: headDropping ? 'plank.head-dropping' : null,
    });
  }
  return {
    result: {
      ...EMPTY_RESULT,
      status: 'ok',
      phase: 'holding',
      view,
      faults,
      undecided: sagUndecided,
      confidence,
      evidence,
      metrics,
    },
    state: back.state,
  };
}

/**
 * Forearm or straight-arm plank, judged side-on: the hip against the shoulder-ankle line (sag and
 * pike are in the sagittal plane, so only a side view shows them), the lower back's outline on the
 * silhouette (a sag the hip joint does not show; MediaPipe only, `backOutlineSeen` says whether it
 * was read) and the head against the trunk line. Kneeling, lying prone or standing is 'setup', with
 * no form feedback.
 */
export const plank: HoldExercise<PlankPhase, PlankFault, PlankState, PlankThresholds> = {
  id: 'plank',
  name: 'Plank',
  kind: 'hold',
  views: ['side'],
  requiredLandmarks: PLANK_REQUIREMENTS,
  phases: ['setup', 'holding'],
  setupPhase: 'setup',
  holdPhases: ['holding'],
  faults: ['plank.hips-sagging', 'plank.hips-piked', 'plank.head-dropping'],
  thresholds: PLANK_THRESHOLDS,
  alternatesSides: false,
  usesBodyOutline: true,
  initialState: () => INITIAL_BACK_CURVE_SMOOTHER,
  evaluate(pose, state, context) {
    return judgePlank(pose, state, context, PLANK_THRESHOLDS[context.strictness]);
  },
};
