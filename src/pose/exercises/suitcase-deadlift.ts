import { hipMidpoint, shoulderMidpoint } from '../body';
import { angleFromVertical } from '../geometry/angles';
import type { Pose } from '../pose';
import { estimateView } from '../view';
import type { VisibilityOptions } from '../visibility';
import { worldElevationDeg } from './bird-dog';
import { deadlift } from './deadlift';
import type { FaultDecision } from './decision';
import { ANGLE_2D_ERROR_DEG, unsureBetween } from './decision';
import { CARRY_SIDE_LEAN_DEG, CARRY_SIDE_LEAN_UNSURE_DEG } from './farmers-carry';
import type { HingePhase, HingeState, HingeThresholds } from './hinge';
import {
  HINGE_DECISIONS,
  HINGE_FAULTS,
  HINGED_FROM_VERTICAL_DEG,
  hingeExercise,
  INITIAL_HINGE_STATE,
  judgeHinge,
} from './hinge';
import { EMPTY_RESULT, evidencePoint } from './result-parts';
import type { EvaluateContext, Evaluation, FormResult, RepExercise } from './types';

const SUITCASE_FAULTS = [...HINGE_FAULTS, 'hinge.side-lean'] as const;
type SuitcaseFault = (typeof SUITCASE_FAULTS)[number];

export interface SuitcaseThresholds extends HingeThresholds {
  /** Facing the camera, the trunk (hip to shoulder midpoint) leaning sideways, degrees. */
  readonly sideLeanDeg: number;
  readonly sideLeanUnsureDeg: number;
}

/*
 * No suitcase deadlift was recorded (docs/checkers.md). Side-on it is a deadlift with the weight at
 * one side, so it takes the deadlift's limits, chosen on the deadlift clips (deadlift.ts); from the
 * front it adds the one fault the load at one side brings, the trunk leaning towards it, with the
 * farmer's carry's limits for the same measure (farmers-carry.ts: one 2D angle error off vertical
 * is good form, the cue at two). None is chosen on suitcase recordings, so none is in `decisions`:
 * their "can't judge" bands are applied here.
 */
const THRESHOLDS: SuitcaseThresholds = {
  ...deadlift.thresholds.beginner,
  sideLeanDeg: CARRY_SIDE_LEAN_DEG,
  sideLeanUnsureDeg: CARRY_SIDE_LEAN_UNSURE_DEG,
};

const SIDE_LEAN_BAND: FaultDecision<SuitcaseFault> = {
  fault: 'hinge.side-lean',
  metric: 'sideLeanDeg',
  firesWhen: 'above',
  judgedIn: ['standing'],
  limit: 'sideLeanDeg',
  unsureFrom: 'sideLeanUnsureDeg',
  norm: { beginner: 0, advanced: 0 },
  error: ANGLE_2D_ERROR_DEG,
  resolution: 1,
};

type SuitcaseResult = FormResult<HingePhase, SuitcaseFault>;

/** The trunk's elevation above horizontal in the world landmarks (90 standing), both sides' mean. */
function worldTrunkElevationDeg(pose: Pose): number | null {
  const sides = [
    worldElevationDeg(pose, 'left_hip', 'left_shoulder'),
    worldElevationDeg(pose, 'right_hip', 'right_shoulder'),
  ].filter((value): value is NonNullable<typeof value> => value !== null);
  return sides.length === 0 ? null : sides.reduce((sum, value) => sum + value, 0) / sides.length;
}

/**
 * Facing the camera (or with the back to it): the sideways lean while upright, reps from the
 * world landmarks' trunk elevation (the image foreshortens a hinge towards the camera). The back,
 * the knees and leaning back are the side view's: left open.
 */
function judgeFrontOn(
  pose: Pose,
  context: EvaluateContext,
  thresholds: SuitcaseThresholds,
): SuitcaseResult {
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const shoulders = shoulderMidpoint(pose, options)?.point ?? null;
  const hips = hipMidpoint(pose, options)?.point ?? null;
  const elevation = worldTrunkElevationDeg(pose);
  if (!shoulders || !hips || elevation === null) {
    return { ...EMPTY_RESULT, status: 'cannot-see', view: 'front', unseen: ['shoulders', 'hips'] };
  }
  const hinged = elevation <= 90 - HINGED_FROM_VERTICAL_DEG;
  // Hinged towards the camera the trunk is foreshortened and its image angle means nothing.
  const lean = hinged ? null : angleFromVertical(hips, shoulders);
  const leaning = lean !== null && lean > thresholds.sideLeanDeg;
  const result: SuitcaseResult = {
    ...EMPTY_RESULT,
    status: 'ok',
    phase: hinged ? 'hinged' : 'standing',
    view: 'front',
    faults: leaning ? ['hinge.side-lean'] : [],
    undecided: HINGE_FAULTS.map((fault) => ({ fault, reason: 'needs-side-view' })),
    confidence: 0.5,
    evidence: [
      {
        kind: 'line',
        from: evidencePoint(hips, null),
        to: evidencePoint(shoulders, null),
        about: leaning ? 'hinge.side-lean' : null,
      },
    ],
    metrics: { worldTrunkElevationDeg: elevation, ...(lean === null ? {} : { sideLeanDeg: lean }) },
    repSignal: elevation,
  };
  return { ...result, undecided: unsureBetween([SIDE_LEAN_BAND], thresholds, result) };
}

const sideOn = hingeExercise('suitcase-deadlift', 'Suitcase deadlift', THRESHOLDS);

/**
 * Single-arm suitcase deadlift (one weight at your side, seed 000): side-on the deadlift's checks
 * (flat back, hips back, no lean back at lockout); from the front, the trunk not leaning towards the
 * weight. Each view says what only the other can see; reps count in both.
 */
export const suitcaseDeadlift: RepExercise<
  'suitcase-deadlift',
  HingePhase,
  SuitcaseFault,
  HingeState,
  SuitcaseThresholds
> = {
  ...sideOn,
  views: ['side', 'front'],
  sidesInTurn: true,
  faults: SUITCASE_FAULTS,
  thresholds: { beginner: THRESHOLDS, advanced: THRESHOLDS },
  decisions: [],
  evaluate(pose, state, context): Evaluation<HingePhase, SuitcaseFault, HingeState> {
    const thresholds = this.thresholds[context.strictness];
    if (pose !== null && estimateView(pose, context.imageSize).view === 'front') {
      return { result: judgeFrontOn(pose, context, thresholds), state: INITIAL_HINGE_STATE };
    }
    const judged = judgeHinge(pose, state, context, thresholds);
    const result = judged.result;
    const sideLeanOpen =
      result.status === 'ok'
        ? [{ fault: 'hinge.side-lean' as const, reason: 'needs-front-view' as const }]
        : [];
    return {
      ...judged,
      result: {
        ...result,
        undecided: [...unsureBetween(HINGE_DECISIONS, thresholds, result), ...sideLeanOpen],
      },
    };
  },
};
