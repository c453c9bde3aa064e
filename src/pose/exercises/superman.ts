import { hipMidpoint, shoulderMidpoint, torsoLengthPx } from '../body';
import type { Degrees } from '../geometry/degrees';
import { angleAt, elevationAngle, lineTiltFromHorizontal } from '../geometry/angles';
import { degrees } from '../geometry/degrees';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import type { Pose } from '../pose';
import type { RepCounterConfig } from '../reps/rep-counter';
import { DEFAULT_REP_MAX_GAP_MS, DEFAULT_REP_MIN_DWELL_MS } from '../reps/rep-counter';
import { gatherLandmarks } from '../requirements';
import type { SeenPoint } from '../requirements';
import { estimateView } from '../view';
import type { View } from '../view';
import type { VisibilityOptions } from '../visibility';
import { seenLandmark } from '../visibility';
import { ANGLE_2D_ERROR_DEG } from './decision';
import type { FaultDecision } from './decision';
import { EMPTY_RESULT, evidencePoint } from './result-parts';
import type {
  EvaluateContext,
  FaultId,
  Evaluation,
  Evidence,
  EvidencePoint,
  FormResult,
  RepExercise,
  Strictness,
} from './types';

const SUPERMAN_FAULTS = ['superman.neck-craned', 'superman.low-lift'] as const;
export type SupermanFault = (typeof SUPERMAN_FAULTS)[number];
export type SupermanPhase = 'setup' | 'down' | 'lifting' | 'hold' | 'lowering';

export interface SupermanThresholds {
  /** At the top, chest or legs lifted less than this (degrees above horizontal) stayed down. */
  readonly minPartLiftDeg: number;
  /** Head extension (gaze turned from the floor towards ahead) above this is craned. */
  readonly maxHeadExtensionDeg: number;
  /** Where "can't judge" starts on each: the ends of what good supermans measured. */
  readonly partLiftUnsureDeg: number;
  readonly headExtensionUnsureDeg: number;
}

/*
 * No norm exists for superman lift height, neck angle or hold (docs/checkers.md). The limits are
 * chosen by the method of docs/judgement.md on the real superman recordings (a clip of 6 lifts, a
 * top and a rest photo; superman.test.ts checks these numbers are that choice): "can't judge" from
 * the end of good form, the cue past the next source's prediction: the 2D-angle error (6°, Stenum
 * 2021) widened for the two sources seen (3.77 ×).
 */

/**
 * "Off the floor": at the top of the real lifts the lower part held 9° (the clip, chest with the arms
 * bent forward) and 22° (the top photo), above a lying body's -9 to +5° (the norm: at 5° a part
 * counts as lifted), so a part under 5° is unsure. With two sources the cue is 3.77 × 6° past the
 * norm, at -18°, lower than a lying part reads: until a third source, a low lift is answered
 * "can't judge", never cued.
 */
const MIN_PART_LIFT_DEG = -18;
const PART_LIFT_UNSURE_DEG = 5;
/**
 * The gaze (ear to nose) makes about 90° with the trunk when the neck is neutral. Head extension is
 * 90° minus that angle. The real clip's neutral head held -18 to +18°, but the top photo, face to
 * the floor with the chest high and the camera towards the feet, reads 64° (the 2D ear-nose line
 * foreshortens), higher than looking straight ahead in a plank (from 47°: plank_sagging_01 and
 * plank_sagging_video_01). The measure cannot tell them apart from 47° to 64°: "can't judge" from
 * 47°, and with two sources that far apart the cue is 3.77 × 6° past 64°, at 87° of a measure
 * that ends at 90° (gaze along the trunk): until a third source, the neck is all but never cued.
 */
const MAX_HEAD_EXTENSION_DEG = 87;
const LOOKING_AHEAD_FROM_DEG = 47;
const HEAD_EXTENSION_UNSURE_DEG = LOOKING_AHEAD_FROM_DEG;
/** Gaze-to-trunk angle of a neutral neck, from the same recordings (median about 75-95°). */
const NEUTRAL_GAZE_TO_TRUNK_DEG = 90;

