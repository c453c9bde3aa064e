import { elevationAngle } from '../geometry/angles';
import { midpoint } from '../geometry/vector';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../landmarks';
import type { ImageLandmark, Pose, PoseFrame, WorldLandmark } from '../pose';
import { frameStepMs } from '../recording';
import type { PoseRecording } from '../recording';
import { defaultMinVisibility, isSeen } from '../visibility';
import { seededRandom } from './random';

/**
 * Helpers that derive bad form from a real recorded skeleton by a physically plausible change
 * (a limb turned about a joint), for the exercise tests.
 */

/** Turns `point` about `pivot` by `degrees`, clockwise on screen (image y points down). */
export function rotateAbout<P extends Vec2>(point: P, pivot: Vec2, degrees: number): P {
  const radians = (degrees * Math.PI) / 180;
  const dx = point.x - pivot.x;
  const dy = point.y - pivot.y;
  return {
    ...point,
    x: pivot.x + dx * Math.cos(radians) - dy * Math.sin(radians),
    y: pivot.y + dx * Math.sin(radians) + dy * Math.cos(radians),
  };
}

/** The pose with the named landmarks (those present) moved by `move`; the others untouched. */
export function transformLandmarks(
  pose: Pose,
  names: readonly LandmarkName[],
  move: (point: ImageLandmark) => ImageLandmark,
): Pose {
  const moved = new Set(names.map((name) => LANDMARK_INDEX[name]));
  return {
    ...pose,
    landmarks: pose.landmarks.map((point, i) => (point && moved.has(i) ? move(point) : point)),
  };
}

/** The pose as an engine without a body mask (MoveNet) reports it. */
export function withoutOutline(pose: Pose): Pose {
  const { outline, ...rest } = pose;
  return outline === undefined ? pose : rest;
}

/** The first person in the first frame of a recording (a photo's only pose). */
export function firstPose(recording: PoseRecording): Pose {
  const pose = recording.frames[0]?.poses[0];
  if (!pose) throw new Error(`${recording.source} has no pose`);
  return pose;
}

/**
 * `frames` (the recording's, cut, repeated or reordered) played in that order on one clock at the
 * recording's rate, as a camera delivers them: a loop, a set begun mid-clip, a rep stopped short.
 */
export function reclocked(
  recording: PoseRecording,
  frames: PoseRecording['frames'],
  derivation?: string,
): PoseRecording {
  const stepMs = frameStepMs(recording);
  return {
    ...recording,
    frames: frames.map((frame, i) => ({ ...frame, timestampMs: i * stepMs })),
    ...(derivation === undefined ? {} : { derivation }),
  };
}

/**
 * The same frames with the person moving `speed` times as fast (a camera as many times faster):
 * 1.25 is a quarter faster, 0.8 a fifth slower. Every dwell, gap and gate meets a shorter or
 * longer movement.
 */
export function atTempo(recording: PoseRecording, speed: number): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({ ...frame, timestampMs: frame.timestampMs / speed })),
  };
}

/**
 * The frames a slower machine judges: of the recording's frames, the first in each `1000 / fps` ms
 * (a worker that takes longer than a camera frame judges only the newest frame when it is free,
 * so the frames it judges come unevenly, here 67 and 133 ms apart for 10 of 15 a second).
 */
export function atFrameRate(recording: PoseRecording, fps: number): PoseRecording {
  const stepMs = 1000 / fps;
  let tick = Number.NEGATIVE_INFINITY;
  return {
    ...recording,
    sampleFps: fps,
    frames: recording.frames.filter((frame) => {
      const at = Math.floor(frame.timestampMs / stepMs);
      if (at <= tick) return false;
      tick = at;
      return true;
    }),
  };
}

/** The recording's first frame with `pose` as its only person, saying how it was derived. */
export function withFirstPose(
  recording: PoseRecording,
  pose: Pose,
  derivation?: string,
): PoseRecording {
  const frame = recording.frames[0];
  if (!frame) throw new Error(`${recording.source} has no frame`);
  return {
    ...recording,
    frames: [{ ...frame, poses: [pose] }],
    ...(derivation === undefined ? {} : { derivation }),
  };
}

/**
 * The same body seen by a camera turned `degrees` about the vertical (the world landmarks' y axis)
 * around the person: the world landmarks turned, and the image landmarks made again from them at
 * the photo's own scale (pixels per metre along the left shoulder-hip segment) about the hips'
 * place in the image, each landmark's visibility kept. It assumes the engine would place the
 * joints the same from there, which a three-quarter reading of the world landmarks rests on
 * (src/pose/exercises/plank.ts says how far that was measured to hold).
 */
