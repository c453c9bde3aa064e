import { MIN_LINE_TO_SIGN_AXIS_DEG } from '../geometry/lines';
import { lineTiltFromHorizontal } from '../geometry/angles';
import type { Vec2 } from '../geometry/vector';
import { cross, distance, dot, length, sub } from '../geometry/vector';
import type { BodyOutline } from '../pose';
import type { FloorGap } from './floor';
import { floorGap } from './floor';
import { SMOOTHING_MAX_GAP_MS } from '../smoothing';

/**
 * Where along the shoulder-hip chord (0 = shoulder, 1 = hip) the outline is read. Starting at 0.15
 * keeps the head and neck out (docs/models.md: start below the shoulder or the head gets in). Ending
 * 0.3 past the hip takes in the buttocks and the top of the thigh, so the straight line spans the
 * whole lower-back curve: ending at the hip put the line's end on the buttocks' crest in some photos
 * and not in others, and the good and sagging plank photos then measured 0.03-0.10 and 0.12-0.17
 * (a 0.02 gap); ending at 1.3 they measure 0.00-0.05 and 0.09-0.14.
 */
export const BACK_CURVE_START = 0.15;
export const BACK_CURVE_END = 1.3;
/**
 * Where along the shoulder-hip chord a back curve is read (0 = shoulder, 1 = hip). The lying
 * exercises read `BACK_CURVE_START` to `BACK_CURVE_END`; a standing hinge stops at the hip (see
 * src/pose/exercises/hinge.ts), since past a flexed hip the chord leaves the body over the buttocks.
 */
export interface BackCurveSpan {
  readonly start: number;
  readonly end: number;
}
export const LYING_BACK_SPAN: BackCurveSpan = { start: BACK_CURVE_START, end: BACK_CURVE_END };
/** Stations along the chord: one every 0.05 torso lengths, finer than the mask's edge noise. */
export const BACK_CURVE_STATIONS = 24;
/** Below this share of stations crossing the outline, the curve is not read (part out of view). */
export const MIN_STATION_COVERAGE = 0.75;
/**
 * Smoothing time constant for the curve measures over frames, in ms: about two frames at 15 fps,
 * enough to damp the mask's frame-to-frame edge flicker without hiding a sag that lasts.
 */
export const BACK_CURVE_TIME_CONSTANT_MS = 150;
/**
 * The lumbar bend compares two stretches of one side of the outline, as shares of its stations:
 * the upper back (the first 35 %: 0.15-0.55 of the way from shoulder to hip) and the lumbar spine
 * with the pelvis (the last 45 %: 0.78 of the way to 0.3 past the hip). The middle is left out so
 * the turn between them, wherever along the back it happens, shows as the angle between the two.
 */
export const UPPER_BACK_SHARE = 0.35;
export const LUMBAR_SHARE = 0.45;
/**
 * The back read as three stretches of the shoulder-hip chord (0 = shoulder, 1 = hip), so that the
 * lumbar and the thoracic bend are told apart: the upper back (the shoulder blades, 0.15-0.4), the
 * mid back (the lower thoracic and upper lumbar spine, 0.4-0.7) and the lower back with the pelvis
 * (0.7-1). The shoulder joint sits about level with T1-T2 and the thoracolumbar junction about half
 * way to the hip (thoracic spine ~27 cm, lumbar ~17 cm), so the turn from the mid to the lower
 * stretch is the lumbar spine's and the turn from the upper to the mid stretch the thoracic's.
 * The deadlifts separate the same with the lumbar split anywhere from 0.6 to 0.7 (docs/judgement.md
 * limits; src/pose/exercises/hinge.ts).
 */
const UPPER_BACK_STRETCH: ChordStretch = { from: 0.15, to: 0.4 };
const MID_BACK_STRETCH: ChordStretch = { from: 0.4, to: 0.7 };
const LOWER_BACK_STRETCH: ChordStretch = { from: 0.7, to: 1 };

/** A stretch of the shoulder-hip chord, as shares of it from the shoulder (0) to the hip (1). */
interface ChordStretch {
  readonly from: number;
  readonly to: number;
}

