/**
 * Canvas drawing for the stage: skeletons on a canvas over the live video, or a photo or clip frame
 * with its skeletons (drawFrame, which the bench's main-thread page also draws its video with).
 * Pure functions of a 2D context; no React. Landmarks arrive in image pixels; a `StageTransform`
 * maps them to canvas pixels, mirroring the drawing only (the coordinates stay unmirrored).
 */
import { LANDMARK_INDEX, SKELETON_BONES } from '../../pose/landmarks';
import type { BodyOutline, ImageLandmark, ImageSize, Pose } from '../../pose/pose';

/** How image pixels map onto the canvas. */
export interface StageTransform {
  /** Canvas pixels per image pixel. */
  readonly scale: number;
  /** Flip left-right, as a mirror does (camera preview only). */
  readonly mirror: boolean;
  /** Canvas width in canvas pixels: the mirror axis. */
  readonly canvasWidth: number;
}

/** Largest canvas drawn, in canvas pixels: enough for a laptop screen, cheap to redraw. */
export const MAX_STAGE_SIZE: ImageSize = { width: 1280, height: 960 };

/** Below this visibility (0-1) a landmark is a guess: it is drawn faded and its bones dashed. */
export const VISIBLE_THRESHOLD = 0.5;

/** Solid colours, so a test can find skeleton pixels by exact colour. */
export const SKELETON_STYLE = {
  boneColour: 'rgb(0, 229, 255)',
  jointColour: 'rgb(255, 64, 160)',
  jointOutline: 'rgb(255, 255, 255)',
  /** The silhouette's edge (the privacy view, where no picture shows the body). */
  bodyOutlineColour: 'rgb(173, 181, 189)',
  /** Opacity (0-1) of bones and joints the engine is unsure of. */
  fadedAlpha: 0.45,
  /** Dash and gap lengths of unsure bones, in multiples of the bone width. */
  dash: [2, 1.5],
} as const;

/** Bone width as a fraction of the canvas's longer side: about 4 px on a 1280 px canvas. */
const BONE_WIDTH_FRACTION = 1 / 320;
const MIN_BONE_WIDTH_PX = 2;
/** Joint radius in multiples of the bone width. */
const JOINT_RADIUS_FACTOR = 1.3;

/** The canvas size and transform that fit an image into `MAX_STAGE_SIZE`, never enlarging it. */
export function fitStage(
  image: ImageSize,
  mirror: boolean,
  max: ImageSize = MAX_STAGE_SIZE,
): { readonly size: ImageSize; readonly transform: StageTransform } {
  const scale = Math.min(1, max.width / image.width, max.height / image.height);
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  return { size: { width, height }, transform: { scale, mirror, canvasWidth: width } };
}

/** Where an image-pixel point lands on the canvas. */
export function toCanvas(
  point: { readonly x: number; readonly y: number },
  transform: StageTransform,
): { readonly x: number; readonly y: number } {
  const x = point.x * transform.scale;
  return { x: transform.mirror ? transform.canvasWidth - x : x, y: point.y * transform.scale };
}

/** Draws a frame (photo, clip frame, the bench page's video) over the canvas, mirrored if asked. */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  frame: CanvasImageSource,
  transform: StageTransform,
): void {
  const { width, height } = ctx.canvas;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  if (transform.mirror) {
    ctx.translate(width, 0);
    ctx.scale(-1, 1);
  }
  ctx.drawImage(frame, 0, 0, width, height);
  ctx.restore();
}

function isVisible(point: ImageLandmark): boolean {
  return point.visibility >= VISIBLE_THRESHOLD;
}

function boneWidth(ctx: CanvasRenderingContext2D): number {
  const longer = Math.max(ctx.canvas.width, ctx.canvas.height);
  return Math.max(MIN_BONE_WIDTH_PX, longer * BONE_WIDTH_FRACTION);
}

/** Draws one person's bones, then joints; unsure ones faded, unsure bones dashed. */
export function drawSkeleton(
  ctx: CanvasRenderingContext2D,
  pose: Pose,
  transform: StageTransform,
): void {
  const width = boneWidth(ctx);
  const dash = SKELETON_STYLE.dash.map((factor) => factor * width);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineCap = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = SKELETON_STYLE.boneColour;
  for (const [fromName, toName] of SKELETON_BONES) {
    const from = pose.landmarks[LANDMARK_INDEX[fromName]];
    const to = pose.landmarks[LANDMARK_INDEX[toName]];
    if (!from || !to) continue;
    const sure = isVisible(from) && isVisible(to);
    const a = toCanvas(from, transform);
    const b = toCanvas(to, transform);
    ctx.globalAlpha = sure ? 1 : SKELETON_STYLE.fadedAlpha;
    ctx.setLineDash(sure ? [] : dash);
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
  }
  ctx.setLineDash([]);
  ctx.lineWidth = Math.max(1, width / 2);
  ctx.strokeStyle = SKELETON_STYLE.jointOutline;
  ctx.fillStyle = SKELETON_STYLE.jointColour;
  for (const point of pose.landmarks) {
    if (!point) continue;
    const at = toCanvas(point, transform);
    ctx.globalAlpha = isVisible(point) ? 1 : SKELETON_STYLE.fadedAlpha;
    ctx.beginPath();
    ctx.arc(at.x, at.y, width * JOINT_RADIUS_FACTOR, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  }
  ctx.restore();
}

/** Draws the silhouette's edge, a closed line half a bone wide (2 px at least), under the bones. */
export function drawBodyOutline(
  ctx: CanvasRenderingContext2D,
  outline: BodyOutline,
  transform: StageTransform,
): void {
  const { xy } = outline;
  if (xy.length < 6) return;
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineJoin = 'round';
  ctx.lineWidth = Math.max(MIN_BONE_WIDTH_PX, boneWidth(ctx) / 2);
  ctx.strokeStyle = SKELETON_STYLE.bodyOutlineColour;
  ctx.beginPath();
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const at = toCanvas({ x: xy[i] ?? 0, y: xy[i + 1] ?? 0 }, transform);
    if (i === 0) ctx.moveTo(at.x, at.y);
    else ctx.lineTo(at.x, at.y);
  }
  ctx.closePath();
  ctx.stroke();
  ctx.restore();
}

/** Draws every person found. */
export function drawPoses(
  ctx: CanvasRenderingContext2D,
  poses: readonly Pose[],
  transform: StageTransform,
): void {
  for (const pose of poses) drawSkeleton(ctx, pose, transform);
}

/** Sizes the canvas (clearing it only when the size changes) and returns its 2D context. */
export function prepareCanvas(
  canvas: HTMLCanvasElement,
  size: ImageSize,
): CanvasRenderingContext2D | null {
  if (canvas.width !== size.width) canvas.width = size.width;
  if (canvas.height !== size.height) canvas.height = size.height;
  return canvas.getContext('2d');
}