/** Lying: trunk within this of horizontal (a big superman lifts the chest 20-30°). */
const PRONE_MAX_TRUNK_TILT_DEG = 40;
/** A knee this far below the hips (torso lengths) is kneeling, not lying (kneeling ~0.7). */
const KNEELING_KNEE_DROP_TORSOS = 0.3;
/**
 * An elbow this far below the shoulders (torso lengths) props the body up (plank, sphinx: 0.61-0.65
 * in the recordings); a superman reaches the arms forward or along the sides, near shoulder height.
 */
const PROPPED_ELBOW_DROP_TORSOS = 0.35;
/**
 * A nose this far above the ear (torso lengths) faces the ceiling: lying on the back. Prone, the
 * nose is below the ear or, looking ahead, about level (ear to nose ~0.2 torso lengths).
 */
const SUPINE_NOSE_RISE_TORSOS = 0.1;
/**
 * Lifts are measured from the person's own resting lift (prone, the chest of someone whose arms
 * rest bent forward sits at 5°, another's at -9°): top when chest or legs rise 8° above their rest,
 * and back down below 3°. The real clip's lifts rise 11-17° above its 5° rest, with about 1° of
 * jitter.
 */
export const LIFT_ENTER_TOP_DEG = 8;
export const LIFT_EXIT_TOP_DEG = 3;
/**
 * The resting lift follows the lowest lift seen, and rises by at most this while the person stays
 * up (so a lift is never taken for rest).
 */
const REST_RISE_DEG_PER_S = 2;

/** Lying prone, a part measured -9 to +5° (planks' and the superman clip's rest). */
const LYING_MIN_LIFT_DEG = -9;
const LYING_MAX_LIFT_DEG = 5;
/**
 * A camera not quite level (a laptop on a cushion, a phone propped up) tilts every line by its
 * own roll: up to 5° is allowed for. With the 2D angle's error, a part reading from -20 to +16° may
 * be lying; outside that, the body is not at rest (legs raised, a misread) and sets no rest.
 */
const CAMERA_ROLL_MAX_DEG = 5;
const LYING_RANGE_DEG = {
  min: LYING_MIN_LIFT_DEG - CAMERA_ROLL_MAX_DEG - ANGLE_2D_ERROR_DEG,
  max: LYING_MAX_LIFT_DEG + CAMERA_ROLL_MAX_DEG + ANGLE_2D_ERROR_DEG,
};
/** Lift is judged after this long at the top (the hold is 2-3 s: docs/checkers.md, docs/seeds.md)... */
const HOLD_SETTLE_MS = 500;
/** ...and while within this of the hold's highest lift (lower = on the way down). */
const HOLD_PEAK_MARGIN_DEG = 4;

/**
 * Chest and legs lifted, or at rest, in degrees above horizontal. Each part has its own rest: a
 * camera's roll raises one part's reading as much as it lowers the other's, so the lift above rest
 * is the same from it, where a rest shared by the two was not (a 3° roll lost 3 of the 6 lifts of
 * superman_good_01: docs/checkers.md).
 */
export interface PartLifts {
  readonly chestDeg: number;
  readonly legsDeg: number;
}
/** Before the body has lain still: the highest a lying part reads from a camera's roll. */
export const UNKNOWN_REST: PartLifts = {
  chestDeg: LYING_MAX_LIFT_DEG + CAMERA_ROLL_MAX_DEG,
  legsDeg: LYING_MAX_LIFT_DEG + CAMERA_ROLL_MAX_DEG,
};

const lying = (partDeg: number): boolean =>
  partDeg >= LYING_RANGE_DEG.min && partDeg <= LYING_RANGE_DEG.max;

/**
 * Each part's rest after this frame: its lowest reading while the body lies (both parts in the
 * lying range); a frame not lying (legs raised, a misread) leaves the rest as it was.
 */
export function restAfter(rest: PartLifts, parts: PartLifts): PartLifts {
  if (!lying(parts.chestDeg) || !lying(parts.legsDeg)) return rest;
  return {
    chestDeg: Math.min(rest.chestDeg, parts.chestDeg),
    legsDeg: Math.min(rest.legsDeg, parts.legsDeg),
  };
}