/** One side of the torso's outline between shoulder and hip, read across the chord. */
export interface OutlineSide {
  /** The outline's points at each station that crossed it, shoulder end first, image pixels. */
  readonly points: readonly Vec2[];
  /**
   * Largest distance of the outline below (towards the floor) the straight line joining its two
   * ends, in torso lengths (shoulder-hip distance). Positive = the outline dips between the ends
   * (a sagging lower back, read on the back's side); negative = it stays above the line.
   */
  readonly dipTorsos: number;
  /** The outline point where the dip is largest (an end when it never dips). */
  readonly dipAt: Vec2;
  /** Largest distance above that line, torso lengths; positive = it humps up between the ends. */
  readonly humpTorsos: number;
  /** The outline point where the hump is largest. */
  readonly humpAt: Vec2;
  /**
   * The lumbar bend: the angle between the lines fitted to the side's upper-back and lumbar
   * stretches (`UPPER_BACK_SHARE`, `LUMBAR_SHARE`), degrees. Positive when the side turns away
   * from the floor along the way, i.e. sags towards the floor between its ends (a sagging plank's
   * back, an arched bridge's belly); negative when it humps. Two parts of one outline are compared,
   * not the outline and the shoulder-hip chord, so where the engine puts the hip joint inside the
   * body and how the trunk is tilted do not enter it. Null when a stretch has under 2 points.
   */
  readonly bendDeg: number | null;
  /**
   * The lumbar spine's bend alone: the turn from the mid-back stretch to the lower back's
   * (`MID_BACK_STRETCH`, `LOWER_BACK_STRETCH`), degrees, signed like `bendDeg`; null when a
   * stretch has under 2 points.
   */
  readonly lumbarBendDeg: number | null;
  /** The thoracic spine's bend alone: the turn from the upper-back stretch to the mid back's. */
  readonly thoracicBendDeg: number | null;
}

/** The torso's outline in a side view, split by the shoulder-hip chord. */
export interface BackCurve {
  /** The side away from the floor: the back in a plank, the belly in a bridge. */
  readonly upper: OutlineSide;
  /** The side towards the floor: the belly in a plank, the back in a bridge. */
  readonly lower: OutlineSide;
  /**
   * The floor under the floor side and the gap between them (`outline/floor`): meaningful for a
   * trunk lying on its back (the lower back's lift off the floor); null when it cannot be read.
   */
  readonly floorGap: FloorGap | null;
  /** 0-1: the mask's quality times the share of stations where the chord was inside the outline. */
  readonly confidence: number;
}

interface Station {
  /** Where along the chord, as a share of it from the shoulder. */
  readonly along: number;
  readonly upper: Vec2;
  readonly lower: Vec2;
  /** True when the chord point lies inside the outline (it should: joints are inside the body). */
  readonly chordInside: boolean;
}

/**
 * Where the outline crosses the line through `at` along `normal`, as offsets along `normal` (px),
 * sorted. A closed outline crosses an infinite line an even number of times: in, out, in, out.
 * Plain arithmetic on the flat `xy` (no point objects): it runs for every vertex at every station
 * of every frame, the checkers' busiest loop.
 */
function crossings(xy: readonly number[], at: Vec2, along: Vec2, normal: Vec2): number[] {
  const count = xy.length >> 1;
  const found: number[] = [];
  // Each edge runs from the vertex before (p) to this one (q), the first from the last vertex.
  let px = (xy[2 * count - 2] ?? 0) - at.x;
  let py = (xy[2 * count - 1] ?? 0) - at.y;
  let dp = px * along.x + py * along.y;
  for (let i = 0; i < count; i++) {
    const qx = (xy[2 * i] ?? 0) - at.x;
    const qy = (xy[2 * i + 1] ?? 0) - at.y;
    const dq = qx * along.x + qy * along.y;
    if (dp <= 0 !== dq <= 0) {
      const share = dp / (dp - dq);
      const np = px * normal.x + py * normal.y;
      found.push(np + share * (qx * normal.x + qy * normal.y - np));
    }
    px = qx;
    py = qy;
    dp = dq;
  }
  return found.sort((a, b) => a - b);
}

/** The body's span across the chord at one station: the run holding the chord, else the nearest. */
function station(
  xy: readonly number[],
  share: number,
  at: Vec2,
  along: Vec2,
  up: Vec2,
): Station | null {
  const offsets = crossings(xy, at, along, up);
  let best: { readonly low: number; readonly high: number; readonly gap: number } | null = null;
  for (let i = 0; i + 1 < offsets.length; i += 2) {
    const low = offsets[i] ?? 0;
    const high = offsets[i + 1] ?? 0;
    const gap = low > 0 ? low : high < 0 ? -high : 0;
    if (best === null || gap < best.gap) best = { low, high, gap };
  }
  if (best === null) return null;
  return {
    along: share,
    upper: { x: at.x + best.high * up.x, y: at.y + best.high * up.y },
    lower: { x: at.x + best.low * up.x, y: at.y + best.low * up.y },
    chordInside: best.gap === 0,
  };
}

/**
 * The direction of the least-squares line through `points` (principal axis), oriented from the
 * first point towards the last; null for fewer than two distinct points.
 */