export function turnedAboutVertical(pose: Pose, degrees: number): Pose {
  const scale = imageScale(pose);
  if (!scale) throw new Error('turning needs world landmarks, the left shoulder and both hips');
  const { world, pixelsPerMetre, hipsCentre: centre } = scale;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const turned = world.map((point) =>
    point ? { ...point, x: point.x * cos + point.z * sin, z: point.z * cos - point.x * sin } : null,
  );
  return {
    ...pose,
    worldLandmarks: turned,
    landmarks: pose.landmarks.map((point, i) => {
      const turnedPoint = turned[i];
      if (!point || !turnedPoint) return point;
      return {
        ...point,
        x: centre.x + turnedPoint.x * pixelsPerMetre,
        y: centre.y + turnedPoint.y * pixelsPerMetre,
        z: turnedPoint.z * pixelsPerMetre,
      };
    }),
  };
}

/**
 * The photo's own scale (pixels per metre along the left shoulder-hip segment) and the hips' place
 * in the image; null without world landmarks, the left shoulder or either hip.
 */
function imageScale(
  pose: Pose,
): { world: readonly (WorldLandmark | null)[]; pixelsPerMetre: number; hipsCentre: Vec2 } | null {
  const world = pose.worldLandmarks;
  const image = (name: LandmarkName) => pose.landmarks[LANDMARK_INDEX[name]];
  const [shoulder, hip, rightHip] = [image('left_shoulder'), image('left_hip'), image('right_hip')];
  const worldShoulder = world?.[LANDMARK_INDEX.left_shoulder];
  const worldHip = world?.[LANDMARK_INDEX.left_hip];
  if (!world || !shoulder || !hip || !rightHip || !worldShoulder || !worldHip) return null;
  return {
    world,
    pixelsPerMetre:
      Math.hypot(shoulder.x - hip.x, shoulder.y - hip.y) /
      Math.hypot(worldShoulder.x - worldHip.x, worldShoulder.y - worldHip.y),
    hipsCentre: { x: (hip.x + rightHip.x) / 2, y: (hip.y + rightHip.y) / 2 },
  };
}

/**
 * The same body seen from `degrees` higher (negative: lower), as a laptop on a chair or a table
 * films what one on the floor saw level: the world landmarks turned about the camera's horizontal
 * axis, and each image landmark moved as its world landmark moved, at the photo's scale (so the
 * engine's own image reading stays, and 0° changes nothing). The outline is dropped, since a mask
 * cannot be turned: what reads it is then unread, and only the joints' readings are tested. A pose
 * without world landmarks or the joints that give the scale is kept as it was.
 */
function elevatedPose(pose: Pose, degrees: number): Pose {
  const scale = imageScale(pose);
  if (!scale) return pose;
  const { world, pixelsPerMetre } = scale;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  // Image y points down and world z away from the camera: seen from higher, farther points rise.
  const turned = world.map((point) =>
    point ? { ...point, y: point.y * cos - point.z * sin, z: point.z * cos + point.y * sin } : null,
  );
  return {
    ...withoutOutline(pose),
    worldLandmarks: turned,
    landmarks: pose.landmarks.map((point, i) => {
      const from = world[i];
      const to = turned[i];
      if (!point || !from || !to) return point;
      return {
        ...point,
        y: point.y + (to.y - from.y) * pixelsPerMetre,
        z: point.z === null ? null : point.z + (to.z - from.z) * pixelsPerMetre,
      };
    }),
  };
}

/** Every frame of a recording as `elevatedPose` sees it. */
export function elevatedRecording(recording: PoseRecording, degrees: number): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => elevatedPose(pose, degrees)),
    })),
    derivation: `seen from ${degrees}° higher, outline dropped`,
  };
}

/** Every frame of a recording as `turnedAboutVertical` sees it (poses without world landmarks kept). */
export function turnedRecording(recording: PoseRecording, degrees: number): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) =>
        pose.worldLandmarks ? turnedAboutVertical(pose, degrees) : pose,
      ),
    })),
    derivation: `turned ${degrees}° about the vertical`,
  };
}

/**
 * Everything above the hips (head, shoulders, arms, hands): what a trunk turned about the hips
 * moves, where the pelvis and legs stay.
 */