/** How far the more lifted part is above its rest. */
export function liftAboveRest(parts: PartLifts, rest: PartLifts): number {
  return Math.max(parts.chestDeg - rest.chestDeg, parts.legsDeg - rest.legsDeg);
}

export interface SupermanState {
  /** When the lift entered the top zone, and its highest value since; null when not at the top. */
  readonly topSinceMs: number | null;
  readonly topPeakDeg: number | null;
  readonly lastLiftDeg: number | null;
  /** The resting lifts (see REST_RISE_DEG_PER_S) and when they were last stepped. */
  readonly rest: PartLifts;
  readonly restAtMs: number | null;
}

export const SUPERMAN_REQUIRED = {
  nose: 'nose',
  ear: { anyOf: ['left_ear', 'right_ear'] },
  shoulder: { anyOf: ['left_shoulder', 'right_shoulder'] },
  hip: { anyOf: ['left_hip', 'right_hip'] },
  knee: { anyOf: ['left_knee', 'right_knee'] },
} as const;

export const SUPERMAN_LIMITS: SupermanThresholds = {
  minPartLiftDeg: MIN_PART_LIFT_DEG,
  maxHeadExtensionDeg: MAX_HEAD_EXTENSION_DEG,
  partLiftUnsureDeg: PART_LIFT_UNSURE_DEG,
  headExtensionUnsureDeg: HEAD_EXTENSION_UNSURE_DEG,
};
/** The data sets the limits past both strictnesses' norms, so they are one (docs/judgement.md). */
const THRESHOLDS: Readonly<Record<Strictness, SupermanThresholds>> = {
  beginner: SUPERMAN_LIMITS,
  advanced: SUPERMAN_LIMITS,
};

export const SUPERMAN_DECISIONS: readonly FaultDecision<SupermanFault>[] = [
  {
    fault: 'superman.neck-craned',
    metric: 'headExtensionDeg',
    firesWhen: 'above',
    judgedIn: ['hold', 'lowering'],
    limit: 'maxHeadExtensionDeg',
    unsureFrom: 'headExtensionUnsureDeg',
    norm: { beginner: 0, advanced: 0 },
    faultSeenFrom: LOOKING_AHEAD_FROM_DEG,
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
  },
  {
    fault: 'superman.low-lift',
    metric: 'lowerPartLiftDeg',
    firesWhen: 'below',
    judgedIn: ['hold'],
    limit: 'minPartLiftDeg',
    unsureFrom: 'partLiftUnsureDeg',
    norm: { beginner: PART_LIFT_UNSURE_DEG, advanced: PART_LIFT_UNSURE_DEG },
    error: ANGLE_2D_ERROR_DEG,
    resolution: 1,
  },
];

const REP_COUNTER: RepCounterConfig = {
  enterTopAbove: LIFT_ENTER_TOP_DEG,
  exitTopBelow: LIFT_EXIT_TOP_DEG,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  maxGapMs: DEFAULT_REP_MAX_GAP_MS,
};

const INITIAL_STATE: SupermanState = {
  topSinceMs: null,
  topPeakDeg: null,
  lastLiftDeg: null,
  rest: UNKNOWN_REST,
  restAtMs: null,
};

/** The resting lifts after this frame: the lowest lifts seen, rising slowly while the body is up. */
function nextRest(state: SupermanState, parts: PartLifts, tMs: number): PartLifts {
  if (state.restAtMs === null) return restAfter(state.rest, parts);
  const elapsedMs = tMs - state.restAtMs;
  // A garbage timestamp (NaN, or infinite after a jump) counts as no time passed.
  const riseDeg =
    REST_RISE_DEG_PER_S * (Number.isFinite(elapsedMs) ? Math.max(0, elapsedMs / 1000) : 0);
  const risen = { chestDeg: state.rest.chestDeg + riseDeg, legsDeg: state.rest.legsDeg + riseDeg };
  return restAfter(risen, parts);
}