export function fittedDirection(points: readonly Vec2[]): Vec2 | null {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || points.length < 2) return null;
  const n = points.length;
  const mean = {
    x: points.reduce((sum, p) => sum + p.x, 0) / n,
    y: points.reduce((sum, p) => sum + p.y, 0) / n,
  };
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of points) {
    sxx += (p.x - mean.x) ** 2;
    sxy += (p.x - mean.x) * (p.y - mean.y);
    syy += (p.y - mean.y) ** 2;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const axis = { x: Math.cos(angle), y: Math.sin(angle) };
  if (!Number.isFinite(axis.x) || !(sxx + syy > 0)) return null;
  return dot(axis, sub(last, first)) >= 0 ? axis : { x: -axis.x, y: -axis.y };
}

/** Signed angle in degrees from direction `a` to `b`, positive when `b` turns towards `towards`. */
function turnTowards(a: Vec2, b: Vec2, towards: Vec2): number {
  const turn = (Math.atan2(cross(a, b), dot(a, b)) * 180) / Math.PI;
  // Whether a positive cross product turns towards `towards` depends on which side of `a` it is.
  return cross(a, towards) >= 0 ? turn : -turn;
}

function lumbarBendDeg(points: readonly Vec2[], up: Vec2): number | null {
  const count = points.length;
  const upperBack = fittedDirection(points.slice(0, Math.round(count * UPPER_BACK_SHARE)));
  const lumbar = fittedDirection(points.slice(count - Math.round(count * LUMBAR_SHARE)));
  if (!upperBack || !lumbar) return null;
  return turnTowards(upperBack, lumbar, up);
}

/** The turn between the lines fitted to two stretches of the side (see `turnTowards`). */
function stretchBendDeg(
  stations: readonly Station[],
  pointOf: (s: Station) => Vec2,
  from: ChordStretch,
  to: ChordStretch,
  up: Vec2,
): number | null {
  const within = ({ from: start, to: end }: ChordStretch): Vec2[] =>
    stations.filter((s) => s.along >= start - 1e-9 && s.along <= end + 1e-9).map(pointOf);
  const first = fittedDirection(within(from));
  const second = fittedDirection(within(to));
  return first && second ? turnTowards(first, second, up) : null;
}

/**
 * The unit normal of the line `a` -> `b` on the chord's floor side (against `up`), so that a
 * distance along it is "below" the line as the chord sees it. Gravity ("below" on screen) would
 * do as long as the line is near the chord, but one side's ends can be far steeper than the chord:
 * hinged, the belly meets the thighs and its side's hip end drops down the thigh (roundedback_04
 * at 0.67 s: chord 23° from horizontal, belly ends 71°), where "below on screen" is undefined and
 * the whole curve, the back's side too, went unread. Null for coincident ends or ends square to
 * the chord.
 */
function floorwardNormal(a: Vec2, b: Vec2, up: Vec2): Vec2 | null {
  const d = sub(b, a);
  const len = length(d);
  if (!(len > 0)) return null;
  const normal = { x: -d.y / len, y: d.x / len };
  const towardsUp = dot(normal, up);
  if (towardsUp === 0 || !Number.isFinite(towardsUp)) return null;
  return towardsUp < 0 ? normal : { x: -normal.x, y: -normal.y };
}

function readSide(
  stations: readonly Station[],
  pointOf: (s: Station) => Vec2,
  torsoPx: number,
  up: Vec2,
): OutlineSide | null {
  const points = stations.map(pointOf);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return null;
  const floorward = floorwardNormal(first, last, up);
  if (floorward === null) return null;
  // The ends lie on the line: 0 both ways.
  let dip = 0;
  let dipAt = first;
  let hump = 0;
  let humpAt = first;
  for (const point of points.slice(1, -1)) {
    const belowPx = dot(sub(point, first), floorward);
    if (belowPx > dip) {
      dip = belowPx;
      dipAt = point;
    }
    if (-belowPx > hump) {
      hump = -belowPx;
      humpAt = point;
    }
  }
  return {
    points,
    dipTorsos: dip / torsoPx,
    dipAt,
    humpTorsos: hump / torsoPx,
    humpAt,
    bendDeg: lumbarBendDeg(points, up),
    lumbarBendDeg: stretchBendDeg(stations, pointOf, MID_BACK_STRETCH, LOWER_BACK_STRETCH, up),
    thoracicBendDeg: stretchBendDeg(stations, pointOf, UPPER_BACK_STRETCH, MID_BACK_STRETCH, up),
  };
}

/**
 * Reads the torso's outline between shoulder and hip in a side view of a lying exercise: at
 * `BACK_CURVE_STATIONS` points along the chord from `BACK_CURVE_START` to the hip it finds the
 * outline on either side, then how far each side bends from a straight line between its ends.
 * Null when the chord is within `MIN_LINE_TO_SIGN_AXIS_DEG` of vertical (no floor side to tell),
 * too short, or the outline does not cover enough of it. Pass the near-side shoulder and hip.
 */