export const UPPER_BODY: readonly LandmarkName[] = LANDMARK_NAMES.filter(
  (name) => !/(hip|knee|ankle|heel|foot_index)$/.test(name),
);
export const UPPER_BODY_INDEXES: ReadonlySet<number> = new Set(
  UPPER_BODY.map((name) => LANDMARK_INDEX[name]),
);

/** The midpoint of two image landmarks; null where either is missing. */
function imageMidpoint(pose: Pose, left: LandmarkName, right: LandmarkName): Vec2 | null {
  return midpoint(
    pose.landmarks[LANDMARK_INDEX[left]] ?? null,
    pose.landmarks[LANDMARK_INDEX[right]] ?? null,
  );
}

/** The trunk in the image: the hips' and shoulders' midpoints and its elevation; null unseen. */
function imageTrunk(pose: Pose): { hips: Vec2; shoulders: Vec2; elevation: number } | null {
  const hips = imageMidpoint(pose, 'left_hip', 'right_hip');
  const shoulders = imageMidpoint(pose, 'left_shoulder', 'right_shoulder');
  const elevation = elevationAngle(hips, shoulders);
  return hips && shoulders && elevation !== null ? { hips, shoulders, elevation } : null;
}

/**
 * How far a lean back at the top of a lift has built on this frame: none with the trunk under 60°
 * above horizontal, all of it from 75° (the hinge's top is 70°), in proportion between.
 */
export function nearUpright(pose: Pose): number {
  const trunk = imageTrunk(pose);
  return trunk === null ? 0 : Math.min(1, Math.max(0, (trunk.elevation - 60) / 15));
}

/**
 * Every frame with the upper body (`UPPER_BODY`) turned back about the hips' midpoint by `degrees`
 * times `share(pose, frame)` (0 to 1), against the way the person faces: the side the shoulders
 * lean to where the trunk is lowest in the recording. Over-extending at a lockout or a swing's top,
 * on a real skeleton; the legs and each frame's jitter stay real, the world landmarks as recorded
 * (a side view reads the lean in the image). The outline is left out: it would no longer fit.
 */
export function upperBodyLeanedBack(
  recording: PoseRecording,
  degrees: number,
  share: (pose: Pose, frame: PoseFrame) => number,
): PoseRecording {
  const trunks = recording.frames.flatMap((frame) =>
    frame.poses.flatMap((pose) => imageTrunk(pose) ?? []),
  );
  const lowest = trunks.reduce<(typeof trunks)[number] | null>(
    (low, trunk) => (low === null || trunk.elevation < low.elevation ? trunk : low),
    null,
  );
  if (!lowest) throw new Error(`${recording.source} shows no trunk`);
  // Clockwise on screen moves a point above the pivot to the right: back is against forward.
  const back = -Math.sign(lowest.shoulders.x - lowest.hips.x) * degrees;
  return {
    ...recording,
    derivation: `upper body turned up to ${String(degrees)}° back about the hips`,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => {
        const amount = share(pose, frame);
        const hips = imageMidpoint(pose, 'left_hip', 'right_hip');
        if (amount <= 0 || !hips) return pose;
        const body: Pose = {
          landmarks: pose.landmarks,
          worldLandmarks: pose.worldLandmarks,
          score: pose.score,
        };
        return transformLandmarks(body, UPPER_BODY, (point) =>
          rotateAbout(point, hips, back * amount),
        );
      }),
    })),
  };
}

function worldMidpoint(pose: Pose, left: LandmarkName, right: LandmarkName): WorldLandmark | null {
  const a = pose.worldLandmarks?.[LANDMARK_INDEX[left]];
  const b = pose.worldLandmarks?.[LANDMARK_INDEX[right]];
  if (!a || !b) return null;
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, z: (a.z + b.z) / 2, visibility: 1 };
}

/**
 * Every frame with the world landmarks above the hips tilted `degrees` further forward about the
 * hips' midpoint (positive: more bent over), in the vertical plane the trunk leans in where it is
 * lowest: the same images read by a model that puts the shoulders further ahead of the hips, as
 * MediaPipe's world landmarks do, by different amounts for different people, seen from the front
 * (src/pose/exercises/hinge.ts, `WORLD_TRUNK_FORWARD_BIAS_DEG`). The image landmarks are kept.
 */
