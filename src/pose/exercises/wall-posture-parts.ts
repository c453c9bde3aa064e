import type { BodyPart } from '../visibility';
import type { Evidence, GuidanceId, Undecided } from './types';
import type { WallPostureFault, WallPosturePhase } from './wall-posture';

/**
 * What the wall-posture side-view and front-view checks share: what a view's judgement returns,
 * when the person counts as standing, and the small helpers both use.
 */

/** Standing: the hip -> shoulder line within this of vertical; more is bending, not standing. */
export const STANDING_TRUNK_MAX_FROM_VERTICAL_DEG = 40;
/**
 * Without the hips in view, standing is read from the head above the shoulders: a shoulder -> ear
 * line within this of vertical. A head dropped to a phone stays well inside it; lying down (ear
 * level with the shoulder, 90°) does not.
 */
export const STANDING_NECK_MAX_FROM_VERTICAL_DEG = 70;

/** One view's judgement of a frame, before the exercise wraps it in a FormResult. */
export interface Judgement {
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
export interface Unseen {
  readonly unseen: readonly BodyPart[];
}

export function meanVisibility(
  points: readonly ({ readonly visibility: number } | null)[],
): number {
  const seen = points.filter((point) => point !== null);
  if (seen.length === 0) return 0;
  const mean = seen.reduce((sum, point) => sum + point.visibility, 0) / seen.length;
  return Number.isFinite(mean) ? Math.min(1, Math.max(0, mean)) : 0;
}

export /** Only finite metrics are reported: a check that could not measure leaves its name out. */
function finiteMetrics(entries: Readonly<Record<string, number | null>>): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(entries)) {
    if (value !== null && Number.isFinite(value)) metrics[name] = value;
  }
  return metrics;
}

export function exceeds(value: number | null, threshold: number): boolean {
  return value !== null && value >= threshold;
}
