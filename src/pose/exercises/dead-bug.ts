import { torsoLengthPx } from '../body';
import { elevationAngle } from '../geometry/angles';
import { deviationBelowLine } from '../geometry/lines';
import type { Vec2 } from '../geometry/vector';
import { distance } from '../geometry/vector';
import type { Pose } from '../pose';
import { NEAR_SIDE_BODY_CHAIN, NEAR_SIDE_TRUNK_AND_KNEE } from '../requirements';
import type { SeenPoint } from '../requirements';
import type { RepCounterConfig } from '../reps/rep-counter';
import { DEFAULT_REP_MIN_DWELL_MS } from '../reps/rep-counter';
import type { Side } from '../side';
import { sideLandmarkName } from '../side';
import type { View } from '../view';
import { hiddenInFrame, seenLandmark } from '../visibility';
import { worldSideView } from '../world-side-view';
import type { BackCurveSmootherState } from '../outline/back-curve';
import { INITIAL_BACK_CURVE_SMOOTHER } from '../outline/back-curve';
import { OUTLINE_DISTANCE_ERROR_TORSOS, outlinePolyline, readBackOutline } from './back-outline';
import type { FaultDecision } from './decision';
import { EMPTY_RESULT, evidencePoint, readSideOn, wrongViewResult } from './result-parts';
import type {
  EvaluateContext,
  Evaluation,
  Evidence,
  FormResult,
  RepExercise,
  Strictness,
  Undecided,
} from './types';

/**
 * 'start': on the back, knees up over the hips; 'moving': a leg on its way down or back;
 * 'extended': a leg lowered towards the floor (the opposite arm reaching back with it).
 */
export type DeadBugPhase = 'setup' | 'start' | 'moving' | 'extended';
const DEAD_BUG_FAULTS = ['dead-bug.lumbar-lift'] as const;
export type DeadBugFault = (typeof DEAD_BUG_FAULTS)[number];

export interface DeadBugThresholds {
  /**
   * The trunk (shoulder-hip line) extended by more than this from its angle in the start position,
   * while a leg is lowered.
   */
  readonly lumbarLiftDeg: number;
  /**
   * The gap between the lower back and the floor (outline/floor) grown by more than this from the
   * start position, torso lengths, while a leg is lowered.
   */
  readonly floorGapRiseTorsos: number;
  /**
   * The gap itself, torso lengths, while a leg is lowered: what a still photo or a set begun with
   * the legs down (no start position seen) is judged on; "can't judge" from `floorGapUnsureTorsos`.
   */
  readonly floorGapTorsos: number;
  readonly floorGapUnsureTorsos: number;
}

/*
 * No video equivalent of lumbar lift is published (docs/checkers.md: the clinical test is a pressure cuff
 * under the low back, +-5 mmHg strict, +-10 lax). The landmarks have no lumbar point, so the proxy is
 * the trunk line: when the low back arches off the floor the pelvis tips and the ribs flare, and
 * the hip rises against the shoulders (the shoulder-hip line extends). It is measured against the
 * person's own start position in the same set, as docs/checkers.md advises where norms are weak; a
 * still photo has no start position, so there only the lower back's gap above the floor judges it
 * (`FLOOR_GAP_TORSOS`).
 *
 * Measured (trunk elevation hip -> shoulder, degrees; one person, four good photos): start 10,
 * leg extend 8, toe tap 2, full dead bug 0. So good form moved the trunk line up to 10° from the
 * start position (the shoulders settling back) across separate photos.
 */

/** The 10° seen in good form plus 6° for 2D hip and trunk error (Stenum 2021, 4-6°). */
export const BEGINNER_LUMBAR_LIFT_DEG = 16;
/** Advanced: 2° over the good photos' 10°, inside the measurement error: cues small lifts too. */
export const ADVANCED_LUMBAR_LIFT_DEG = 12;

/**
 * The lower back's gap above the floor, read on the silhouette: the floor side of the trunk's
 * outline against the line through its ground contacts (shoulder blades and sacrum), over the
 * shoulder-hip length, smoothed. This is what the pressure cuff feels (docs/checkers.md), but the mask
 * sees centimetres, not the cuff's millimetres. Measured (MediaPipe full; no faulty dead bug is in
 * the test data): good photos 0.004-0.037; the rendered clip smoothed 0.02-0.10 (median 0.047),
 * its largest rise over the start position 0.02, and in single unsmoothed frames up to 0.15 (a
 * rise of 0.11). Beginner cues only a rise clearly past that: 0.15 torso lengths, about 7 cm on a
 * 50 cm torso.
 */
