import { torsoLengthPx } from './body';
import type { ImageLandmark, Pose, WorldLandmark } from './pose';

/** One Euro filter parameters (Casiez et al., CHI 2012). */
export interface OneEuroParams {
  /** Cutoff when still, in Hz: lower = less jitter, more lag. */
  readonly minCutoffHz: number;
  /** Added cutoff per unit of speed (units of the value, scaled by `scale`, per second). */
  readonly beta: number;
  /** Cutoff for the speed estimate, in Hz. */
  readonly derivativeCutoffHz: number;
}

/**
 * Image landmarks, in pixels, with speed measured in torso lengths per second. Dividing by body size
 * makes the filter behave the same near or far from the camera: raw pixel speeds would unlock it
 * for a near person and freeze it for a far one. Torso length, not the landmarks' bounding box
 * (MediaPipe's scale), because it does not jump when an arm or leg is raised (bird-dog).
 * min_cutoff and d_cutoff are MediaPipe's (0.05 Hz, 1 Hz). MediaPipe's beta 80 converts to about 35
 * in torso lengths (a torso is ~0.43 of its box scale), but that barely filters webcam jitter of
 * +-2.5% of a torso (std cut 1.7x), so beta was re-tuned by Casiez's procedure on synthetic
 * signals (smoothing.test.ts): beta 2 cuts that jitter's std 5x, lags a 1 torso/s move by 0.04
 * torso lengths (about 40 ms), and settles within 0.005 torso lengths 160 ms after a move stops.
 */
export const IMAGE_ONE_EURO: OneEuroParams = {
  minCutoffHz: 0.05,
  beta: 2,
  derivativeCutoffHz: 1,
};

/** World landmarks in metres, unscaled: MediaPipe's values (docs/checkers.md). */
export const WORLD_ONE_EURO: OneEuroParams = {
  minCutoffHz: 0.1,
  beta: 40,
  derivativeCutoffHz: 1,
};

/**
 * Time constant of the visibility low-pass, in ms: MediaPipe uses alpha 0.1 per frame, which at
 * 30 fps is a time constant of about 300 ms. Written as a time so dropped frames do not change it.
 */
export const VISIBILITY_TIME_CONSTANT_MS = 300;

/**
 * Frames further apart than this restart the filters from the raw pose: over a longer gap (stall,
 * person left) blending old positions in would only add lag and ghosting.
 */
export const SMOOTHING_MAX_GAP_MS = 500;

/**
 * Frames closer together than this count as the same frame: no camera runs above 1000 fps, and a
 * tiny time step would blow the speed estimate up.
 */
export const MIN_FRAME_INTERVAL_MS = 1;

export interface OneEuroState {
  readonly value: number;
  readonly derivative: number;
}

function lowPassAlpha(cutoffHz: number, dtSeconds: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / dtSeconds);
}

/**
 * One step of the One Euro filter. `previous` null starts it at `value`. `scale` divides the speed
 * before it raises the cutoff (body size for pixels). Callers pass a finite value and dt > 0.
 */
export function oneEuroStep(
  previous: OneEuroState | null,
  value: number,
  dtSeconds: number,
  params: OneEuroParams,
  scale: number,
): OneEuroState {
  if (previous === null) return { value, derivative: 0 };
  const rawDerivative = (value - previous.value) / dtSeconds;
  const derivativeAlpha = lowPassAlpha(params.derivativeCutoffHz, dtSeconds);
  const derivative = previous.derivative + derivativeAlpha * (rawDerivative - previous.derivative);
  const cutoff = params.minCutoffHz + (params.beta * Math.abs(derivative)) / scale;
  const alpha = lowPassAlpha(cutoff, dtSeconds);
  return { value: previous.value + alpha * (value - previous.value), derivative };
}

interface PointFilter {
  readonly x: OneEuroState;
  readonly y: OneEuroState;
  readonly z: OneEuroState | null;
  readonly visibility: number;
}

export interface PoseSmootherState {
  readonly lastTimestampMs: number | null;
  readonly lastOutput: Pose | null;
  readonly image: readonly (PointFilter | null)[];
  readonly world: readonly (PointFilter | null)[] | null;
  /** Last measured torso length in pixels, kept while the torso is briefly unseen. */
  readonly torsoPx: number | null;
}

