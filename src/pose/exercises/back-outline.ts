import type { Vec2 } from '../geometry/vector';
import type {
  BackCurve,
  BackCurveSmootherState,
  BackCurveSpan,
  OutlineSide,
} from '../outline/back-curve';
import { LYING_BACK_SPAN, measureBackCurve, smoothBackCurve } from '../outline/back-curve';
import type { Pose } from '../pose';
import type { Evidence, EvidencePoint, FaultId } from './types';

/**
 * Below this back-curve confidence (mask quality times the share of the chord inside the outline)
 * the outline is not used and the joint rules stand alone: the labelled side views measured
 * 0.81-0.95; a silhouette that misses the trunk or a blurred mask falls well under.
 */
export const MIN_BACK_CURVE_CONFIDENCE = 0.6;

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