export const BEGINNER_FLOOR_GAP_RISE_TORSOS = 0.15;
/** Advanced: 0.12, just over the good clip's largest unsmoothed rise (0.11). */
export const ADVANCED_FLOOR_GAP_RISE_TORSOS = 0.12;

/**
 * The gap itself, chosen on the good dead bugs by docs/judgement.md (no norm is published, and no
 * faulty dead bug is recorded): "can't judge" from the top of good form, the cue past the next
 * source's prediction (`DEAD_BUG_DECISIONS`; the eval's limits table, calibration.test.ts). It
 * judges every phase: a lowered leg without the start position, which the rise needs (a photo, or
 * a set done with the legs resting down: dead_bug_good_video_03 never shows the tabletop start),
 * and the tabletop itself, where the lower back stays on the floor too (docs/checkers.md).
 */
export const FLOOR_GAP_UNSURE_TORSOS = 0.075;
export const FLOOR_GAP_TORSOS = 0.11;

export const DEAD_BUG_DECISIONS: readonly FaultDecision<DeadBugFault>[] = [
  {
    fault: 'dead-bug.lumbar-lift',
    metric: 'floorGapTorsos',
    firesWhen: 'above',
    judgedIn: ['start', 'moving', 'extended'],
    limit: 'floorGapTorsos',
    unsureFrom: 'floorGapUnsureTorsos',
    norm: null,
    error: OUTLINE_DISTANCE_ERROR_TORSOS,
    resolution: 0.005,
  },
];

export const DEAD_BUG_THRESHOLDS: Readonly<Record<Strictness, DeadBugThresholds>> = {
  beginner: {
    lumbarLiftDeg: BEGINNER_LUMBAR_LIFT_DEG,
    floorGapRiseTorsos: BEGINNER_FLOOR_GAP_RISE_TORSOS,
    floorGapTorsos: FLOOR_GAP_TORSOS,
    floorGapUnsureTorsos: FLOOR_GAP_UNSURE_TORSOS,
  },
  advanced: {
    lumbarLiftDeg: ADVANCED_LUMBAR_LIFT_DEG,
    floorGapRiseTorsos: ADVANCED_FLOOR_GAP_RISE_TORSOS,
    floorGapTorsos: FLOOR_GAP_TORSOS,
    floorGapUnsureTorsos: FLOOR_GAP_UNSURE_TORSOS,
  },
};

/** Lying on the back: the trunk within this of the image horizontal (photos 0-10°). */
export const MAX_LYING_TRUNK_TILT_DEG = 30;
/**
 * Leg zones, as each ankle's height above the trunk line in torso lengths. The start position
 * (knees bent over the hips, shins about level) measured 0.73 (photo) and 0.52-0.57 (3D render);
 * lowered legs 0.04-0.06 (full extension), 0.14 (toe tap) and 0.31 (leg extension held high). A leg
 * counts as lowered below 0.4 and back up above 0.48: 0.04 under the render's lowest start value.
 */
export const LEG_LOWERED_BELOW_TORSOS = 0.4;
export const LEG_RAISED_ABOVE_TORSOS = 0.48;

/**
 * Reps from the two knees' difference in height above the trunk line, torso lengths: a rep is one
 * leg moving while the other stays, whether the legs rest up (tabletop, the leg lowers) or down
 * (lying flat, the knee lifts: dead_bug_good_video_03). Both knees up or both down measured
 * 0.0-0.1; one lowered or lifted 0.55-0.75. In past 0.35, out below 0.2: 0.15 of hysteresis over
 * about 0.03 of jitter.
 */
export const KNEES_APART_ENTER_TORSOS = 0.35;
export const KNEES_APART_EXIT_TORSOS = 0.2;
/**
 * A leg stretched out or lifted high leaves a close frame for a moment (dead_bug_good_video_03
 * zooms in and loses the ankles for 1.3 s mid-rep), while a slow, controlled rep takes 2-4 s: a
 * rep unseen for up to 2 s is still the same rep, as in the bird-dog.
 */