export function worldTrunkTiltedForward(recording: PoseRecording, degrees: number): PoseRecording {
  let lowest: { readonly elevation: number; readonly x: number; readonly z: number } | null = null;
  for (const pose of recording.frames.flatMap((frame) => frame.poses)) {
    const hips = worldMidpoint(pose, 'left_hip', 'right_hip');
    const shoulders = worldMidpoint(pose, 'left_shoulder', 'right_shoulder');
    if (!hips || !shoulders) continue;
    const x = shoulders.x - hips.x;
    const z = shoulders.z - hips.z;
    const across = Math.hypot(x, z);
    const elevation = Math.atan2(hips.y - shoulders.y, across);
    if (across > 0 && (lowest === null || elevation < lowest.elevation)) {
      lowest = { elevation, x: x / across, z: z / across };
    }
  }
  if (lowest === null) throw new Error(`${recording.source} has no world trunk to tilt`);
  const forward = lowest;
  const cos = Math.cos((degrees * Math.PI) / 180);
  const sin = Math.sin((degrees * Math.PI) / 180);
  const tilted = (pose: Pose): Pose => {
    const hips = worldMidpoint(pose, 'left_hip', 'right_hip');
    if (!pose.worldLandmarks || !hips) return pose;
    return {
      ...pose,
      worldLandmarks: pose.worldLandmarks.map((point, i) => {
        if (!point || !UPPER_BODY_INDEXES.has(i)) return point;
        const [dx, dy, dz] = [point.x - hips.x, point.y - hips.y, point.z - hips.z];
        const ahead = dx * forward.x + dz * forward.z;
        const up = -dy; // world y points down
        const aheadTilted = ahead * cos + up * sin;
        const upTilted = up * cos - ahead * sin;
        return {
          ...point,
          x: hips.x + dx + (aheadTilted - ahead) * forward.x,
          y: hips.y - upTilted,
          z: hips.z + dz + (aheadTilted - ahead) * forward.z,
        };
      }),
    };
  };
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({ ...frame, poses: frame.poses.map(tilted) })),
    derivation: `world trunk tilted ${String(degrees)}° forward about the hips`,
  };
}

/** Each landmark's index in a mirrored image: the person's left shows as a right, and back. */
const MIRRORED_INDEX: readonly number[] = LANDMARK_NAMES.map((name) => {
  const [side, part] = name.split(/_(.*)/);
  const other =
    side === 'left' ? `right_${part ?? ''}` : side === 'right' ? `left_${part ?? ''}` : name;
  return LANDMARK_INDEX[other as LandmarkName];
});

/**
 * The same scene filmed in a mirror: the person faces the other way. An engine labels the body as
 * it looks, so each side's landmarks take the other side's mirrored places (image x flipped in
 * `width`, world x negated) and the outline flips with the image.
 */
export function mirroredPose(pose: Pose, width: number): Pose {
  const swapped = <P>(points: readonly (P | null)[], flip: (point: P) => P) =>
    MIRRORED_INDEX.map((from) => {
      const point = points[from];
      return point ? flip(point) : null;
    });
  return {
    ...pose,
    landmarks: swapped(pose.landmarks, (point) => ({ ...point, x: width - point.x })),
    worldLandmarks: pose.worldLandmarks
      ? swapped(pose.worldLandmarks, (point) => ({ ...point, x: -point.x }))
      : null,
    ...(pose.outline
      ? {
          outline: {
            ...pose.outline,
            xy: pose.outline.xy.map((value, i) => (i % 2 === 0 ? width - value : value)),
          },
        }
      : {}),
  };
}

/** Every frame of a recording as `mirroredPose` sees it. */
export function mirroredRecording(recording: PoseRecording): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => mirroredPose(pose, frame.imageSize.width)),
    })),
    derivation: 'mirrored',
  };
}

/**
 * Every frame of a recording as a camera `factor` times the resolution would give it: image
 * landmarks (depth too, which is in the image's scale), outline and image size scaled about the
 * image's corner; world landmarks are metric and stay.
 */
export function scaledRecording(recording: PoseRecording, factor: number): PoseRecording {
  const corner = { x: 0, y: 0 };
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      imageSize: { width: frame.imageSize.width * factor, height: frame.imageSize.height * factor },
      poses: frame.poses.map((pose) => movedPose(pose, factor, corner, corner)),
    })),
    derivation: `scaled ${factor}×`,
  };
}

/**
 * The pose scaled by `factor` about the image point `from`, which lands on `to`: image landmarks
 * (depth too, in the image's scale) and outline; world landmarks are metric and stay.
 */
