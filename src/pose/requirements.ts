import type { LandmarkName } from './landmarks';
import type { ImageLandmark, Pose } from './pose';
import type { Side, SideJoint } from './side';
import { nearSide, sideLandmarkName } from './side';
import type { BodyPart, VisibilityOptions } from './visibility';
import { bodyPartsOf, seenLandmark } from './visibility';

/**
 * A landmark a check needs: one by name; any one of a group (the most visible seen one wins), e.g.
 * either hip; or a joint on the side nearer the camera (every `nearSide` requirement of one check
 * reads the same side, so a chain is never mixed).
 */
export type LandmarkRequirement =
  LandmarkName | { readonly anyOf: readonly LandmarkName[] } | { readonly nearSide: SideJoint };

/** A check's needs, keyed by the name the check reads them by (e.g. `hip`, `shoulder`). */
export type LandmarkRequirements = Readonly<Record<string, LandmarkRequirement>>;

/** The near side's shoulder, hip, knee and ankle: the body line a side view reads. */
export const NEAR_SIDE_BODY_CHAIN = {
  shoulder: { nearSide: 'shoulder' },
  hip: { nearSide: 'hip' },
  knee: { nearSide: 'knee' },
  ankle: { nearSide: 'ankle' },
} as const satisfies LandmarkRequirements;

/** The near side's shoulder and hip: the trunk line alone, when a weight hides the legs. */
export const NEAR_SIDE_TRUNK = {
  shoulder: { nearSide: 'shoulder' },
  hip: { nearSide: 'hip' },
} as const satisfies LandmarkRequirements;

/** The near side's shoulder, hip and knee: the trunk line and the thigh, without the foot. */
export const NEAR_SIDE_TRUNK_AND_KNEE = {
  shoulder: { nearSide: 'shoulder' },
  hip: { nearSide: 'hip' },
  knee: { nearSide: 'knee' },
} as const satisfies LandmarkRequirements;

/** A seen landmark and the name it was read from (for drawing evidence). */
export interface SeenPoint extends ImageLandmark {
  readonly name: LandmarkName;
}

export type GatheredLandmarks<R extends LandmarkRequirements> =
  | {
      readonly ok: true;
      readonly points: { readonly [K in keyof R]: SeenPoint };
      /** The side read for `nearSide` requirements; null when there were none. */
      readonly side: Side | null;
    }
  | { readonly ok: false; readonly unseen: readonly BodyPart[] };

function candidates(requirement: LandmarkRequirement, side: Side | null): readonly LandmarkName[] {
  if (typeof requirement === 'string') return [requirement];
  if ('anyOf' in requirement) return requirement.anyOf;
  return side === null ? [] : [sideLandmarkName(side, requirement.nearSide)];
}

function unseenNames(requirement: LandmarkRequirement, side: Side | null): LandmarkName[] {
  if (typeof requirement === 'string') return [requirement];
  if ('anyOf' in requirement) return [...requirement.anyOf];
  // With no near side at all, both sides' joints are what the user should bring into view.
  const sides: readonly Side[] = side === null ? ['left', 'right'] : [side];
  return sides.map((s) => sideLandmarkName(s, requirement.nearSide));
}

function mostVisible(
  pose: Pose,
  names: readonly LandmarkName[],
  options: VisibilityOptions,
): SeenPoint | null {
  let best: SeenPoint | null = null;
  for (const name of names) {
    const point = seenLandmark(pose, name, options);
    if (point && (best === null || point.visibility > best.visibility)) best = { ...point, name };
  }
  return best;
}

/**
 * The points a check needs, or the body parts it cannot see (head to toe) so the UI can say what to
 * bring into view. Never throws: NaN, off-image or low-visibility landmarks count as unseen.
 */
export function gatherLandmarks<R extends LandmarkRequirements>(
  pose: Pose,
  requirements: R,
  options: VisibilityOptions,
): GatheredLandmarks<R> {
  const entries = Object.entries(requirements);
  const needsSide = entries.some(
    ([, requirement]) => typeof requirement === 'object' && 'nearSide' in requirement,
  );
  const side = needsSide ? (nearSide(pose, options)?.side ?? null) : null;
  const points: Record<string, SeenPoint> = {};
  const missing: LandmarkName[] = [];
  for (const [key, requirement] of entries) {
    const point = mostVisible(pose, candidates(requirement, side), options);
    if (point) points[key] = point;
    else missing.push(...unseenNames(requirement, side));
  }
  if (missing.length > 0) return { ok: false, unseen: bodyPartsOf(missing) };
  return { ok: true, points: points as { readonly [K in keyof R]: SeenPoint }, side };
}
