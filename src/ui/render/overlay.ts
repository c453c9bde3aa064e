/**
 * What is drawn over the live video for one analysed frame: the coached person's smoothed skeleton
 * (or every person when not coaching) and, while a set counts, the checker's evidence. The line or
 * angle a cue is about is marked by colour AND by a text label; reference lines are dashed white.
 * Labels are drawn unmirrored at mirrored positions, so they stay readable. No React.
 */
import type { Evidence, EvidencePoint, FaultId } from '../../pose/exercises/types';
import type { FrameAnalysis } from '../../workers/client';
import type { StageTransform } from './skeleton';
import { drawBodyOutline, drawPoses, drawSkeleton, toCanvas } from './skeleton';

export interface OverlaySpec {
  /** Draw the coached person's silhouette where traced (the privacy view: no picture shows it). */
  readonly bodyOutline: boolean;
  /** Draw the checker's evidence (only while a set counts: no form feedback during setup). */
  readonly showEvidence: boolean;
  /** The faults being cued: their evidence is highlighted and labelled. */
  readonly faults: readonly FaultId[];
  /** The label for each fault, e.g. "Hips too high". */
  readonly labelOf: (fault: FaultId) => string;
}

export const OVERLAY_STYLE = {
  /** Solid, so a test can find fault pixels by exact colour. */
  faultColour: 'rgb(255, 140, 0)',
  referenceColour: 'rgba(255, 255, 255, 0.85)',
  labelBackground: 'rgba(17, 22, 29, 0.85)',
  labelText: 'rgb(255, 255, 255)',
} as const;

/** Evidence line width, in multiples of the canvas's longer side (about 6 px at 1280). */
const FAULT_LINE_FRACTION = 1 / 210;
/** Radius of the angle arc, in canvas pixels per longer side. */
const ARC_FRACTION = 1 / 28;
/** Never thinner than this, so the evidence stays visible on a small canvas. */
const MIN_FAULT_LINE_PX = 3;
/** Reference (uncued) lines are this many times thinner than a cued one: context, not a cue. */
const REFERENCE_LINE_THINNING = 2.5;
/** Radius of an evidence point, in line widths: a dot clearly wider than the line through it. */
const POINT_RADIUS_PER_LINE_WIDTH = 1.5;
/** Label font size per longer side (about 22 px at 1280). */
export const LABEL_FONT_FRACTION = 1 / 58;
/** Never smaller than this: smaller text is hard to read from the mat, a few metres away. */
export const MIN_LABEL_FONT_PX = 12;
/** Label box height, in font sizes: the text plus a padding of 0.3 font sizes above and below. */
export const LABEL_HEIGHT_PER_FONT = 1.6;
/** Width of the fault-coloured bar on the label's left edge, in font sizes. */
const LABEL_BAR_PER_FONT = 1 / 4;

function longer(ctx: CanvasRenderingContext2D): number {
  return Math.max(ctx.canvas.width, ctx.canvas.height);
}

