import type { ImageDirection } from '../geometry/angles';
import { angleFromVertical, leanFromVertical, lineTiltFromHorizontal } from '../geometry/angles';
import { pairMidpoint } from '../geometry/pair';
import type { Vec2 } from '../geometry/vector';
import { distance, isFiniteVec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import type { Pose } from '../pose';
import type { LandmarkRequirements, SeenPoint } from '../requirements';
import { gatherLandmarks } from '../requirements';
import type { SideJoint } from '../side';
import { sideLandmarkName } from '../side';
import type { View } from '../view';
import { estimateView } from '../view';
import type { BodyPart, VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import { evidencePoint } from './result-parts';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  EvidencePoint,
  FaultOf,
  FormResult,
  GuidanceId,
  HoldExercise,
  Strictness,
  Undecided,
} from './types';

/**
 * Wall posture: the 30 s reset routine (heels, hips, shoulders and head on the wall) and standing
 * posture checks. A side view judges the plumb line, forward head and rounded shoulders; a front
 * view judges level shoulders, level hips and head tilt. Each check runs only on what it can see,
 * and the metrics say which ran, so a missing hip never becomes a guess.
 */

export type WallPosturePhase = 'setup' | 'standing';
export type WallPostureFault = FaultOf<'posture'>;

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
/** A drift is cued only once the head leans at least this far forward: nobody is cued upright. */
export const FORWARD_HEAD_DRIFT_FLOOR_DEG = 15;
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

/** Standing: the hip -> shoulder line within this of vertical; more is bending, not standing. */
export const STANDING_TRUNK_MAX_FROM_VERTICAL_DEG = 40;
/**
 * Without the hips in view, standing is read from the head above the shoulders: a shoulder -> ear
 * line within this of vertical. A head dropped to a phone stays well inside it; lying down (ear
 * level with the shoulder, 90°) does not.
 */
export const STANDING_NECK_MAX_FROM_VERTICAL_DEG = 70;
/**
 * Minimum x offset of the nose past the ear, as a fraction of the ear-shoulder distance, to tell
 * which way the face points in a side view. The nose sits about half a head length (0.3-0.5 of the
 * ear-shoulder distance) in front of the ear in profile; a front view puts it between the ears.
 */
export const FACING_MIN_NOSE_OFFSET_PER_NECK = 0.15;

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

/** A front view needs both shoulders, for the level-shoulders check and the body's midline. */
const FRONT_VIEW_LANDMARKS = {
  leftShoulder: 'left_shoulder',
  rightShoulder: 'right_shoulder',
} as const satisfies LandmarkRequirements;

const FAULTS: readonly WallPostureFault[] = [
  'posture.forward-head',
  'posture.rounded-shoulders',
  'posture.off-plumb-line',
  'posture.shoulders-uneven',
  'posture.hips-uneven',
  'posture.head-tilt',
];

/**
 * The checks only a side view can make. Facing the camera, a hold still counts on the front
 * checks (level shoulders and hips, head tilt), and these are reported undecided so the UI can say
 * that a side view would check them too, rather than refuse the front view outright.
 */
const SIDE_VIEW_FAULTS: readonly WallPostureFault[] = [
  'posture.forward-head',
  'posture.rounded-shoulders',
  'posture.off-plumb-line',
];

type Result = FormResult<WallPosturePhase, WallPostureFault>;

interface Judgement {
  readonly phase: WallPosturePhase;
  readonly faults: readonly WallPostureFault[];
  readonly undecided: readonly Undecided<WallPostureFault>[];
  readonly evidence: readonly Evidence[];
  readonly metrics: Readonly<Record<string, number>>;
  readonly viewAdvice: GuidanceId | null;
  readonly confidence: number;
  /** Forward-head lean in a standing side view, to feed the baseline; null otherwise. */
  readonly forwardHeadLeanDeg: number | null;
}

/** The body parts a view's checks needed but could not see. */
interface Unseen {
  readonly unseen: readonly BodyPart[];
}

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

function seenPoint(pose: Pose, name: LandmarkName, options: VisibilityOptions): SeenPoint | null {
  const point = seenLandmark(pose, name, options);
  return point ? { ...point, name } : null;
}

function meanVisibility(points: readonly ({ readonly visibility: number } | null)[]): number {
  const seen = points.filter((point) => point !== null);
  if (seen.length === 0) return 0;
  const mean = seen.reduce((sum, point) => sum + point.visibility, 0) / seen.length;
  return Number.isFinite(mean) ? Math.min(1, Math.max(0, mean)) : 0;
}

/** Only finite metrics are reported: a check that could not measure leaves its name out. */
function finiteMetrics(entries: Readonly<Record<string, number | null>>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(entries)) {
    if (value !== null && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

/**
 * The image direction the face points in a profile, from the nose's offset past the ear, scaled by
 * the ear-shoulder distance so it works without the hips in view (the shared `facingDirection`
 * scales by torso length and so needs them). Null when the offset is too small to be sure.
 */
export function profileFacing(
  nose: Vec2 | null,
  ear: Vec2 | null,
  shoulder: Vec2 | null,
): ImageDirection | null {
  const neck = distance(ear, shoulder);
  if (!isFiniteVec2(nose) || !isFiniteVec2(ear) || neck === null || !(neck > 0)) return null;
  const offset = nose.x - ear.x;
  if (!(Math.abs(offset) >= FACING_MIN_NOSE_OFFSET_PER_NECK * neck)) return null;
  return offset > 0 ? 'right' : 'left';
}

/** A point straight above `from` at the height of `to`, for drawing a vertical reference. */
function verticalAbove(from: Vec2, to: Vec2): Vec2 {
  return { x: from.x, y: Math.min(to.y, from.y - 1) };
}

function exceeds(value: number | null, threshold: number): boolean {
  return value !== null && value >= threshold;
}

/** A pair's midpoint as a drawable point: named when only one member was seen. */
export interface MidlinePoint extends EvidencePoint {
  readonly visibility: number;
}

/**
 * The midpoint of a left/right pair (or the one seen). In a true side view the pair overlaps, so
 * this is the near joint; in a slightly oblique one it is the body's midline, which both engines
 * agree on far better than on the near joint (the side photo: near-side neck leans of 60° and 34°
 * from BlazePose and MoveNet, midline leans of 55° and 47°).
 */
export function midlinePoint(
  pose: Pose,
  joint: SideJoint,
  options: VisibilityOptions,
): MidlinePoint | null {
  const left = seenLandmark(pose, sideLandmarkName('left', joint), options);
  const right = seenLandmark(pose, sideLandmarkName('right', joint), options);
  const mid = pairMidpoint(left, right);
  if (mid === null) return null;
  const name = mid.from === 'both' ? null : sideLandmarkName(mid.from, joint);
  return { ...mid.point, name, visibility: meanVisibility([left, right]) };
}

function judgeSideView(
  pose: Pose,
  state: WallPostureState,
  thresholds: WallPostureThresholds,
  options: VisibilityOptions,
): Judgement | Unseen {
  const ear = midlinePoint(pose, 'ear', options);
  const shoulder = midlinePoint(pose, 'shoulder', options);
  // The core requirements already found an ear and a shoulder; this only narrows the types.
  if (ear === null || shoulder === null) return { unseen: ['head', 'shoulders'] };
  const hip = midlinePoint(pose, 'hip', options);
  const knee = midlinePoint(pose, 'knee', options);
  const ankle = midlinePoint(pose, 'ankle', options);
  const facing = profileFacing(seenLandmark(pose, 'nose', options), ear, shoulder);

  const trunkFromVertical = hip ? angleFromVertical(hip, shoulder) : null;
  const neckFromVertical = angleFromVertical(shoulder, ear);
  const standing =
    trunkFromVertical !== null
      ? trunkFromVertical <= STANDING_TRUNK_MAX_FROM_VERTICAL_DEG
      : neckFromVertical !== null && neckFromVertical <= STANDING_NECK_MAX_FROM_VERTICAL_DEG;

  const headLean = facing === null ? null : leanFromVertical(shoulder, ear, facing);
  const shouldersForward =
    facing === null || hip === null ? null : leanFromVertical(hip, shoulder, facing);
  const kneeOffPlumb = ankle && knee ? angleFromVertical(ankle, knee) : null;
  const hipOffPlumb = ankle && hip ? angleFromVertical(ankle, hip) : null;
  const shoulderOffPlumb = ankle ? angleFromVertical(ankle, shoulder) : null;
  // The knee is drawn and reported but not cued: "soft knees" are advised over locked ones, and its
  // short lever below it doubles the angle of any landmark error.
  const worstPlumbLean = hipOffPlumb === null ? null : Math.max(hipOffPlumb, shoulderOffPlumb ?? 0);
  const baseline = state.baselineLeanDeg;
  const headDrift = headLean !== null && baseline !== null ? headLean - baseline : null;

  const faults: WallPostureFault[] = [];
  if (standing) {
    const driftedForward =
      exceeds(headDrift, thresholds.forwardHeadDriftDeg) &&
      exceeds(headLean, FORWARD_HEAD_DRIFT_FLOOR_DEG);
    if (exceeds(headLean, thresholds.forwardHeadLeanDeg) || driftedForward) {
      faults.push('posture.forward-head');
    }
    if (exceeds(shouldersForward, thresholds.shouldersForwardOfHipDeg)) {
      faults.push('posture.rounded-shoulders');
    }
    if (exceeds(worstPlumbLean, thresholds.offPlumbLineDeg)) faults.push('posture.off-plumb-line');
  }

  const evidence: Evidence[] = [];
  if (headLean !== null) {
    evidence.push({
      kind: 'angle',
      vertex: shoulder,
      a: evidencePoint(verticalAbove(shoulder, ear), null),
      b: ear,
      degrees: headLean,
      about: 'posture.forward-head',
    });
  }
  if (hip && shouldersForward !== null) {
    evidence.push({
      kind: 'angle',
      vertex: hip,
      a: evidencePoint(verticalAbove(hip, shoulder), null),
      b: shoulder,
      degrees: shouldersForward,
      about: 'posture.rounded-shoulders',
    });
  }
  if (ankle && worstPlumbLean !== null) {
    evidence.push({
      kind: 'line',
      from: ankle,
      to: evidencePoint(verticalAbove(ankle, ear), null),
      about: 'posture.off-plumb-line',
    });
    for (const point of [knee, hip, shoulder]) {
      if (point) evidence.push({ kind: 'point', at: point, about: 'posture.off-plumb-line' });
    }
  }

  return {
    phase: standing ? 'standing' : 'setup',
    faults,
    undecided: [],
    // No form feedback, drawn or spoken, until the person stands.
    evidence: standing ? evidence : [],
    metrics: finiteMetrics({
      forwardHeadLeanDeg: headLean,
      forwardHeadBaselineDeg: baseline,
      forwardHeadDriftDeg: headDrift,
      shouldersForwardOfHipDeg: shouldersForward,
      kneeOffPlumbDeg: kneeOffPlumb,
      hipOffPlumbDeg: hipOffPlumb,
      shoulderOffPlumbDeg: shoulderOffPlumb,
      earOffPlumbDeg: ankle ? angleFromVertical(ankle, ear) : null,
      // 1 when the check ran, 0 when it lacked what it needs (the UI says what to bring in view).
      forwardHeadJudged: headLean === null ? 0 : 1,
      roundedShouldersJudged: shouldersForward === null ? 0 : 1,
      plumbLineJudged: worstPlumbLean === null ? 0 : 1,
      frontChecksJudged: 0,
    }),
    // Hips or ankles out of frame: judged on the head alone, and asked to step back for the rest.
    viewAdvice: !standing
      ? 'setup.get-in-position'
      : hip === null || ankle === null
        ? 'setup.step-back'
        : null,
    confidence: meanVisibility([ear, shoulder, hip, ankle]),
    forwardHeadLeanDeg: standing ? headLean : null,
  };
}

function tiltEvidence(a: SeenPoint, b: SeenPoint, about: WallPostureFault): Evidence {
  return { kind: 'line', from: evidencePoint(a, a.name), to: evidencePoint(b, b.name), about };
}

function judgeFrontView(
  pose: Pose,
  thresholds: WallPostureThresholds,
  options: VisibilityOptions,
): Judgement | Unseen {
  const shoulders = gatherLandmarks(pose, FRONT_VIEW_LANDMARKS, options);
  if (!shoulders.ok) return { unseen: shoulders.unseen };
  const { leftShoulder, rightShoulder } = shoulders.points;
  const leftHip = seenPoint(pose, 'left_hip', options);
  const rightHip = seenPoint(pose, 'right_hip', options);
  // Ears give the widest baseline for head tilt; the eyes stand in when hair hides an ear.
  const ears = [seenPoint(pose, 'left_ear', options), seenPoint(pose, 'right_ear', options)];
  const eyes = [seenPoint(pose, 'left_eye', options), seenPoint(pose, 'right_eye', options)];
  const headPair = ears[0] && ears[1] ? ears : eyes;
  const [leftHead, rightHead] = headPair;

  const shoulderMid = pairMidpoint(leftShoulder, rightShoulder)?.point ?? null;
  const hipMid = pairMidpoint(leftHip, rightHip)?.point ?? null;
  const headMid = pairMidpoint(ears[0] ?? null, ears[1] ?? null)?.point ?? null;
  const trunkFromVertical = hipMid ? angleFromVertical(hipMid, shoulderMid) : null;
  const neckFromVertical = angleFromVertical(shoulderMid, headMid);
  const standing =
    trunkFromVertical !== null
      ? trunkFromVertical <= STANDING_TRUNK_MAX_FROM_VERTICAL_DEG
      : neckFromVertical !== null && neckFromVertical <= STANDING_NECK_MAX_FROM_VERTICAL_DEG;

  const shoulderTilt = lineTiltFromHorizontal(leftShoulder, rightShoulder);
  const hipTilt = leftHip && rightHip ? lineTiltFromHorizontal(leftHip, rightHip) : null;
  const headTilt = leftHead && rightHead ? lineTiltFromHorizontal(leftHead, rightHead) : null;

  const faults: WallPostureFault[] = [];
  if (standing) {
    if (exceeds(shoulderTilt, thresholds.shoulderTiltDeg)) faults.push('posture.shoulders-uneven');
    if (exceeds(hipTilt, thresholds.hipTiltDeg)) faults.push('posture.hips-uneven');
    if (exceeds(headTilt, thresholds.headTiltDeg)) faults.push('posture.head-tilt');
  }
  const evidence: Evidence[] = [
    tiltEvidence(leftShoulder, rightShoulder, 'posture.shoulders-uneven'),
  ];
  if (leftHip && rightHip) evidence.push(tiltEvidence(leftHip, rightHip, 'posture.hips-uneven'));
  if (leftHead && rightHead) evidence.push(tiltEvidence(leftHead, rightHead, 'posture.head-tilt'));

  return {
    phase: standing ? 'standing' : 'setup',
    faults,
    // Judged from the front, the hold counts on these checks alone; the side-on ones stay open.
    undecided: standing
      ? SIDE_VIEW_FAULTS.map((fault) => ({ fault, reason: 'needs-side-view' as const }))
      : [],
    evidence: standing ? evidence : [],
    metrics: finiteMetrics({
      shoulderTiltDeg: shoulderTilt,
      hipTiltDeg: hipTilt,
      headTiltDeg: headTilt,
      hipsLevelJudged: hipTilt === null ? 0 : 1,
      headTiltJudged: headTilt === null ? 0 : 1,
      frontChecksJudged: 1,
      // The plumb line, forward head and rounded shoulders need a side view.
      forwardHeadJudged: 0,
      roundedShouldersJudged: 0,
      plumbLineJudged: 0,
    }),
    viewAdvice: standing ? null : 'setup.get-in-position',
    confidence: meanVisibility([leftShoulder, rightShoulder, leftHip, rightHip, leftHead ?? null]),
    forwardHeadLeanDeg: null,
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
