import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import type { SeenPoint } from '../requirements';
import type { View } from '../view';
import type { EvidencePoint, GuidanceId } from './types';

/**
 * The fields of a `FormResult` that judged nothing: spread it and set `status` and `view` (and
 * `unseen` or `viewAdvice`) for the no-person, cannot-see and wrong-view answers.
 */
export const EMPTY_RESULT = {
  phase: null,
  faults: [],
  undecided: [],
  unseen: [],
  viewAdvice: null,
  confidence: 0,
  evidence: [],
  metrics: {},
  repSignal: null,
  activeSide: null,
} as const;

/** The answer for a camera angle the exercise cannot judge, with the setup advice to fix it. */
export function wrongViewResult(view: View, viewAdvice: GuidanceId) {
  return { ...EMPTY_RESULT, status: 'wrong-view', view, viewAdvice } as const;
}

/** A point to draw: a seen landmark keeps its name, a derived point (a midpoint) has none. */
export function evidencePoint(
  point: SeenPoint | Vec2,
  name: LandmarkName | null = 'name' in point ? point.name : null,
): EvidencePoint {
  return { x: point.x, y: point.y, name };
}