const DEAD_BUG_REP_MAX_GAP_MS = 2000;
export const DEAD_BUG_REP_COUNTER: RepCounterConfig = {
  enterTopAbove: KNEES_APART_ENTER_TORSOS,
  exitTopBelow: KNEES_APART_EXIT_TORSOS,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  maxGapMs: DEAD_BUG_REP_MAX_GAP_MS,
  // The knees draw apart as one leg is lowered towards the floor.
  lowering: 'rising',
};

export interface DeadBugState {
  /** Trunk elevation in the start position of the current rep, degrees; null until seen. */
  readonly startTrunkDeg: number | null;
  /** The lower back's floor gap in the start position, torso lengths; null until seen. */
  readonly startFloorGapTorsos: number | null;
  /** Smoothing of the back's outline between frames. */
  readonly backCurve: BackCurveSmootherState;
  /** When a side view was last read, ms; null before any (`SIDE_VIEW_FLICKER_MS`). */
  readonly sideSeenAtMs: number | null;
}

export const INITIAL_DEAD_BUG_STATE: DeadBugState = {
  startTrunkDeg: null,
  startFloorGapTorsos: null,
  backCurve: INITIAL_BACK_CURVE_SMOOTHER,
  sideSeenAtMs: null,
};

/**
 * A three-quarter frame this soon after a side-on one is the side-on camera misjudged, not moved:
 * the estimated view of a side-on dead bug flickers to three-quarter while a knee crosses the hips
 * (dead_bug_good_video_03 at 10.9-12.3 s, side-on frames up to 0.67 s apart between). Such frames
 * stay unread as before: read on the world landmarks, they would mix a second instrument into the
 * rep's signal (one frame read 1.66 against 1.17-1.25 side-on), which broke that rep's timing.
 */
export const SIDE_VIEW_FLICKER_MS = 1000;

type DeadBugResult = FormResult<DeadBugPhase, DeadBugFault>;

function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

/** Height of `point` above the trunk line (shoulder-hip, extended), in torso lengths. */
function heightAboveTrunkTorsos(
  point: Vec2,
  shoulder: Vec2,
  hip: Vec2,
  torsoPx: number,
): number | null {
  const below = deviationBelowLine(point, shoulder, hip);
  return below === null ? null : -below.distancePx / torsoPx;
}

interface Leg {
  readonly side: Side;
  readonly ankle: SeenPoint;
  readonly heightTorsos: number;
}

/** A frame not judged: the rep's start position is forgotten, the last side view kept. */
function notJudged(
  result: DeadBugResult,
  sideSeenAtMs: number | null,
): Evaluation<DeadBugPhase, DeadBugFault, DeadBugState> {
  return { result, state: { ...INITIAL_DEAD_BUG_STATE, sideSeenAtMs } };
}

/** What a frame that only counts reports: the lumbar lift open, the rep signal read. */
interface CountOnly {
  readonly phase: DeadBugPhase;
  readonly reason: Undecided['reason'];
  readonly viewAdvice: FormResult['viewAdvice'];
  readonly kneesApart: number | null;
  readonly activeSide: Side | null;
  readonly metrics: Readonly<Record<string, number>>;
}

/**
 * A frame that counts the rep but does not judge the lumbar lift, which stays open: the start
 * position it is measured against is forgotten too.
 *
 * - A three-quarter view (`reason` 'needs-side-view'): reps from the legs in the world landmarks'
 *   side view. The trunk line's lift is a few degrees against the person's own start, under the
 *   world landmarks' error off side-on (10°, measured on the plank: plank.ts), and the silhouette at
 *   an angle is not the back's profile, so neither is read. Nor is the start position judged here,
 *   so a three-quarter set says so from the tabletop on, and is never scored as judged
 *   (docs/judgement.md).
 * - A foot out of a close frame (side-on, `reason` 'out-of-frame'): the knees still count the
 *   rep, but which leg is lowered, and so the phase, is unknown; the lift is left open until the
 *   person steps back, without stopping the count (the bird-dog asks to step back only when no
 *   rep signal is left).
 */
