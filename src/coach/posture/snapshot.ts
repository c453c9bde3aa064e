/** From a posture check to the record a snapshot stores. Pure. */
import type { ImageSize } from '../../pose/pose';
import type { PostureCheck } from '../../pose/posture-measures';
import { postureMetrics } from '../../pose/posture-measures';
import type { NewSnapshot, SnapshotSource } from '../../storage';

/** Longer side of a stored thumbnail, in pixels: enough to recognise the pose in a list. */
export const THUMBNAIL_MAX_SIDE_PX = 160;
/** JPEG quality of the thumbnail: 5-10 kB at 160 px, far under the store's 73 kB limit. */
export const THUMBNAIL_JPEG_QUALITY = 0.7;

/** The thumbnail's size: the image scaled so its longer side is at most THUMBNAIL_MAX_SIDE_PX. */
export function thumbnailSize(image: ImageSize): ImageSize {
  const scale = Math.min(1, THUMBNAIL_MAX_SIDE_PX / Math.max(image.width, image.height, 1));
  return {
    width: Math.max(1, Math.round(image.width * scale)),
    height: Math.max(1, Math.round(image.height * scale)),
  };
}

/**
 * The snapshot to store, or null when the check measured nothing (nobody in view, two people,
 * lying down): a snapshot with no numbers would only clutter the list and the trend charts.
 */
export function snapshotOf(
  check: PostureCheck,
  source: SnapshotSource,
  thumbnail: string | null,
): NewSnapshot | null {
  if (check.status !== 'ok') return null;
  const metrics = postureMetrics(check);
  if (Object.keys(metrics).length === 0) return null;
  return { source, view: check.view, metrics, faults: [...check.flags], thumbnail };
}
