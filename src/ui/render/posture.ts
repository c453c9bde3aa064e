/**
 * The posture check's annotated picture: the photo, the skeleton, the plumb line, the body's
 * segments and each measured number beside what it measures. Flagged numbers are orange AND say
 * so in words. Pure functions of a 2D context; wording comes in through `labelOf`. No React.
 */
import type { PoseFrame } from '../../pose/pose';
import type { PostureCheck, PostureMark, PostureMeasureId } from '../../pose/posture-measures';
import {
  LABEL_FONT_FRACTION,
  LABEL_HEIGHT_PER_FONT,
  MIN_LABEL_FONT_PX,
  OVERLAY_STYLE,
  drawLabel,
} from './overlay';
import type { StageTransform } from './skeleton';
import { drawFrame, drawPoses, toCanvas } from './skeleton';

export const POSTURE_STYLE = {
  /** Solid, so a test can find the plumb line's pixels by exact colour. */
  plumbColour: 'rgb(255, 214, 0)',
  segmentColour: 'rgb(120, 255, 140)',
  flaggedColour: OVERLAY_STYLE.faultColour,
} as const;

/** Line width per canvas's longer side: about 4 px at 1280, never under 3 px. */
const LINE_FRACTION = 1 / 320;
const MIN_LINE_PX = 3;
/** Radius of the angle arc per longer side. */
const ARC_FRACTION = 1 / 18;
/** The plumb line's dash and gap, in line widths: long dashes, so it reads as one line. */
const PLUMB_DASH_PER_LINE_WIDTH = 3;
const PLUMB_GAP_PER_LINE_WIDTH = 2;
/** An angle's label sits this many arc radii right of its vertex (and one below), clear of the arc. */
const ANGLE_LABEL_OFFSET_PER_RADIUS = 2.5;
/** Skeletons fade to this opacity behind a judged check's marks, so the marks stand out. */
const SKELETON_ALPHA_BEHIND_MARKS = 0.5;
/** Gap left between two labels moved apart, in canvas pixels. */
const LABEL_SPACING_PX = 2;

export interface PostureLabels {
  /** "Head 55°": the label of a measured mark; null draws none. */
  readonly labelOf: (measure: PostureMeasureId) => string | null;
  readonly flagged: (measure: PostureMeasureId) => boolean;
}

function stroke(
  ctx: CanvasRenderingContext2D,
  from: { x: number; y: number },
  to: { x: number; y: number },
): void {
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x, to.y);
  ctx.stroke();
}

function drawMark(
  ctx: CanvasRenderingContext2D,
  mark: PostureMark,
  transform: StageTransform,
  labels: PostureLabels,
): { at: { x: number; y: number }; text: string } | null {
  const width = Math.max(
    MIN_LINE_PX,
    Math.max(ctx.canvas.width, ctx.canvas.height) * LINE_FRACTION,
  );
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineCap = 'round';
  ctx.lineWidth = width;
  let label: { at: { x: number; y: number }; text: string } | null = null;
  const labelFor = (measure: PostureMeasureId, at: { x: number; y: number }) => {
    const text = labels.labelOf(measure);
    return text === null ? null : { at, text };
  };
  switch (mark.kind) {
    case 'plumb-line': {
      ctx.strokeStyle = POSTURE_STYLE.plumbColour;
      ctx.setLineDash([width * PLUMB_DASH_PER_LINE_WIDTH, width * PLUMB_GAP_PER_LINE_WIDTH]);
      stroke(ctx, toCanvas(mark.from, transform), toCanvas(mark.to, transform));
      break;
    }
    case 'segment': {
      ctx.strokeStyle = POSTURE_STYLE.segmentColour;
      stroke(ctx, toCanvas(mark.from, transform), toCanvas(mark.to, transform));
      break;
    }
    case 'offset': {
      ctx.strokeStyle = labels.flagged(mark.measure)
        ? POSTURE_STYLE.flaggedColour
        : OVERLAY_STYLE.referenceColour;
      const from = toCanvas(mark.from, transform);
      const to = toCanvas(mark.to, transform);
      stroke(ctx, from, to);
      label = labelFor(mark.measure, { x: (from.x + to.x) / 2, y: Math.min(from.y, to.y) });
      break;
    }
    case 'angle': {
      const flagged = labels.flagged(mark.measure);
      ctx.strokeStyle = flagged ? POSTURE_STYLE.flaggedColour : OVERLAY_STYLE.referenceColour;
      const v = toCanvas(mark.vertex, transform);
      const a = toCanvas(mark.a, transform);
      const b = toCanvas(mark.b, transform);
      ctx.setLineDash([width, width]);
      stroke(ctx, v, a);
      ctx.setLineDash([]);
      const start = Math.atan2(a.y - v.y, a.x - v.x);
      let sweep = Math.atan2(b.y - v.y, b.x - v.x) - start;
      while (sweep > Math.PI) sweep -= 2 * Math.PI;
      while (sweep < -Math.PI) sweep += 2 * Math.PI;
      ctx.beginPath();
      const radius = Math.max(ctx.canvas.width, ctx.canvas.height) * ARC_FRACTION;
      ctx.arc(v.x, v.y, radius, start, start + sweep, sweep < 0);
      ctx.stroke();
      label = labelFor(mark.measure, {
        x: v.x + radius * ANGLE_LABEL_OFFSET_PER_RADIUS,
        y: v.y + radius,
      });
      break;
    }
  }
  ctx.restore();
  return label;
}

