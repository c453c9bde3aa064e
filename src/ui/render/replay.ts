/**
 * Draws one moment of a set's replay: the back's outline where it was read (in the fault colour
 * while a fault was cued, as the live overlay marks its evidence), then the skeleton, with the
 * live view's drawer and mirrored as the live view is. A plain background: no picture is kept.
 */
import type { ReplayMoment } from '../../coach/workout/replay-view';
import { OVERLAY_STYLE, polyline } from './overlay';
import type { StageTransform } from './skeleton';
import { SKELETON_STYLE, drawSkeleton } from './skeleton';

/** The outline's width in canvas pixels per longer side (about 5 px at 1280). */
const OUTLINE_WIDTH_FRACTION = 1 / 256;
const MIN_OUTLINE_WIDTH_PX = 2;

export function drawReplayMoment(
  ctx: CanvasRenderingContext2D,
  moment: ReplayMoment,
  transform: StageTransform,
): void {
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  if (moment.outline.length >= 2) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.lineWidth = Math.max(
      MIN_OUTLINE_WIDTH_PX,
      Math.max(ctx.canvas.width, ctx.canvas.height) * OUTLINE_WIDTH_FRACTION,
    );
    ctx.strokeStyle =
      moment.faults.length > 0 ? OVERLAY_STYLE.faultColour : SKELETON_STYLE.bodyOutlineColour;
    polyline(ctx, moment.outline, transform);
    ctx.restore();
  }
  if (moment.pose) drawSkeleton(ctx, moment.pose, transform);
}