/**
 * Head extension relative to the trunk: 90° minus the angle between the trunk's direction (hip to
 * shoulder) and the gaze (ear to nose). 0 = neutral, positive = looking from the floor towards
 * ahead. Pure and total: null when any point is unusable.
 */
export function headExtensionDeg(hip: Vec2, shoulder: Vec2, ear: Vec2, nose: Vec2): Degrees | null {
  const trunkAhead = { x: ear.x + (shoulder.x - hip.x), y: ear.y + (shoulder.y - hip.y) };
  const gazeToTrunk = angleAt(trunkAhead, ear, nose);
  return gazeToTrunk === null ? null : degrees(NEUTRAL_GAZE_TO_TRUNK_DEG - gazeToTrunk);
}

/** The answers before a prone body is judged (no lift read yet, so no fault). */
type ProneSetupResult = FormResult<'setup', never>;

function emptyResult(
  status: FormResult['status'],
  overrides: Partial<ProneSetupResult> = {},
): ProneSetupResult {
  return { ...EMPTY_RESULT, status, view: 'unknown', ...overrides };
}

export interface LegLift {
  readonly hip: EvidencePoint;
  readonly end: EvidencePoint;
  readonly liftDeg: Degrees;
}

/** The higher-lifted leg, hip to ankle (knee when the ankle is unseen). */
export function legLift(pose: Pose, options: VisibilityOptions): LegLift | null {
  let best: LegLift | null = null;
  for (const side of ['left', 'right'] as const) {
    const hip = seenLandmark(pose, `${side}_hip`, options);
    const ankle = seenLandmark(pose, `${side}_ankle`, options);
    const knee = seenLandmark(pose, `${side}_knee`, options);
    const end = ankle ?? knee;
    const liftDeg = elevationAngle(hip, end);
    if (!hip || !end || liftDeg === null) continue;
    if (best === null || liftDeg > best.liftDeg) {
      best = {
        hip: evidencePoint(hip, `${side}_hip`),
        end: evidencePoint(end, ankle ? `${side}_ankle` : `${side}_knee`),
        liftDeg,
      };
    }
  }
  return best;
}

export function isProne(
  pose: Pose,
  trunkTiltDeg: number,
  shoulderY: number,
  hipY: number,
  ear: Vec2,
  nose: Vec2,
  torsoPx: number,
  options: VisibilityOptions,
): boolean {
  const below = (names: readonly LandmarkName[], fromY: number, minTorsos: number) =>
    names.some((name) => {
      const point = seenLandmark(pose, name, options);
      return point !== null && (point.y - fromY) / torsoPx >= minTorsos;
    });
  const kneeling = below(['left_knee', 'right_knee'], hipY, KNEELING_KNEE_DROP_TORSOS);
  const propped = below(['left_elbow', 'right_elbow'], shoulderY, PROPPED_ELBOW_DROP_TORSOS);
  const facingUp = (ear.y - nose.y) / torsoPx > SUPINE_NOSE_RISE_TORSOS;
  return trunkTiltDeg <= PRONE_MAX_TRUNK_TILT_DEG && !kneeling && !propped && !facingUp;
}

/** What a prone check reads before judging: the body side-on, its lifts and the head. */
export interface ProneReading {
  readonly view: View;
  readonly shoulders: Vec2;
  readonly hips: Vec2;
  readonly legs: LegLift;
  readonly ear: SeenPoint;
  readonly nose: SeenPoint;
  readonly confidence: number;
  readonly torsoPx: number;
  /** The chest's lift: hip to shoulder above horizontal, degrees. */
  readonly chestLiftDeg: number;
  /** The hip-to-shoulder evidence line. */
  readonly trunk: { readonly from: EvidencePoint; readonly to: EvidencePoint };
}

/**
 * The steps the superman and the extensor hold share: the required landmarks seen, a side view,
 * and lying face down; else the answer to give (no one, can't see, wrong view, or setup while not
 * prone, with the trunk's tilt).
 */