export function measureBackCurve(
  outline: BodyOutline,
  shoulder: Vec2,
  hip: Vec2,
  span: BackCurveSpan = LYING_BACK_SPAN,
): BackCurve | null {
  const torsoPx = distance(shoulder, hip);
  const tilt = lineTiltFromHorizontal(shoulder, hip);
  if (torsoPx === null || !(torsoPx > 0) || tilt === null) return null;
  if (tilt > 90 - MIN_LINE_TO_SIGN_AXIS_DEG || outline.xy.length < 6) return null;
  const along = { x: (hip.x - shoulder.x) / torsoPx, y: (hip.y - shoulder.y) / torsoPx };
  // The chord's normal that points up on screen (-y): the side away from the floor.
  const up = along.x >= 0 ? { x: along.y, y: -along.x } : { x: -along.y, y: along.x };
  const stations: Station[] = [];
  for (let i = 0; i < BACK_CURVE_STATIONS; i++) {
    const t = span.start + ((span.end - span.start) * i) / (BACK_CURVE_STATIONS - 1);
    const at = {
      x: shoulder.x + t * (hip.x - shoulder.x),
      y: shoulder.y + t * (hip.y - shoulder.y),
    };
    const read = station(outline.xy, t, at, along, up);
    if (read) stations.push(read);
  }
  const coverage = stations.length / BACK_CURVE_STATIONS;
  if (coverage < MIN_STATION_COVERAGE) return null;
  const upper = readSide(stations, (s) => s.upper, torsoPx, up);
  const lower = readSide(stations, (s) => s.lower, torsoPx, up);
  if (!upper || !lower) return null;
  const inside = stations.filter((s) => s.chordInside).length / BACK_CURVE_STATIONS;
  const quality = Number.isFinite(outline.quality) ? Math.min(1, Math.max(0, outline.quality)) : 0;
  return {
    upper,
    lower,
    floorGap: floorGap(lower.points, up, torsoPx),
    confidence: quality * inside,
  };
}

/** Resettable smoothing of the curve's measures over frames (the points are kept as measured). */
export interface BackCurveSmootherState {
  readonly lastTimestampMs: number | null;
  readonly last: BackCurve | null;
}

export const INITIAL_BACK_CURVE_SMOOTHER: BackCurveSmootherState = {
  lastTimestampMs: null,
  last: null,
};

/** One step of the smoothing towards `next`; a value missing either side restarts at `next`. */
function blend(previous: number | null, next: number | null, alpha: number): number | null {
  return previous === null || next === null ? next : previous + alpha * (next - previous);
}

function blendSide(previous: OutlineSide, next: OutlineSide, alpha: number): OutlineSide {
  return {
    points: next.points,
    dipTorsos: previous.dipTorsos + alpha * (next.dipTorsos - previous.dipTorsos),
    dipAt: next.dipAt,
    humpTorsos: previous.humpTorsos + alpha * (next.humpTorsos - previous.humpTorsos),
    humpAt: next.humpAt,
    bendDeg: blend(previous.bendDeg, next.bendDeg, alpha),
    lumbarBendDeg: blend(previous.lumbarBendDeg, next.lumbarBendDeg, alpha),
    thoracicBendDeg: blend(previous.thoracicBendDeg, next.thoracicBendDeg, alpha),
  };
}

/**
 * Exponential smoothing with `BACK_CURVE_TIME_CONSTANT_MS`. A missing curve, a gap longer than the
 * landmarks' `SMOOTHING_MAX_GAP_MS`, or time going backwards restarts it from the new value.
 */
export function smoothBackCurve(
  state: BackCurveSmootherState,
  curve: BackCurve | null,
  timestampMs: number,
): { readonly state: BackCurveSmootherState; readonly curve: BackCurve | null } {
  const last = state.last;
  const dtMs = state.lastTimestampMs === null ? NaN : timestampMs - state.lastTimestampMs;
  if (curve === null || !Number.isFinite(timestampMs)) {
    return { state: INITIAL_BACK_CURVE_SMOOTHER, curve };
  }
  if (last === null || !(dtMs > 0) || dtMs > SMOOTHING_MAX_GAP_MS) {
    return { state: { lastTimestampMs: timestampMs, last: curve }, curve };
  }
  const alpha = 1 - Math.exp(-dtMs / BACK_CURVE_TIME_CONSTANT_MS);
  const smoothed: BackCurve = {
    upper: blendSide(last.upper, curve.upper, alpha),
    lower: blendSide(last.lower, curve.lower, alpha),
    floorGap:
      last.floorGap === null || curve.floorGap === null
        ? curve.floorGap
        : {
            ...curve.floorGap,
            gapTorsos:
              last.floorGap.gapTorsos +
              alpha * (curve.floorGap.gapTorsos - last.floorGap.gapTorsos),
          },
    confidence: last.confidence + alpha * (curve.confidence - last.confidence),
  };
  return { state: { lastTimestampMs: timestampMs, last: smoothed }, curve: smoothed };
}
