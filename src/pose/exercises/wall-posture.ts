import type { Pose } from '../pose';
import type { LandmarkRequirements } from '../requirements';
import { gatherLandmarks } from '../requirements';
import type { View } from '../view';
import { estimateView } from '../view';
import type { BodyPart, VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import type {
  EvaluateContext,
  Evaluation,
  FormResult,
  GuidanceId,
  HoldExercise,
  Strictness,
} from './types';
import { judgeFrontView } from './wall-posture-front';
import { judgeSideView } from './wall-posture-side';

/**
 * Wall posture: the 30 s reset routine (heels, hips, shoulders and head on the wall) and standing
 * posture checks. A side view judges the plumb line, forward head and rounded shoulders; a front
 * view judges level shoulders, level hips and head tilt. Each check runs only on what it can see,
 * and the metrics say which ran, so a missing hip never becomes a guess. This file holds the
 * exercise, its thresholds and the view dispatch; the checks are in wall-posture-side.ts and
 * wall-posture-front.ts.
 */

export type { MidlinePoint } from './wall-posture-side';
export { midlinePoint, profileFacing } from './wall-posture-side';

export type WallPosturePhase = 'setup' | 'standing';
const FAULTS = [
  'posture.forward-head',
  'posture.rounded-shoulders',
  'posture.off-plumb-line',
  'posture.shoulders-uneven',
  'posture.hips-uneven',
  'posture.head-tilt',
] as const;
export type WallPostureFault = (typeof FAULTS)[number];

export interface WallPostureThresholds {
  /** Forward lean of the shoulder -> ear line from vertical (craniovertebral-angle proxy). */
  readonly forwardHeadLeanDeg: number;
  /** Forward-head lean beyond the person's own baseline from the start of the session. */
  readonly forwardHeadDriftDeg: number;
  /** Forward lean of the hip -> shoulder line from vertical. */
  readonly shouldersForwardOfHipDeg: number;
  /** Lean of the ankle -> hip or shoulder line from vertical. */
  readonly offPlumbLineDeg: number;
  readonly shoulderTiltDeg: number;
  readonly hipTiltDeg: number;
  readonly headTiltDeg: number;
}

/**
 * Forward-head lean, shoulder joint -> ear from vertical; in Kendall's plumb line the earlobe sits
 * over the shoulder (0°). CVA norms (no pain 50.6°, neck pain 43.9°, cut-off 45.5°, docs/checkers.md) are
 * taken from C7, which BlazePose lacks, so the proxy has an unknown offset. With rough anatomical
 * offsets (shoulder joint ~6 cm in front of and ~4 cm below C7, tragus ~10 cm above C7; an estimate,
 * not a measurement) a 30° lean is a CVA near 36°, past the 45.5° cut-off by more than the offset's
 * uncertainty plus the 5-7° measurement margin: only a clearly forward head is cued.
 */
export const FORWARD_HEAD_LEAN_BEGINNER_DEG = 30;
/** Stricter by the measurement margin: about CVA 40° by the same rough offsets. */
export const FORWARD_HEAD_LEAN_ADVANCED_DEG = 24;
/**
 * The proxy's offset differs per person, so a change from their own baseline is the better signal
 * (docs/checkers.md: "use change from the user's own baseline"). 15° is about 3x the FHP app's MDC of
 * 5° (Gallego-Izquierdo 2020), so a cue means a real change, not noise.
 */
export const FORWARD_HEAD_DRIFT_BEGINNER_DEG = 15;
/** Twice the MDC of about 5°. */
export const FORWARD_HEAD_DRIFT_ADVANCED_DEG = 10;
/** The baseline is the mean lean over the first second of judged side-view standing. */
export const FORWARD_HEAD_BASELINE_WINDOW_MS = 1000;

/**
 * Rounded shoulders: 2D cannot see scapular protraction, so the proxy is the slump it brings, the
 * shoulder forward of the hip (Kendall: shoulder over hip, 0°; on a wall both touch it). The forward
 * shoulder angle norms (51-54° from C7) cannot be measured without C7 and the "<52°" cut-off has
 * no primary source (docs/checkers.md), so this is a coaching convention: 20° is a clear slump, beyond
 * the 5-7° hip measurement margin of a trunk that is within 10° of vertical.
 */
export const SHOULDERS_FORWARD_BEGINNER_DEG = 20;
/** Stricter by the measurement margin. */
export const SHOULDERS_FORWARD_ADVANCED_DEG = 14;

/**
 * Plumb line: ankle -> hip or shoulder leaning this far from vertical. No numeric norm exists
 * and the line gives many false positives (Barra-López 2024, docs/checkers.md), so it is lenient: 12°
 * over a leg is about 15-20 cm of sway, past the 5-7° measurement margin around Kendall's "slightly
 * in front of" offsets. The ear is left to the forward-head check so one fault is not cued twice.
 */
export const OFF_PLUMB_LINE_BEGINNER_DEG = 12;
/** Stricter by the measurement margin; still about 10 cm of sway over a leg. */
export const OFF_PLUMB_LINE_ADVANCED_DEG = 8;

/**
 * Level shoulders from the front: no norm found. 8° across a shoulder width of about 35 cm is a
 * 5 cm height difference, clearly visible, and 5° above the largest tilt on the level front-view
 * photos (2.8°, see the test's table).
 */
export const SHOULDER_TILT_BEGINNER_DEG = 8;
/** About 3.5 cm; still 3° above the level photos. */
export const SHOULDER_TILT_ADVANCED_DEG = 6;
/**
 * Level hips: no norm found. Hip joints sit under clothing and the hip width is about half the
 * shoulder width, so the same pixel error is twice the angle: a wider margin than the shoulders,
 * and 6.7° above the largest tilt on the level front-view photos (3.3°).
 */
export const HIP_TILT_BEGINNER_DEG = 10;
/** Still 4.7° above the level photos. */
export const HIP_TILT_ADVANCED_DEG = 8;
/**
 * Head tilt, the ear line from horizontal: no norm found. 10° is a visible tilt and 6° above the
 * largest on the level front-view photos (3.9°).
 */
export const HEAD_TILT_BEGINNER_DEG = 10;
/** Still 4° above the level photos. */
export const HEAD_TILT_ADVANCED_DEG = 8;

const THRESHOLDS: Readonly<Record<Strictness, WallPostureThresholds>> = {
  beginner: {
    forwardHeadLeanDeg: FORWARD_HEAD_LEAN_BEGINNER_DEG,
    forwardHeadDriftDeg: FORWARD_HEAD_DRIFT_BEGINNER_DEG,
    shouldersForwardOfHipDeg: SHOULDERS_FORWARD_BEGINNER_DEG,
    offPlumbLineDeg: OFF_PLUMB_LINE_BEGINNER_DEG,
    shoulderTiltDeg: SHOULDER_TILT_BEGINNER_DEG,
    hipTiltDeg: HIP_TILT_BEGINNER_DEG,
    headTiltDeg: HEAD_TILT_BEGINNER_DEG,
  },
  advanced: {
    forwardHeadLeanDeg: FORWARD_HEAD_LEAN_ADVANCED_DEG,
    forwardHeadDriftDeg: FORWARD_HEAD_DRIFT_ADVANCED_DEG,
    shouldersForwardOfHipDeg: SHOULDERS_FORWARD_ADVANCED_DEG,
    offPlumbLineDeg: OFF_PLUMB_LINE_ADVANCED_DEG,
    shoulderTiltDeg: SHOULDER_TILT_ADVANCED_DEG,
    hipTiltDeg: HIP_TILT_ADVANCED_DEG,
    headTiltDeg: HEAD_TILT_ADVANCED_DEG,
  },
};

/** The person's own forward-head lean over the first judged second of the session. */
export interface WallPostureState {
  readonly baselineStartMs: number | null;
  readonly baselineSumDeg: number;
  readonly baselineSamples: number;
  /** Settled once the window has passed; null until then. */
  readonly baselineLeanDeg: number | null;
}

const INITIAL_STATE: WallPostureState = {
  baselineStartMs: null,
  baselineSumDeg: 0,
  baselineSamples: 0,
  baselineLeanDeg: null,
};

/** What it needs to judge anything from either view: the head and the shoulders. */
const REQUIRED_LANDMARKS = {
  ear: { anyOf: ['left_ear', 'right_ear'] },
  shoulder: { anyOf: ['left_shoulder', 'right_shoulder'] },
} as const satisfies LandmarkRequirements;

type Result = FormResult<WallPosturePhase, WallPostureFault>;

function emptyResult(
  status: Result['status'],
  view: View,
  unseen: readonly BodyPart[],
  viewAdvice: GuidanceId | null,
): Result {
  return {
    status,
    phase: null,
    faults: [],
    undecided: [],
    unseen,
    view,
    viewAdvice,
    confidence: 0,
    evidence: [],
    metrics: {},
    repSignal: null,
    activeSide: null,
  };
}

/** The first judged second of side-view standing sets the person's forward-head baseline. */
function nextState(
  state: WallPostureState,
  leanDeg: number | null,
  timestampMs: number,
): WallPostureState {
  if (state.baselineLeanDeg !== null || leanDeg === null || !Number.isFinite(timestampMs)) {
    return state;
  }
  const start = state.baselineStartMs ?? timestampMs;
  if (timestampMs < start) return state;
  if (timestampMs - start > FORWARD_HEAD_BASELINE_WINDOW_MS && state.baselineSamples > 0) {
    return { ...state, baselineLeanDeg: state.baselineSumDeg / state.baselineSamples };
  }
  return {
    ...state,
    baselineStartMs: start,
    baselineSumDeg: state.baselineSumDeg + leanDeg,
    baselineSamples: state.baselineSamples + 1,
  };
}

function evaluate(
  pose: Pose | null,
  state: WallPostureState,
  context: EvaluateContext,
): Evaluation<WallPosturePhase, WallPostureFault, WallPostureState> {
  if (pose === null) return { result: emptyResult('no-person', 'unknown', [], null), state };
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const core = gatherLandmarks(pose, REQUIRED_LANDMARKS, options);
  const estimate = estimateView(pose, context.imageSize);
  const view = estimate.view;
  if (!core.ok) return { result: emptyResult('cannot-see', view, core.unseen, null), state };
  if (view !== 'side' && view !== 'front') {
    // Unknown view with the hips unseen: without them there is no scale to tell the view by.
    const hipsSeen =
      seenLandmark(pose, 'left_hip', options) !== null ||
      seenLandmark(pose, 'right_hip', options) !== null;
    if (view === 'unknown' && !hipsSeen) {
      return { result: emptyResult('cannot-see', view, ['hips'], 'setup.step-back'), state };
    }
    // The plumb line is the routine's main check, and it needs the side.
    return { result: emptyResult('wrong-view', view, [], 'setup.turn-sideways'), state };
  }

  const thresholds = THRESHOLDS[context.strictness];
  const judged =
    view === 'side'
      ? judgeSideView(pose, state, thresholds, options)
      : judgeFrontView(pose, thresholds, options);
  if ('unseen' in judged) {
    return { result: emptyResult('cannot-see', view, judged.unseen, null), state };
  }
  const judgement = judged;
  const yaw = estimate.yawDeg;
  return {
    result: {
      status: 'ok',
      phase: judgement.phase,
      faults: judgement.faults,
      undecided: judgement.undecided,
      unseen: [],
      view,
      viewAdvice: judgement.viewAdvice,
      confidence: judgement.confidence,
      evidence: judgement.evidence,
      metrics: yaw === null ? judgement.metrics : { ...judgement.metrics, viewYawDeg: yaw },
      repSignal: null,
      activeSide: null,
    },
    state: nextState(state, judgement.forwardHeadLeanDeg, context.timestampMs),
  };
}

export const wallPosture: HoldExercise<
  'wall-posture',
  WallPosturePhase,
  WallPostureFault,
  WallPostureState,
  WallPostureThresholds
> = {
  id: 'wall-posture',
  kind: 'hold',
  name: 'Wall posture reset',
  views: ['side', 'front'],
  requiredLandmarks: REQUIRED_LANDMARKS,
  phases: ['setup', 'standing'],
  setupPhase: 'setup',
  holdPhases: ['standing'],
  faults: FAULTS,
  thresholds: THRESHOLDS,
  alternatesSides: false,
  decisions: [],
  initialState: () => INITIAL_STATE,
  evaluate,
};