function countOnly(
  counted: CountOnly,
  view: View,
  confidence: number,
  evidence: readonly Evidence[],
  sideSeenAtMs: number | null,
): Evaluation<DeadBugPhase, DeadBugFault, DeadBugState> {
  const { phase, reason, viewAdvice, kneesApart, activeSide, metrics } = counted;
  return notJudged(
    {
      ...EMPTY_RESULT,
      status: 'ok',
      phase,
      view,
      viewAdvice,
      undecided: [{ fault: 'dead-bug.lumbar-lift', reason }],
      confidence: confidence / 2,
      evidence,
      metrics: { ...metrics, ...(kneesApart === null ? {} : { kneesApartTorsos: kneesApart }) },
      repSignal: kneesApart,
      activeSide,
    },
    sideSeenAtMs,
  );
}

function evaluateDeadBug(
  person: Pose | null,
  state: DeadBugState,
  context: EvaluateContext,
  thresholds: DeadBugThresholds,
): Evaluation<DeadBugPhase, DeadBugFault, DeadBugState> {
  // The trunk and knees first, which carry the rep signal; the feet after, as they may be out of frame.
  const read = readSideOn(person, NEAR_SIDE_TRUNK_AND_KNEE, context.imageSize, {
    angledFromWorld: true,
    onFloor: true,
  });
  // A frame with nobody in it keeps the start position; another view or unseen joints forget it.
  if (!read.ok)
    return read.result.status === 'no-person'
      ? { result: read.result, state }
      : notJudged(read.result, state.sideSeenAtMs);
  const { pose, viewEstimate, seen, options } = read;
  const view = viewEstimate.view;
  const sideSeenAtMs = view === 'side' ? context.timestampMs : state.sideSeenAtMs;
  if (
    view !== 'side' &&
    sideSeenAtMs !== null &&
    context.timestampMs - sideSeenAtMs < SIDE_VIEW_FLICKER_MS
  ) {
    return notJudged(wrongViewResult(view, 'setup.turn-sideways'), sideSeenAtMs);
  }
  // A gathered near-side chain always has its side; the null check only narrows the type.
  if (seen.side === null) {
    return notJudged(
      {
        ...EMPTY_RESULT,
        status: 'cannot-see',
        view,
        unseen: ['shoulders', 'hips'],
      },
      sideSeenAtMs,
    );
  }
  const { shoulder, hip } = seen.points;
  const nearSide = seen.side;
  const nearAnkleName = sideLandmarkName(nearSide, 'ankle');
  const nearAnklePoint = seenLandmark(pose, nearAnkleName, options);
  const ankle = nearAnklePoint && { ...nearAnklePoint, name: nearAnkleName };
  const anklesUnseen = () =>
    notJudged({ ...EMPTY_RESULT, status: 'cannot-see', view, unseen: ['ankles'] }, sideSeenAtMs);
  // An ankle hidden behind the body is for another angle; one out of the frame, for stepping back.
  if (ankle === null && hiddenInFrame(pose, ['ankles'], context.imageSize)) return anklesUnseen();
  // Off side-on the image foreshortens the trunk and legs: they are measured in the world
  // landmarks' side view across the trunk (world-side-view.ts), from the joints the image sees.
  const worldView =
    view === 'side'
      ? null
      : worldSideView(
          pose,
          sideLandmarkName(nearSide, 'shoulder'),
          sideLandmarkName(nearSide, 'hip'),
        );
  const fromWorld = view !== 'side';
  const measured = (point: SeenPoint): Vec2 | null =>
    fromWorld ? (worldView?.(point.name) ?? null) : point;
  const trunk = { shoulder: measured(shoulder), hip: measured(hip) };
  const torso = fromWorld ? distance(trunk.shoulder, trunk.hip) : torsoLengthPx(pose, options);
  const trunkDeg = elevationAngle(trunk.hip, trunk.shoulder);
  const confidence = Math.min(shoulder.visibility, hip.visibility, ankle?.visibility ?? 1);
  const trunkLine: Evidence = {
    kind: 'line',
    from: evidencePoint(shoulder),
    to: evidencePoint(hip),
    about: null,
  };
  const forget = (result: DeadBugResult) => notJudged(result, sideSeenAtMs);
  const setup = (): Evaluation<DeadBugPhase, DeadBugFault, DeadBugState> =>
    forget({
      ...EMPTY_RESULT,
      status: 'ok',
      phase: 'setup',
      view,
      viewAdvice: 'setup.get-in-position',
      confidence,
      evidence: [trunkLine],
      metrics: trunkDeg === null ? {} : { trunkElevationDeg: trunkDeg },
    });
  if (
    torso === null ||
    !(torso > 0) ||
    trunk.shoulder === null ||
    trunk.hip === null ||
    trunkDeg === null ||
    Math.abs(trunkDeg) > MAX_LYING_TRUNK_TILT_DEG
  ) {
    return setup();
  }
  const heightTorsos = (point: SeenPoint): number | null => {
    const at = measured(point);
    return at && trunk.shoulder && trunk.hip
      ? heightAboveTrunkTorsos(at, trunk.shoulder, trunk.hip, torso)
      : null;
  };
  // Side-on, the far knee hides behind the near one at the same height: the model still places
  // it, so its visibility is not asked for here (only that it lies in the image).
  const kneeHeight = (side: Side): number | null => {
    const name = sideLandmarkName(side, 'knee');
    const knee = seenLandmark(pose, name, { ...options, minVisibility: 0 });
    return knee ? heightTorsos({ ...knee, name }) : null;
  };
  const leftKnee = kneeHeight('left');
  const rightKnee = kneeHeight('right');
  const kneesApart =
    leftKnee === null || rightKnee === null ? null : Math.abs(leftKnee - rightKnee);
  if (ankle === null) {
    if (kneesApart === null) return anklesUnseen();
    const counted: CountOnly = {
      phase: 'moving',
      reason: fromWorld ? 'needs-side-view' : 'out-of-frame',
      viewAdvice: null,
      kneesApart,
      activeSide: null,
      metrics: { trunkElevationDeg: trunkDeg },
    };
    return countOnly(counted, view, confidence, [trunkLine], sideSeenAtMs);
  }
  const farName = sideLandmarkName(otherSide(nearSide), 'ankle');
  const farPoint = seenLandmark(pose, farName, options);
  const candidates: { side: Side; ankle: SeenPoint }[] = [{ side: nearSide, ankle }];
  if (farPoint)
    candidates.push({ side: otherSide(nearSide), ankle: { ...farPoint, name: farName } });
  const legs: Leg[] = [];
  for (const candidate of candidates) {
    const height = heightTorsos(candidate.ankle);
    if (height !== null) legs.push({ ...candidate, heightTorsos: height });
  }
  const lowest = legs.reduce<Leg | null>(
    (low, leg) => (low === null || leg.heightTorsos < low.heightTorsos ? leg : low),
    null,
  );
  // No ankle measurable against the trunk line (a degenerate chain): nothing to judge yet.
  if (lowest === null) return setup();

  const phase: DeadBugPhase =
    lowest.heightTorsos > LEG_RAISED_ABOVE_TORSOS
      ? 'start'
      : lowest.heightTorsos < LEG_LOWERED_BELOW_TORSOS
        ? 'extended'
        : 'moving';
  const legLine: Evidence = {
    kind: 'line',
    from: evidencePoint(hip),
    to: evidencePoint(lowest.ankle),
    about: null,
  };
  if (fromWorld) {
    const evidence = [trunkLine, legLine];
    const counted: CountOnly = {
      phase,
      reason: 'needs-side-view',
      viewAdvice: null,
      kneesApart,
      activeSide: phase === 'start' ? null : lowest.side,
      metrics: { lowestAnkleAboveTrunkTorsos: lowest.heightTorsos },
    };
    return countOnly(counted, view, confidence, evidence, sideSeenAtMs);
  }
  const startTrunkDeg = phase === 'start' ? trunkDeg : state.startTrunkDeg;
  // Positive: the trunk line extended from the start (hip up against the shoulders).
  const trunkExtensionDeg = startTrunkDeg === null ? null : startTrunkDeg - trunkDeg;
  // The lower back's gap above the floor, on the silhouette (MediaPipe only).
  const back = readBackOutline(pose, shoulder, hip, state.backCurve, context.timestampMs);
  const floorGap = back.curve?.floorGap ?? null;
  const gapTorsos = floorGap?.gapTorsos ?? null;
  const startFloorGapTorsos = phase === 'start' ? gapTorsos : state.startFloorGapTorsos;
  const floorGapRise =
    gapTorsos === null || startFloorGapTorsos === null ? null : gapTorsos - startFloorGapTorsos;
  const trunkExtended = trunkExtensionDeg !== null && trunkExtensionDeg > thresholds.lumbarLiftDeg;
  const gapAboveFloor = gapTorsos !== null && gapTorsos > thresholds.floorGapTorsos;
  const gapOpened =
    gapAboveFloor || (floorGapRise !== null && floorGapRise > thresholds.floorGapRiseTorsos);
  const faults: DeadBugFault[] = [];
  if (phase === 'start' ? gapAboveFloor : trunkExtended || gapOpened) {
    faults.push('dead-bug.lumbar-lift');
  }
  const lifting = faults.length > 0;
  // A leg lowered with no gap read on the outline: the trunk line alone cannot clear the back.
  // (A gap between good form's top and the limit is "can't judge" too: the session's, from
  // `DEAD_BUG_DECISIONS`.)
  const undecided: Undecided<DeadBugFault>[] =
    !lifting && gapTorsos === null
      ? [
          {
            fault: 'dead-bug.lumbar-lift',
            reason: pose.outline ? 'ambiguous' : 'needs-body-outline',
          },
        ]
      : [];
  const evidence: Evidence[] = [
    { ...trunkLine, about: lifting ? 'dead-bug.lumbar-lift' : null },
    legLine,
  ];
  if (back.curve && floorGap) {
    const gapAbout = gapOpened && lifting ? 'dead-bug.lumbar-lift' : null;
    const backOutline = outlinePolyline(back.curve.lower, gapAbout);
    if (backOutline) evidence.push(backOutline);
    evidence.push(
      {
        kind: 'line',
        from: evidencePoint(floorGap.floor.from, null),
        to: evidencePoint(floorGap.floor.to, null),
        about: null,
      },
      {
        kind: 'point',
        at: evidencePoint(floorGap.gapAt, null),
        about: gapAbout,
      },
    );
  }
  return {
    result: {
      ...EMPTY_RESULT,
      status: 'ok',
      phase,
      view,
      faults,
      undecided,
      // Without the start position the lumbar check cannot run: say so through confidence.
      confidence: startTrunkDeg === null ? confidence / 2 : confidence,
      evidence,
      metrics: {
        trunkElevationDeg: trunkDeg,
        lowestAnkleAboveTrunkTorsos: lowest.heightTorsos,
        ...(trunkExtensionDeg === null ? {} : { trunkExtensionDeg }),
        ...back.metrics,
        ...(gapTorsos === null ? {} : { floorGapTorsos: gapTorsos }),
        ...(floorGapRise === null ? {} : { floorGapRiseTorsos: floorGapRise }),
        ...(viewEstimate.yawDeg === null ? {} : { viewYawDeg: viewEstimate.yawDeg }),
        ...(kneesApart === null ? {} : { kneesApartTorsos: kneesApart }),
      },
      repSignal: kneesApart,
      activeSide: phase === 'start' ? null : lowest.side,
    },
    state: { startTrunkDeg, startFloorGapTorsos, backCurve: back.state, sideSeenAtMs },
  };
}

