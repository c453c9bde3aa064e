import { hipMidpoint, shoulderMidpoint } from '../body';
import { angleFromVertical } from '../geometry/angles';
import type { Pose } from '../pose';
import { estimateView } from '../view';
import type { VisibilityOptions } from '../visibility';
import { deadlift } from './deadlift';
import type { FaultDecision } from './decision';
import { ANGLE_2D_ERROR_DEG, unsureBetween } from './decision';
import { CARRY_SIDE_LEAN_DEG, CARRY_SIDE_LEAN_UNSURE_DEG } from './farmers-carry';
import type { HingePhase, HingeState, HingeThresholds } from './hinge';
import {
  HINGE_DECISIONS,
  HINGE_FAULTS,
  hingeExercise,
  INITIAL_HINGE_STATE,
  judgeHinge,
  judgeHingeOffSide,
} from './hinge';
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

/**
 * Facing the camera (or with the back to it): the hinge's reading off side-on (reps from the world
 * landmarks' trunk elevation, the knees where the body is turned enough, the back left to a side
 * view) and the sideways lean while upright, the one fault this view shows best.
 */
function judgeFrontOn(
  pose: Pose,
  state: HingeState,
  context: EvaluateContext,
  thresholds: SuitcaseThresholds,
): Evaluation<HingePhase, SuitcaseFault, HingeState> {
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const offSide = judgeHingeOffSide(pose, 'front', options, thresholds, state.trunkBottomed);
  const nextState: HingeState = { ...INITIAL_HINGE_STATE, trunkBottomed: offSide.trunkBottomed };
  const base: SuitcaseResult = offSide.result;
  const shoulders = shoulderMidpoint(pose, options)?.point ?? null;
  const hips = hipMidpoint(pose, options)?.point ?? null;
  if (base.status !== 'ok' || !shoulders || !hips) return { result: base, state: nextState };
  // Hinged towards the camera the trunk is foreshortened and its image angle means nothing.
  const lean = base.phase === 'hinged' ? null : angleFromVertical(hips, shoulders);
  const leaning = lean !== null && lean > thresholds.sideLeanDeg;
  const result: SuitcaseResult = {
    ...base,
    faults: [...base.faults, ...(leaning ? (['hinge.side-lean'] as const) : [])],
    // The base's trunk line (hips to shoulders) is the line the lean is read on.
    evidence: base.evidence.map((item) =>
      item.kind === 'line' && leaning ? { ...item, about: 'hinge.side-lean' } : item,
    ),
    metrics: { ...base.metrics, ...(lean === null ? {} : { sideLeanDeg: lean }) },
  };
  return {
    result: {
      ...result,
      undecided: unsureBetween([...HINGE_DECISIONS, SIDE_LEAN_BAND], thresholds, result),
    },
    state: nextState,
  };
}

const sideOn = hingeExercise('suitcase-deadlift', 'Suitcase deadlift', THRESHOLDS);

/**
 * Single-arm suitcase deadlift (one weight at your side, seed 000): side-on the deadlift's checks
 * (flat back, hips back, no lean back at lockout); from the front, the trunk not leaning towards the
 * weight. Each view says what only the other can see; reps count in every view.
 */
export const suitcaseDeadlift: RepExercise<
  'suitcase-deadlift',
  HingePhase,
  SuitcaseFault,
  HingeState,
  SuitcaseThresholds
> = {
  ...sideOn,
  views: ['side', 'three-quarter', 'front'],
  sidesInTurn: true,
  faults: SUITCASE_FAULTS,
  thresholds: { beginner: THRESHOLDS, advanced: THRESHOLDS },
  decisions: [],
  evaluate(pose, state, context): Evaluation<HingePhase, SuitcaseFault, HingeState> {
    const thresholds = this.thresholds[context.strictness];
    if (pose !== null && estimateView(pose, context.imageSize).view === 'front') {
      return judgeFrontOn(pose, state, context, thresholds);
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