export function movedPose(pose: Pose, factor: number, from: Vec2, to: Vec2): Pose {
  const x = (value: number): number => to.x + (value - from.x) * factor;
  const y = (value: number): number => to.y + (value - from.y) * factor;
  return {
    ...pose,
    landmarks: pose.landmarks.map((point) =>
      point
        ? { ...point, x: x(point.x), y: y(point.y), z: point.z === null ? null : point.z * factor }
        : null,
    ),
    ...(pose.outline
      ? {
          outline: {
            ...pose.outline,
            xy: pose.outline.xy.map((value, i) => (i % 2 === 0 ? x(value) : y(value))),
          },
        }
      : {}),
  };
}

/**
 * Every frame of a recording as a camera `factor` times as near would give it at the same
 * resolution (under 1: farther, the person smaller in the middle of the picture): `movedPose`
 * about the image's centre.
 */
export function zoomedRecording(recording: PoseRecording, factor: number): PoseRecording {
  return {
    ...recording,
    frames: recording.frames.map((frame) => {
      const centre = { x: frame.imageSize.width / 2, y: frame.imageSize.height / 2 };
      return {
        ...frame,
        poses: frame.poses.map((pose) => movedPose(pose, factor, centre, centre)),
      };
    }),
    derivation: `zoomed ${factor}×`,
  };
}

/**
 * Every frame of a recording as a camera rolled `degrees` about its own axis would give it (not
 * quite level: a laptop on a cushion), clockwise on screen: image landmarks and outline turned
 * about the image's centre, world landmarks (whose x and y are the camera's) about their depth axis.
 */
export function rolledRecording(recording: PoseRecording, degrees: number): PoseRecording {
  const worldOrigin = { x: 0, y: 0 };
  return {
    ...recording,
    frames: recording.frames.map((frame) => {
      const centre = { x: frame.imageSize.width / 2, y: frame.imageSize.height / 2 };
      const rolled = (pose: Pose): Pose => ({
        ...pose,
        landmarks: pose.landmarks.map((point) =>
          point ? rotateAbout(point, centre, degrees) : null,
        ),
        worldLandmarks: pose.worldLandmarks
          ? pose.worldLandmarks.map((point) =>
              point ? rotateAbout(point, worldOrigin, degrees) : null,
            )
          : null,
        ...(pose.outline
          ? {
              outline: {
                ...pose.outline,
                xy: pose.outline.xy.flatMap((value, i, xy) => {
                  if (i % 2 === 1) return [];
                  const turned = rotateAbout({ x: value, y: xy[i + 1] ?? 0 }, centre, degrees);
                  return [turned.x, turned.y];
                }),
              },
            }
          : {}),
      });
      return { ...frame, poses: frame.poses.map(rolled) };
    }),
    derivation: `rolled ${degrees}°`,
  };
}

/** Which end of the body's long axis a closer framing cuts: the image's left or top, or the other. */
export type CutEnds = 'first' | 'last' | 'both';

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** A closed polygon (x0, y0, x1, y1, ...) cut to an axis-aligned box (Sutherland-Hodgman). */
function polygonInBox(xy: readonly number[], box: Box): number[] {
  let points: Vec2[] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) points.push({ x: xy[i] ?? 0, y: xy[i + 1] ?? 0 });
  const edges: { axis: 'x' | 'y'; at: number; keepAbove: boolean }[] = [
    { axis: 'x', at: box.x0, keepAbove: true },
    { axis: 'x', at: box.x1, keepAbove: false },
    { axis: 'y', at: box.y0, keepAbove: true },
    { axis: 'y', at: box.y1, keepAbove: false },
  ];
  for (const { axis, at, keepAbove } of edges) {
    const inside = (p: Vec2) => (keepAbove ? p[axis] >= at : p[axis] <= at);
    const crossing = (a: Vec2, b: Vec2): Vec2 => {
      const t = (at - a[axis]) / (b[axis] - a[axis]);
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    };
    points = points.flatMap((b, i) => {
      const a = points[(i + points.length - 1) % points.length] ?? b;
      if (inside(b)) return inside(a) ? [b] : [crossing(a, b), b];
      return inside(a) ? [crossing(a, b)] : [];
    });
  }
  return points.flatMap((p) => [p.x - box.x0, p.y - box.y0]);
}

/**
 * Every frame of a recording as a camera framing the person closer would give it: the image cut
 * along the body's long axis (over the whole recording) `fraction` of the body's length inside its
 * seen extremes, at one end or both. Points past the cut lie outside the new image, where the
 * checks read them as out of frame; the outline is cut at the image's edge, as the mask would be.
 */