/**
 * Dead bug, judged side-on: reps from a foot lowering towards the floor and back (either leg; the
 * working side is the lowered leg), and the lumbar lift against the start position while the leg is
 * down: the trunk line extending, or the lower back's gap above the floor opening on the
 * silhouette (MediaPipe; without the outline a lowered leg leaves the lift undecided). At
 * three-quarter, reps only, on the world landmarks (`countOnly`); reps only as well, from the knees,
 * while a foot is out of a close frame. Sitting, standing or lying
 * flat is 'setup'.
 */
export const deadBug: RepExercise<
  'dead-bug',
  DeadBugPhase,
  DeadBugFault,
  DeadBugState,
  DeadBugThresholds
> = {
  id: 'dead-bug',
  name: 'Dead bug',
  kind: 'reps',
  views: ['side', 'three-quarter'],
  requiredLandmarks: NEAR_SIDE_BODY_CHAIN,
  phases: ['setup', 'start', 'moving', 'extended'],
  setupPhase: 'setup',
  faults: DEAD_BUG_FAULTS,
  thresholds: DEAD_BUG_THRESHOLDS,
  alternatesSides: true,
  usesBodyOutline: true,
  repSignal: "the knees' difference in height above the trunk line, torso lengths",
  repCounter: { beginner: DEAD_BUG_REP_COUNTER, advanced: DEAD_BUG_REP_COUNTER },
  decisions: DEAD_BUG_DECISIONS,
  initialState: () => INITIAL_DEAD_BUG_STATE,
  evaluate(pose, state, context) {
    return evaluateDeadBug(pose, state, context, this.thresholds[context.strictness]);
  },
};
