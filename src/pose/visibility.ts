import type { LandmarkName } from './landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from './landmarks';
import type { ImageLandmark, ImageSize, Pose } from './pose';

/** Body parts the UI can name ("I can't see your hips"), in head-to-toe order. */
export const BODY_PARTS = [
  'head',
  'shoulders',
  'elbows',
  'wrists',
  'hands',
  'hips',
  'knees',
  'ankles',
  'feet',
] as const;
export type BodyPart = (typeof BODY_PARTS)[number];

function bodyPartOfName(name: LandmarkName): BodyPart {
  if (name.endsWith('shoulder')) return 'shoulders';
  if (name.endsWith('elbow')) return 'elbows';
  if (name.endsWith('wrist')) return 'wrists';
  if (name.endsWith('pinky') || name.endsWith('index') || name.endsWith('thumb')) {
    return name.endsWith('foot_index') ? 'feet' : 'hands';
  }
  if (name.endsWith('hip')) return 'hips';
  if (name.endsWith('knee')) return 'knees';
  if (name.endsWith('ankle')) return 'ankles';
  if (name.endsWith('heel')) return 'feet';
  return 'head';
}

/** The body part each landmark belongs to. */
export const BODY_PART_OF_LANDMARK = Object.fromEntries(
  LANDMARK_NAMES.map((name) => [name, bodyPartOfName(name)]),
) as { readonly [K in LandmarkName]: BodyPart };

/** BlazePose visibility below this counts as unseen: MediaPipe's drawing utils use 0.5. */
export const MIN_VISIBILITY_BLAZEPOSE = 0.5;
/** MoveNet keypoint score below this counts as unseen: the tfjs-models pose demo uses 0.3. */
export const MIN_SCORE_MOVENET = 0.3;
/**
 * Points may lie this far outside the image (as a fraction of its width or height) and still count:
 * a joint at the frame edge is often placed a few pixels outside it. Further out, the engine is
 * guessing where an out-of-frame joint would be, whatever its visibility says.
 */
export const OFF_IMAGE_MARGIN_FRACTION = 0.02;

export interface VisibilityOptions {
  /** Null skips the out-of-image test (e.g. when the frame size is unknown). */
  readonly imageSize: ImageSize | null;
  /** Defaults to `defaultMinVisibility(pose)`. */
  readonly minVisibility?: number;
}

/**
 * The engines' confidences are not on one scale: MoveNet's keypoint scores run lower than
 * BlazePose's visibility. Only BlazePose reports world landmarks, so their absence marks MoveNet.
 */
export function defaultMinVisibility(pose: Pose): number {
  return pose.worldLandmarks === null ? MIN_SCORE_MOVENET : MIN_VISIBILITY_BLAZEPOSE;
}

function insideImage(point: ImageLandmark, imageSize: ImageSize | null): boolean {
  if (imageSize === null) return true;
  const { width, height } = imageSize;
  if (!(width > 0) || !(height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    return false;
  }
  const marginX = width * OFF_IMAGE_MARGIN_FRACTION;
  const marginY = height * OFF_IMAGE_MARGIN_FRACTION;
  return (
    point.x >= -marginX &&
    point.x <= width + marginX &&
    point.y >= -marginY &&
    point.y <= height + marginY
  );
}

/**
 * The image edge a landmark was placed beyond (past `OFF_IMAGE_MARGIN_FRACTION`): where a limb
 * left the frame; null inside the image, for a missing point or an unknown image size.
 */
export function edgeLeftBy(
  point: ImageLandmark | null | undefined,
  imageSize: ImageSize | null,
): 'left' | 'right' | 'top' | 'bottom' | null {
  if (point == null || imageSize === null || insideImage(point, imageSize)) return null;
  const { width, height } = imageSize;
  if (point.x < 0) return 'left';
  if (point.x > width) return 'right';
  if (point.y < 0) return 'top';
  return point.y > height ? 'bottom' : null;
}

/** True when a landmark is present, finite, confident enough and inside the image. */
export function isSeen(
  point: ImageLandmark | null | undefined,
  minVisibility: number,
  imageSize: ImageSize | null,
): point is ImageLandmark {
  return (
    point != null &&
    Number.isFinite(point.x) &&
    Number.isFinite(point.y) &&
    Number.isFinite(point.visibility) &&
    point.visibility >= minVisibility &&
    insideImage(point, imageSize)
  );
}

/** The named landmark if it is seen (see `isSeen`), else null. */
export function seenLandmark(
  pose: Pose,
  name: LandmarkName,
  options: VisibilityOptions,
): ImageLandmark | null {
  const point = pose.landmarks[LANDMARK_INDEX[name]];
  const minVisibility = options.minVisibility ?? defaultMinVisibility(pose);
  return isSeen(point, minVisibility, options.imageSize) ? point : null;
}

/** Distinct body parts of these landmarks, in head-to-toe order. */
export function bodyPartsOf(names: readonly LandmarkName[]): BodyPart[] {
  const parts = new Set(names.map((name) => BODY_PART_OF_LANDMARK[name]));
  return BODY_PARTS.filter((part) => parts.has(part));
}

/**
 * True when the engine placed every landmark of these body parts inside the image: parts the check
 * could not see there are hidden from this camera angle (behind the body or a limb), not out of
 * frame, so stepping back would not show them and another angle would. False for no parts or an
 * unknown image size.
 */
export function hiddenInFrame(
  pose: Pose,
  parts: readonly BodyPart[],
  imageSize: ImageSize | null,
): boolean {
  if (parts.length === 0 || imageSize === null) return false;
  const wanted = new Set(parts);
  return LANDMARK_NAMES.filter((name) => wanted.has(BODY_PART_OF_LANDMARK[name])).every((name) => {
    const point = pose.landmarks[LANDMARK_INDEX[name]];
    return (
      point != null &&
      Number.isFinite(point.x) &&
      Number.isFinite(point.y) &&
      insideImage(point, imageSize)
    );
  });
}