export function readProne(
  pose: Pose | null,
  context: EvaluateContext,
):
  | { readonly ok: true; readonly body: ProneReading }
  | { readonly ok: false; readonly result: ProneSetupResult } {
  if (pose === null) return { ok: false, result: emptyResult('no-person') };
  const options: VisibilityOptions = { imageSize: context.imageSize };
  const gathered = gatherLandmarks(pose, SUPERMAN_REQUIRED, options);
  if (!gathered.ok) {
    return { ok: false, result: emptyResult('cannot-see', { unseen: gathered.unseen }) };
  }
  const view = estimateView(pose, context.imageSize, { onFloor: true }).view;
  const shoulders = shoulderMidpoint(pose, options);
  const hips = hipMidpoint(pose, options);
  const torsoPx = torsoLengthPx(pose, options);
  if (view !== 'side' || !shoulders || !hips || torsoPx === null) {
    return {
      ok: false,
      result: emptyResult('wrong-view', { view, viewAdvice: 'setup.turn-sideways' }),
    };
  }
  const legs = legLift(pose, options);
  if (!legs) return { ok: false, result: emptyResult('cannot-see', { unseen: ['hips', 'knees'] }) };
  const { ear, nose } = gathered.points;
  const trunkTilt = lineTiltFromHorizontal(hips.point, shoulders.point) ?? 90;
  const confidence = Math.min(
    gathered.points.shoulder.visibility,
    gathered.points.hip.visibility,
    gathered.points.knee.visibility,
  );
  const trunk = {
    from: evidencePoint(hips.point, null),
    to: evidencePoint(shoulders.point, null),
  };
  if (!isProne(pose, trunkTilt, shoulders.point.y, hips.point.y, ear, nose, torsoPx, options)) {
    const result = emptyResult('ok', {
      phase: 'setup',
      view,
      viewAdvice: 'setup.get-in-position',
      confidence,
      evidence: [{ kind: 'line', ...trunk, about: null }],
      metrics: { trunkTiltDeg: trunkTilt, torsoPx },
    });
    return { ok: false, result };
  }
  return {
    ok: true,
    body: {
      view,
      shoulders: shoulders.point,
      hips: hips.point,
      legs,
      ear,
      nose,
      confidence,
      torsoPx,
      chestLiftDeg: elevationAngle(hips.point, shoulders.point) ?? 0,
      trunk,
    },
  };
}

/** The neck's angle to draw (ear, towards the trunk's direction and the nose), when measured. */
export function neckEvidence(
  body: ProneReading,
  headExtension: Degrees | null,
  about: FaultId | null,
): Evidence[] {
  if (headExtension === null) return [];
  return [
    {
      kind: 'angle',
      vertex: evidencePoint(body.ear, body.ear.name),
      a: body.trunk.to,
      b: evidencePoint(body.nose, 'nose'),
      degrees: headExtension,
      about,
    },
  ];
}