/**
 * Draws the whole annotated picture: the image, every skeleton found (faded behind the marks), and
 * for a judged check its marks and labels. Labels go last so no line crosses their text.
 */
export function drawPostureCheck(
  ctx: CanvasRenderingContext2D,
  image: CanvasImageSource,
  frame: PoseFrame,
  check: PostureCheck,
  transform: StageTransform,
  labels: PostureLabels,
): void {
  drawFrame(ctx, image, transform);
  ctx.save();
  ctx.globalAlpha = check.status === 'ok' ? SKELETON_ALPHA_BEHIND_MARKS : 1;
  drawPoses(ctx, frame.poses, transform);
  ctx.restore();
  if (check.status !== 'ok') return;
  const order: readonly PostureMark['kind'][] = ['plumb-line', 'segment', 'offset', 'angle'];
  const texts: { at: { x: number; y: number }; text: string }[] = [];
  for (const kind of order) {
    for (const mark of check.marks) {
      if (mark.kind !== kind) continue;
      const label = drawMark(ctx, mark, transform, labels);
      if (label) texts.push(label);
    }
  }
  for (const { at, text } of spreadLabels(ctx, texts)) drawLabel(ctx, text, at);
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/**
 * Moves labels down until none covers another: the hip line and the weight shift sit at one
 * height, and so do the ear offset and the head angle. Sizes are `drawLabel`'s (overlay.ts).
 */
function spreadLabels(
  ctx: CanvasRenderingContext2D,
  labels: readonly { readonly at: { x: number; y: number }; readonly text: string }[],
): { at: { x: number; y: number }; text: string }[] {
  const size = Math.max(
    MIN_LABEL_FONT_PX,
    Math.round(Math.max(ctx.canvas.width, ctx.canvas.height) * LABEL_FONT_FRACTION),
  );
  const height = size * LABEL_HEIGHT_PER_FONT;
  ctx.save();
  ctx.font = `600 ${String(size)}px system-ui, sans-serif`;
  const placed: Box[] = [];
  const spread = labels.map(({ at, text }) => {
    const width = ctx.measureText(text).width + size;
    const left = at.x - width / 2;
    let y = at.y;
    const boxAt = (atY: number): Box => ({
      left,
      right: left + width,
      top: atY - height - size,
      bottom: atY - size,
    });
    const overlaps = (box: Box): boolean =>
      placed.some(
        (other) =>
          box.left < other.right &&
          other.left < box.right &&
          box.top < other.bottom &&
          other.top < box.bottom,
      );
    for (let tries = 0; tries < labels.length && overlaps(boxAt(y)); tries++)
      y += height + LABEL_SPACING_PX;
    placed.push(boxAt(y));
    return { at: { x: at.x, y }, text };
  });
  ctx.restore();
  return spread;
}