export function closerFramedRecording(
  recording: PoseRecording,
  fraction: number,
  ends: CutEnds,
): PoseRecording {
  const seen = recording.frames.flatMap((frame) =>
    frame.poses.flatMap((pose) =>
      pose.landmarks.filter((point) => isSeen(point, defaultMinVisibility(pose), frame.imageSize)),
    ),
  );
  if (seen.length === 0) return recording;
  const xs = seen.map((point) => point.x);
  const ys = seen.map((point) => point.y);
  const body = {
    x0: Math.min(...xs),
    x1: Math.max(...xs),
    y0: Math.min(...ys),
    y1: Math.max(...ys),
  };
  const alongX = body.x1 - body.x0 >= body.y1 - body.y0;
  const [from, to] = alongX ? [body.x0, body.x1] : [body.y0, body.y1];
  const cut = fraction * (to - from);
  const first = ends === 'last' ? -Infinity : from + cut;
  const last = ends === 'first' ? Infinity : to - cut;
  return {
    ...recording,
    frames: recording.frames.map((frame) => {
      const { width, height } = frame.imageSize;
      const box: Box = alongX
        ? { x0: Math.max(0, first), x1: Math.min(width, last), y0: 0, y1: height }
        : { x0: 0, x1: width, y0: Math.max(0, first), y1: Math.min(height, last) };
      const framed = (pose: Pose): Pose => ({
        ...pose,
        landmarks: pose.landmarks.map((point) =>
          point ? { ...point, x: point.x - box.x0, y: point.y - box.y0 } : null,
        ),
        ...(pose.outline
          ? { outline: { ...pose.outline, xy: polygonInBox(pose.outline.xy, box) } }
          : {}),
      });
      return {
        ...frame,
        imageSize: { width: box.x1 - box.x0, height: box.y1 - box.y0 },
        poses: frame.poses.map(framed),
      };
    }),
    derivation: `framed closer: ${fraction} of the body cut at ${ends === 'both' ? 'both ends' : `the ${ends} end`}`,
  };
}

/** Standard normal numbers from uniform ones (Box-Muller). */
function seededNormal(seed: number): () => number {
  const uniform = seededRandom(seed);
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** The shoulders' midpoint to the hips', in the image (x, y) or the world (x, y, z); null without them. */
function rawTorsoLength(
  points: readonly (ImageLandmark | WorldLandmark | null)[],
  depthOf: (point: ImageLandmark | WorldLandmark) => number,
): number | null {
  const at = (name: LandmarkName) => points[LANDMARK_INDEX[name]];
  const [ls, rs, lh, rh] = [
    at('left_shoulder'),
    at('right_shoulder'),
    at('left_hip'),
    at('right_hip'),
  ];
  if (!ls || !rs || !lh || !rh) return null;
  const half = (f: (point: ImageLandmark | WorldLandmark) => number) =>
    (f(ls) + f(rs) - f(lh) - f(rh)) / 2;
  return Math.hypot(
    half((p) => p.x),
    half((p) => p.y),
    half(depthOf),
  );
}

/**
 * Every frame of a recording as a noisier engine or poorer footage would give it: each image
 * landmark moved by independent normal noise of `torsoShare` of the torso's length in x and y,
 * each world landmark likewise in x, y and z (seeded, so a test sees the same noise each run). The
 * outline stays: the mask's own error is the outline decisions' margin.
 */
export function jitteredRecording(
  recording: PoseRecording,
  torsoShare: number,
  seed: number,
): PoseRecording {
  const normal = seededNormal(seed);
  const jittered = (pose: Pose): Pose => {
    const imageSigma = torsoShare * (rawTorsoLength(pose.landmarks, () => 0) ?? 0);
    const worldSigma =
      torsoShare * (rawTorsoLength(pose.worldLandmarks ?? [], (p) => p.z ?? 0) ?? 0);
    return {
      ...pose,
      landmarks: pose.landmarks.map((point) =>
        point
          ? { ...point, x: point.x + imageSigma * normal(), y: point.y + imageSigma * normal() }
          : null,
      ),
      worldLandmarks: pose.worldLandmarks
        ? pose.worldLandmarks.map((point) =>
            point
              ? {
                  ...point,
                  x: point.x + worldSigma * normal(),
                  y: point.y + worldSigma * normal(),
                  z: point.z + worldSigma * normal(),
                }
              : null,
          )
        : null,
    };
  };
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({ ...frame, poses: frame.poses.map(jittered) })),
    derivation: `jittered ${torsoShare} torso`,
  };
}