export function initialSmootherState(): PoseSmootherState {
  return { lastTimestampMs: null, lastOutput: null, image: [], world: null, torsoPx: null };
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

function cleanImagePoint(point: ImageLandmark | null | undefined): ImageLandmark | null {
  if (!point || !Number.isFinite(point.x) || !Number.isFinite(point.y)) return null;
  if (!Number.isFinite(point.visibility)) return null;
  return { x: point.x, y: point.y, z: finiteOrNull(point.z), visibility: point.visibility };
}

function cleanWorldPoint(point: WorldLandmark | null | undefined): WorldLandmark | null {
  if (!point || ![point.x, point.y, point.z, point.visibility].every(Number.isFinite)) return null;
  return { x: point.x, y: point.y, z: point.z, visibility: point.visibility };
}

/**
 * The pose with every non-finite landmark replaced by null (absent); never mutates its input. The
 * outline passes through as it is: its measures are smoothed by their readers (outline/back-curve).
 */
export function sanitisePose(pose: Pose): Pose {
  return {
    landmarks: pose.landmarks.map(cleanImagePoint),
    worldLandmarks: pose.worldLandmarks?.map(cleanWorldPoint) ?? null,
    score: Number.isFinite(pose.score) ? pose.score : 0,
    ...(pose.outline ? { outline: pose.outline } : {}),
  };
}

function startFilter(point: {
  readonly x: number;
  readonly y: number;
  readonly z: number | null;
  readonly visibility: number;
}): PointFilter {
  return {
    x: { value: point.x, derivative: 0 },
    y: { value: point.y, derivative: 0 },
    z: point.z === null ? null : { value: point.z, derivative: 0 },
    visibility: point.visibility,
  };
}

function stepFilter(
  previous: PointFilter | null | undefined,
  point: {
    readonly x: number;
    readonly y: number;
    readonly z: number | null;
    readonly visibility: number;
  },
  dtSeconds: number,
  params: OneEuroParams,
  scale: number,
): PointFilter {
  if (!previous) return startFilter(point);
  const visibilityAlpha = 1 - Math.exp((-dtSeconds * 1000) / VISIBILITY_TIME_CONSTANT_MS);
  const next: PointFilter = {
    x: oneEuroStep(previous.x, point.x, dtSeconds, params, scale),
    y: oneEuroStep(previous.y, point.y, dtSeconds, params, scale),
    z: point.z === null ? null : oneEuroStep(previous.z, point.z, dtSeconds, params, scale),
    visibility: previous.visibility + visibilityAlpha * (point.visibility - previous.visibility),
  };
  // Extreme inputs (e.g. 1e308 px) can overflow; restart the point rather than carry Infinity on.
  const values = [
    next.x.value,
    next.x.derivative,
    next.y.value,
    next.y.derivative,
    next.visibility,
  ];
  if (next.z) values.push(next.z.value, next.z.derivative);
  return values.every(Number.isFinite) ? next : startFilter(point);
}

function restart(
  pose: Pose | null,
  timestampMs: number,
): { state: PoseSmootherState; pose: Pose | null } {
  if (pose === null || !Number.isFinite(timestampMs)) {
    return { state: initialSmootherState(), pose };
  }
  const state: PoseSmootherState = {
    lastTimestampMs: timestampMs,
    lastOutput: pose,
    image: pose.landmarks.map((point) => (point ? startFilter(point) : null)),
    world: pose.worldLandmarks?.map((point) => (point ? startFilter(point) : null)) ?? null,
    torsoPx: torsoLengthPx(pose, { imageSize: null }),
  };
  return { state, pose };
}

/**
 * Smooths one frame's pose. Pure: returns the new state and the smoothed pose. A null pose (no
 * person), a gap longer than `SMOOTHING_MAX_GAP_MS`, a timestamp that goes backwards (a restarted
 * stream) or is not finite restarts from the raw pose; a repeated timestamp returns the previous
 * output unchanged (as does one under `MIN_FRAME_INTERVAL_MS` later). Absent or non-finite landmarks come out null and their filter restarts when
 * they return. Never returns NaN.
 */
export function smoothPose(
  state: PoseSmootherState,
  rawPose: Pose | null,
  timestampMs: number,
): { state: PoseSmootherState; pose: Pose | null } {
  const pose = rawPose === null ? null : sanitisePose(rawPose);
  const last = state.lastTimestampMs;
  if (pose === null || last === null || !Number.isFinite(timestampMs))
    return restart(pose, timestampMs);
  const dtMs = timestampMs - last;
  if (dtMs >= 0 && dtMs < MIN_FRAME_INTERVAL_MS && state.lastOutput !== null) {
    return { state, pose: state.lastOutput };
  }
  if (!(dtMs > 0) || dtMs > SMOOTHING_MAX_GAP_MS) return restart(pose, timestampMs);

  const torsoPx = torsoLengthPx(pose, { imageSize: null }) ?? state.torsoPx;
  // Without a body scale the speed term has no unit; such frames cannot be judged anyway.
  if (torsoPx === null) return restart(pose, timestampMs);
  const dtSeconds = dtMs / 1000;

  const image = pose.landmarks.map((point, i) =>
    point ? stepFilter(state.image[i], point, dtSeconds, IMAGE_ONE_EURO, torsoPx) : null,
  );
  const world =
    pose.worldLandmarks?.map((point, i) =>
      point ? stepFilter(state.world?.[i], point, dtSeconds, WORLD_ONE_EURO, 1) : null,
    ) ?? null;
  const output: Pose = {
    landmarks: image.map((f) =>
      f ? { x: f.x.value, y: f.y.value, z: f.z?.value ?? null, visibility: f.visibility } : null,
    ),
    worldLandmarks:
      world?.map((f) =>
        f ? { x: f.x.value, y: f.y.value, z: f.z?.value ?? 0, visibility: f.visibility } : null,
      ) ?? null,
    score: pose.score,
    ...(pose.outline ? { outline: pose.outline } : {}),
  };
  return {
    state: { lastTimestampMs: timestampMs, lastOutput: output, image, world, torsoPx },
    pose: output,
  };
}