function evaluateSuperman(
  this: { readonly thresholds: Readonly<Record<Strictness, SupermanThresholds>> },
  pose: Pose | null,
  state: SupermanState,
  context: EvaluateContext,
): Evaluation<SupermanPhase, SupermanFault, SupermanState> {
  const reading = readProne(pose, context);
  if (!reading.ok) {
    const reset = reading.result.phase === 'setup' ? INITIAL_STATE : state;
    return { result: reading.result, state: reset };
  }
  const { view, shoulders, hips, legs, ear, nose, confidence, torsoPx, trunk } = reading.body;
  const t = context.timestampMs;
  const thresholds = this.thresholds[context.strictness];
  const trunkTilt = lineTiltFromHorizontal(hips, shoulders) ?? 90;
  const trunkFrom = trunk.from;
  const trunkTo = trunk.to;
  const chestLift = reading.body.chestLiftDeg;
  const parts: PartLifts = { chestDeg: chestLift, legsDeg: legs.liftDeg };
  const rest = nextRest(state, parts, t);
  // Above the person's own rest: the rep zones do not depend on how their arms lie.
  const lift = liftAboveRest(parts, rest);
  const headExtension = headExtensionDeg(hips, shoulders, ear, nose);
  const atTop =
    lift > LIFT_ENTER_TOP_DEG || (state.topSinceMs !== null && lift >= LIFT_EXIT_TOP_DEG);
  const topSinceMs = atTop ? (state.topSinceMs ?? t) : null;
  const topPeakDeg = topSinceMs === null ? null : Math.max(state.topPeakDeg ?? lift, lift);
  const holding =
    topSinceMs !== null &&
    topPeakDeg !== null &&
    (context.isStill === true || t - topSinceMs >= HOLD_SETTLE_MS) &&
    lift >= topPeakDeg - HOLD_PEAK_MARGIN_DEG;

  const chestLow = holding && chestLift < thresholds.minPartLiftDeg;
  const legsLow = holding && legs.liftDeg < thresholds.minPartLiftDeg;
  const craned =
    topSinceMs !== null && headExtension !== null && headExtension > thresholds.maxHeadExtensionDeg;
  const faults: SupermanFault[] = [
    ...(craned ? (['superman.neck-craned'] as const) : []),
    ...(chestLow || legsLow ? (['superman.low-lift'] as const) : []),
  ];

  const evidence: Evidence[] = [
    { kind: 'line', from: trunkFrom, to: trunkTo, about: chestLow ? 'superman.low-lift' : null },
    { kind: 'line', from: legs.hip, to: legs.end, about: legsLow ? 'superman.low-lift' : null },
  ];
  evidence.push(
    ...neckEvidence(reading.body, headExtension, craned ? 'superman.neck-craned' : null),
  );
  const phase: SupermanPhase =
    topSinceMs === null
      ? lift > LIFT_EXIT_TOP_DEG && lift >= (state.lastLiftDeg ?? lift)
        ? 'lifting'
        : 'down'
      : holding || t - topSinceMs < HOLD_SETTLE_MS
        ? 'hold'
        : 'lowering';
  const metrics: Record<string, number> = {
    trunkTiltDeg: trunkTilt,
    torsoPx,
    chestLiftDeg: chestLift,
    legLiftDeg: legs.liftDeg,
    liftDeg: lift,
    restChestLiftDeg: rest.chestDeg,
    restLegLiftDeg: rest.legsDeg,
    ...(holding ? { lowerPartLiftDeg: Math.min(chestLift, legs.liftDeg) } : {}),
  };
  if (headExtension !== null) metrics.headExtensionDeg = headExtension;
  const result: FormResult<SupermanPhase, SupermanFault> = {
    status: 'ok',
    phase,
    faults,
    undecided: [],
    unseen: [],
    view,
    viewAdvice: null,
    confidence,
    evidence,
    metrics,
    repSignal: lift,
    activeSide: null,
  };
  return {
    result,
    state: {
      topSinceMs,
      topPeakDeg,
      lastLiftDeg: lift,
      rest,
      restAtMs: Number.isFinite(t) ? t : state.restAtMs,
    },
  };
}

/**
 * Superman, judged from the side: lying face down, lift arms, chest and legs together with the
 * gaze on the floor, hold 2-3 s, lower. One rep per lift.
 */
export const superman: RepExercise<
  'superman',
  SupermanPhase,
  SupermanFault,
  SupermanState,
  SupermanThresholds
> = {
  id: 'superman',
  name: 'Superman',
  kind: 'reps',
  views: ['side'],
  requiredLandmarks: SUPERMAN_REQUIRED,
  phases: ['setup', 'down', 'lifting', 'hold', 'lowering'],
  setupPhase: 'setup',
  faults: SUPERMAN_FAULTS,
  thresholds: THRESHOLDS,
  alternatesSides: false,
  repSignal:
    'higher of chest lift (hip to shoulder) and leg lift (hip to ankle) above the resting lift, degrees',
  repCounter: { beginner: REP_COUNTER, advanced: REP_COUNTER },
  decisions: SUPERMAN_DECISIONS,
  initialState: () => INITIAL_STATE,
  evaluate: evaluateSuperman,
};
