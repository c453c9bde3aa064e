import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import type { ImageSize, Pose } from '../pose';
import type { GatheredLandmarks, LandmarkRequirements, SeenPoint } from '../requirements';
import { gatherLandmarks } from '../requirements';
import type { View, ViewEstimate } from '../view';
import { estimateView } from '../view';
import type { VisibilityOptions } from '../visibility';
import type { EvidencePoint, FormResult, GuidanceId } from './types';

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

/** The answer when nobody is in view. */
export const NO_PERSON_RESULT = { ...EMPTY_RESULT, status: 'no-person', view: 'unknown' } as const;

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

/** What a side-on check has read once it may judge: the view and the landmarks it requires. */
export interface SideOnReading<R extends LandmarkRequirements> {
  readonly ok: true;
  readonly pose: Pose;
  readonly viewEstimate: ViewEstimate;
  readonly seen: Extract<GatheredLandmarks<R>, { ok: true }>;
  readonly options: VisibilityOptions;
}

/** How a side-on check reads its view (`readSideOn`). */
interface SideOnOptions {
  readonly angledFromWorld?: boolean;
  readonly onFloor?: boolean;
}

/**
 * The steps every side-on check starts with: nobody in view, a view other than side-on, or a
 * required landmark unseen each end it with that answer; otherwise the view and the landmarks.
 * With `angledFromWorld`, a three-quarter view is read too where the engine gives world landmarks:
 * the check then reads its side view on them (world-side-view.ts), from the near side's joints the
 * image sees; without them (MoveNet) it still asks to turn sideways. `onFloor`: the body lies,
 * kneels or sits on the floor, so a camera above it is not read as the body turned (view.ts).
 */
export function readSideOn<R extends LandmarkRequirements>(
  pose: Pose | null,
  requirements: R,
  imageSize: ImageSize | null,
  { angledFromWorld = false, onFloor = false }: SideOnOptions = {},
): SideOnReading<R> | { readonly ok: false; readonly result: FormResult<never, never> } {
  if (pose === null) {
    return { ok: false, result: NO_PERSON_RESULT };
  }
  const options: VisibilityOptions = { imageSize };
  const viewEstimate = estimateView(pose, imageSize, { onFloor });
  const view = viewEstimate.view;
  const angled = angledFromWorld && view === 'three-quarter' && pose.worldLandmarks !== null;
  if (view !== 'side' && !angled) {
    return { ok: false, result: wrongViewResult(view, 'setup.turn-sideways') };
  }
  const seen = gatherLandmarks(pose, requirements, options);
  if (!seen.ok) {
    return {
      ok: false,
      result: { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: seen.unseen },
    };
  }
  return { ok: true, pose, viewEstimate, seen, options };
}