/** A line through the points in order: two for a segment, more for an outline (a back's curve). */
export function polyline(
  ctx: CanvasRenderingContext2D,
  points: readonly { readonly x: number; readonly y: number }[],
  transform: StageTransform,
): void {
  ctx.beginPath();
  points.forEach((point, index) => {
    const { x, y } = toCanvas(point, transform);
    if (index === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

function line(
  ctx: CanvasRenderingContext2D,
  from: EvidencePoint,
  to: EvidencePoint,
  transform: StageTransform,
): void {
  polyline(ctx, [from, to], transform);
}

/** A text label in a dark box, placed near a canvas point and kept inside the canvas. */
export function drawLabel(
  ctx: CanvasRenderingContext2D,
  text: string,
  at: { readonly x: number; readonly y: number },
): void {
  const size = Math.max(MIN_LABEL_FONT_PX, Math.round(longer(ctx) * LABEL_FONT_FRACTION));
  ctx.save();
  ctx.font = `600 ${size}px system-ui, sans-serif`;
  const width = ctx.measureText(text).width + size;
  const height = size * LABEL_HEIGHT_PER_FONT;
  const x = Math.min(Math.max(0, at.x - width / 2), ctx.canvas.width - width);
  const y = Math.min(Math.max(0, at.y - height - size), ctx.canvas.height - height);
  ctx.fillStyle = OVERLAY_STYLE.labelBackground;
  ctx.fillRect(x, y, width, height);
  ctx.fillStyle = OVERLAY_STYLE.faultColour;
  ctx.fillRect(x, y, size * LABEL_BAR_PER_FONT, height);
  ctx.fillStyle = OVERLAY_STYLE.labelText;
  ctx.textBaseline = 'middle';
  ctx.fillText(text, x + size / 2, y + height / 2);
  ctx.restore();
}

/**
 * The evidence that carries each cued fault's label: one label a fault, on its angle when it has
 * one (the label then gives the degrees), else on its first item. A sag read on the outline and at
 * the hip would otherwise be labelled three times over one another.
 */
export function labelledEvidence(
  evidence: readonly Evidence[],
  faults: readonly FaultId[],
): ReadonlySet<Evidence> {
  const chosen = new Map<FaultId, Evidence>();
  for (const item of evidence) {
    const about = item.about;
    if (about === null || !faults.includes(about)) continue;
    const current = chosen.get(about);
    if (!current || (current.kind !== 'angle' && item.kind === 'angle')) chosen.set(about, item);
  }
  return new Set(chosen.values());
}

function drawEvidence(
  ctx: CanvasRenderingContext2D,
  evidence: Evidence,
  transform: StageTransform,
  spec: OverlaySpec,
  labelled: boolean,
): void {
  const about = evidence.about;
  const cuedFault = about !== null && spec.faults.includes(about) ? about : null;
  const cued = cuedFault !== null;
  const width = Math.max(MIN_FAULT_LINE_PX, longer(ctx) * FAULT_LINE_FRACTION);
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.lineCap = 'round';
  ctx.strokeStyle = cued ? OVERLAY_STYLE.faultColour : OVERLAY_STYLE.referenceColour;
  ctx.fillStyle = OVERLAY_STYLE.faultColour;
  ctx.lineWidth = cued ? width : width / REFERENCE_LINE_THINNING;
  ctx.setLineDash(cued ? [] : [width, width]);
  let labelAt: { x: number; y: number };
  if (evidence.kind === 'line') {
    polyline(ctx, [evidence.from, ...(evidence.via ?? []), evidence.to], transform);
    const a = toCanvas(evidence.from, transform);
    const b = toCanvas(evidence.to, transform);
    labelAt = { x: (a.x + b.x) / 2, y: Math.min(a.y, b.y) };
  } else if (evidence.kind === 'angle') {
    line(ctx, evidence.vertex, evidence.a, transform);
    line(ctx, evidence.vertex, evidence.b, transform);
    const v = toCanvas(evidence.vertex, transform);
    const a = toCanvas(evidence.a, transform);
    const b = toCanvas(evidence.b, transform);
    if (cued) {
      const start = Math.atan2(a.y - v.y, a.x - v.x);
      const end = Math.atan2(b.y - v.y, b.x - v.x);
      let sweep = end - start;
      while (sweep > Math.PI) sweep -= 2 * Math.PI;
      while (sweep < -Math.PI) sweep += 2 * Math.PI;
      ctx.beginPath();
      ctx.arc(v.x, v.y, longer(ctx) * ARC_FRACTION, start, start + sweep, sweep < 0);
      ctx.stroke();
    }
    labelAt = v;
  } else {
    const at = toCanvas(evidence.at, transform);
    ctx.beginPath();
    ctx.arc(at.x, at.y, width * POINT_RADIUS_PER_LINE_WIDTH, 0, 2 * Math.PI);
    if (cued) ctx.fill();
    else ctx.stroke();
    labelAt = at;
  }
  ctx.restore();
  if (cuedFault !== null && labelled) {
    const degrees = evidence.kind === 'angle' ? ` (${Math.round(evidence.degrees)}°)` : '';
    drawLabel(ctx, `${spec.labelOf(cuedFault)}${degrees}`, labelAt);
  }
}

/** Draws one analysed frame's overlay (over the video, or over nothing in the privacy view). */
export function drawAnalysis(
  ctx: CanvasRenderingContext2D,
  analysis: FrameAnalysis,
  transform: StageTransform,
  spec: OverlaySpec | null,
): void {
  const coaching = analysis.coaching;
  if (!coaching) {
    drawPoses(ctx, analysis.frame.poses, transform);
    return;
  }
  if (coaching.pose?.outline && spec?.bodyOutline) {
    drawBodyOutline(ctx, coaching.pose.outline, transform);
  }
  if (coaching.pose) drawSkeleton(ctx, coaching.pose, transform);
  if (!spec?.showEvidence || coaching.result.status !== 'ok') return;
  // Reference geometry first, so the cued evidence and its label sit on top.
  const ordered = [...coaching.result.evidence].sort(
    (a, b) => Number(a.about !== null) - Number(b.about !== null),
  );
  const labelled = labelledEvidence(ordered, spec.faults);
  for (const evidence of ordered) {
    drawEvidence(ctx, evidence, transform, spec, labelled.has(evidence));
  }
}
