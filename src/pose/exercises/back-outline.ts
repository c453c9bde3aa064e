import type { Vec2 } from '../geometry/vector';
import type {
  BackCurve,
  BackCurveSmootherState,
  BackCurveSpan,
  OutlineSide,
} from '../outline/back-curve';
import {
  BACK_CURVE_START,
  LYING_BACK_SPAN,
  measureBackCurve,
  smoothBackCurve,
} from '../outline/back-curve';
import type { Pose } from '../pose';
import type { Evidence, EvidencePoint, FaultId, UndecidedReason } from './types';

/**
 * Below this back-curve confidence (mask quality times the share of the chord inside the outline)
 * the outline is not used and the joint rules stand alone: the labelled side views measured
 * 0.81-0.95; a silhouette that misses the trunk or a blurred mask falls well under.
 */
export const MIN_BACK_CURVE_CONFIDENCE = 0.6;

/**
 * The error of a distance read off the back's outline, torso lengths: a dip or gap moves by up to
 * 0.02 with the mask's threshold alone (docs/checkers.md). The margin of the outline's decisions.
 */
export const OUTLINE_DISTANCE_ERROR_TORSOS = 0.02;

/** The trunk's outline as a check reads it, after smoothing over frames. */
export interface BackOutlineReading {
  /** Null when there is no outline (MoveNet, or not asked for) or it could not be read. */
  readonly curve: BackCurve | null;
  readonly state: BackCurveSmootherState;
  /**
   * `backOutlineSeen` 1 or 0: whether the outline checks ran this frame. 0 means only the joint
   * rules judged it (MoveNet has no mask), so a lower-back fault could go unseen.
   * `backOutlineConfidence` 0-1 when an outline was read.
   */
  readonly metrics: Readonly<Record<string, number>>;
}

/**
 * Reads and smooths the back curve between the near-side shoulder and hip, if the pose has an
 * outline trustworthy enough (`MIN_BACK_CURVE_CONFIDENCE`).
 */
export function readBackOutline(
  pose: Pose,
  shoulder: Vec2,
  hip: Vec2,
  state: BackCurveSmootherState,
  timestampMs: number,
  span: BackCurveSpan = LYING_BACK_SPAN,
): BackOutlineReading {
  const measured = pose.outline ? measureBackCurve(pose.outline, shoulder, hip, span) : null;
  const smoothed = smoothBackCurve(state, measured, timestampMs);
  const curve =
    smoothed.curve && smoothed.curve.confidence >= MIN_BACK_CURVE_CONFIDENCE
      ? smoothed.curve
      : null;
  return {
    curve,
    state: smoothed.state,
    metrics: {
      backOutlineSeen: curve ? 1 : 0,
      ...(smoothed.curve ? { backOutlineConfidence: smoothed.curve.confidence } : {}),
    },
  };
}

function outlinePoint(point: Vec2): EvidencePoint {
  return { x: point.x, y: point.y, name: null };
}

/** One side of the trunk's outline to draw, as a line through its points. */
export function outlinePolyline(
  side: OutlineSide,
  about: FaultId | null,
): Extract<Evidence, { kind: 'line' }> | null {
  const first = side.points[0];
  const last = side.points.at(-1);
  if (!first || !last) return null;
  return {
    kind: 'line',
    from: outlinePoint(first),
    via: side.points.slice(1, -1).map(outlinePoint),
    to: outlinePoint(last),
    about,
  };
}

/**
 * One side of the trunk's outline to draw: the straight line between its ends that its dip is
 * measured from, the outline itself, and the dip's deepest point.
 */
export function outlineSideEvidence(side: OutlineSide, about: FaultId | null): Evidence[] {
  const outline = outlinePolyline(side, about);
  if (!outline) return [];
  return [
    { kind: 'line', from: outline.from, to: outline.to, about: null },
    outline,
    { kind: 'point', at: outlinePoint(side.dipAt), about },
  ];
}

/**
 * A trunk leaning forward (a hinge, the bottom of a squat) is read from the neck to the hip joint,
 * not 0.3 past it as for lying exercises: past a flexed hip the chord leaves the body over the
 * buttocks, whose curve then reads as a rounded lower back (the good deadlifts measured up to 48°
 * that way, 16.5° to the hip).
 */
export const LEANING_BACK_SPAN: BackCurveSpan = { start: BACK_CURVE_START, end: 1 };

/**
 * The trunk counts as leaning forward from this far off vertical (hip to shoulder): the back's
 * outline is only read on a chord at least 30° off vertical (outline/back-curve, geometry/lines),
 * and standing people sway well under it (the deadlift clips' lockouts: 0-12°).
 */
export const LEANING_FROM_VERTICAL_DEG = 30;

/** The back of a trunk leaning forward, as the hinge, the row and the squat judge it. */
export interface LeaningBackReading extends BackOutlineReading {
  /**
   * The lumbar spine humping (rounding), degrees: the outline's lumbar bend alone
   * (outline/back-curve `lumbarBendDeg`), so the normal curve of the upper back under a load the
   * arms hold does not read as a rounded lower back; null when the outline was not read.
   */
  readonly roundingDeg: number | null;
  /** The upper back humping (thoracic rounding), degrees (`thoracicBendDeg`, humping positive). */
  readonly upperBackRoundingDeg: number | null;
  /**
   * The whole back sagging (an over-arched back), degrees: the outline's bend from the upper back
   * to the lumbar spine (`bendDeg`), since an arched set-up lifts the chest as well as the lumbar
   * curve (the over-arched deadlift reads 22° on it, 8° on the lumbar bend alone).
   */
  readonly archDeg: number | null;
  /**
   * Why the back is neither good nor faulty this frame: the outline was not readable, or the
   * engine gives none (MoveNet). Null when it was read.
   */
  readonly unread: UndecidedReason | null;
}

/** Reads a forward-leaning trunk's back from the neck to the hip (`LEANING_BACK_SPAN`). */
export function readLeaningBack(
  pose: Pose,
  shoulder: Vec2,
  hip: Vec2,
  state: BackCurveSmootherState,
  timestampMs: number,
): LeaningBackReading {
  const reading = readBackOutline(pose, shoulder, hip, state, timestampMs, LEANING_BACK_SPAN);
  // The outline's bends are positive when the back sags; rounding humps it: the opposite sign.
  const back = reading.curve?.upper ?? null;
  const humping = (bend: number | null | undefined): number | null =>
    bend === null || bend === undefined ? null : -bend;
  return {
    ...reading,
    archDeg: back?.bendDeg ?? null,
    roundingDeg: humping(back?.lumbarBendDeg),
    upperBackRoundingDeg: humping(back?.thoracicBendDeg),
    unread: reading.curve ? null : pose.outline ? 'ambiguous' : 'needs-body-outline',
  };
}
