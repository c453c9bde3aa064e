import { hipMidpoint, torsoLengthPx } from '../body';
import { angleAt, elevationAngle } from '../geometry/angles';
import type { Vec2 } from '../geometry/vector';
import type { LandmarkName } from '../landmarks';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../landmarks';
import type { Pose } from '../pose';
import type { PoseRecording } from '../recording';
import { UPPER_BODY, rotateAbout, transformLandmarks } from './reshape';

/**
 * No footage of McGill's flexor test exists in the test data, so its tests run on real skeletons
 * changed in physically plausible ways (docs/testing.md): a real side-on photo of a person lying
 * with knees bent and feet on the floor (the bottom of a glute bridge) is set in the test's
 * position by turning the thighs about the hips to 30° from the floor, the shins about the knees
 * to a right angle, and the trunk (with head and arms) about the mid-hip up to a chosen angle from
 * the floor. Each frame then takes the real detector jitter of a real side-on hold (each
 * landmark's offset from its mean over a 13 s plank clip, scaled to this body's torso).
 */

const LEG_NAMES = ['knee', 'ankle', 'heel', 'foot_index'] as const;
const SHIN_NAMES = ['ankle', 'heel', 'foot_index'] as const;

function point(pose: Pose, name: LandmarkName): Vec2 {
  const found = pose.landmarks[LANDMARK_INDEX[name]];
  if (!found) throw new Error(`derived flexor hold: ${name} missing`);
  return found;
}

/**
 * Turns `names` about `pivot` by whichever of ±`step`° brings `measure` nearer `target`, until it
 * is within 0.5°: the direction depends on which way the person faces.
 */
function turnUntil(
  pose: Pose,
  names: readonly LandmarkName[],
  pivot: Vec2,
  measure: (pose: Pose) => number,
  target: number,
): Pose {
  let current = pose;
  for (let i = 0; i < 720 && Math.abs(measure(current) - target) > 0.5; i++) {
    const candidates = [0.5, -0.5].map((step) =>
      transformLandmarks(current, names, (p) => rotateAbout(p, pivot, step)),
    );
    current = candidates.reduce((best, next) =>
      Math.abs(measure(next) - target) < Math.abs(measure(best) - target) ? next : best,
    );
  }
  return current;
}

/** The lying pose set sitting in the flexor test's position with the trunk at `trunkDeg`. */
export function flexorTestPose(lying: Pose, trunkDeg: number): Pose {
  let pose: Pose = { ...lying, worldLandmarks: null };
  for (const side of ['left', 'right'] as const) {
    const hip = point(pose, `${side}_hip`);
    pose = turnUntil(
      pose,
      LEG_NAMES.map((joint) => `${side}_${joint}` as const),
      hip,
      (p) => elevationAngle(hip, point(p, `${side}_knee`)) ?? 0,
      30,
    );
    const knee = point(pose, `${side}_knee`);
    pose = turnUntil(
      pose,
      SHIN_NAMES.map((joint) => `${side}_${joint}` as const),
      knee,
      (p) => angleAt(hip, knee, point(p, `${side}_ankle`)) ?? 0,
      90,
    );
  }
  return trunkAt(pose, trunkDeg);
}

/** The same pose with the trunk (head and arms with it) turned about the mid-hip to `trunkDeg`. */
function trunkAt(pose: Pose, trunkDeg: number): Pose {
  const hips = hipMidpoint(pose, { imageSize: null })?.point;
  if (!hips) throw new Error('derived flexor hold: hips missing');
  const trunkOf = (p: Pose): number => {
    const shoulders = point(p, 'left_shoulder');
    const other = point(p, 'right_shoulder');
    const mid = { x: (shoulders.x + other.x) / 2, y: (shoulders.y + other.y) / 2 };
    return elevationAngle(hips, mid) ?? 0;
  };
  return turnUntil(pose, UPPER_BODY, hips, trunkOf, trunkDeg);
}

/** Each landmark's offset from its own mean over the clip, per frame, in torso lengths. */
function jitterOf(clip: PoseRecording): readonly (readonly (Vec2 | null)[])[] {
  const poses = clip.frames.flatMap((frame) => frame.poses.slice(0, 1));
  const torso = torsoLengthPx(poses[0] ?? { landmarks: [], worldLandmarks: null, score: 0 }, {
    imageSize: null,
  });
  if (torso === null) throw new Error(`${clip.source}: no torso`);
  const means = LANDMARK_NAMES.map((_, i) => {
    const seen = poses.flatMap((pose) => (pose.landmarks[i] ? [pose.landmarks[i]] : []));
    const n = seen.length;
    return n === 0
      ? null
      : { x: seen.reduce((s, p) => s + p.x, 0) / n, y: seen.reduce((s, p) => s + p.y, 0) / n };
  });
  return poses.map((pose) =>
    pose.landmarks.map((p, i) => {
      const mean = means[i];
      return p && mean ? { x: (p.x - mean.x) / torso, y: (p.y - mean.y) / torso } : null;
    }),
  );
}

/** One stretch of the derived sequence: the trunk's angle from `fromDeg` to `toDeg` over `ms`. */
export interface TrunkStretch {
  readonly fromDeg: number;
  readonly toDeg: number;
  readonly ms: number;
}

/**
 * A derived recording of the flexor test at `fps`: `lying` (a real lying pose with bent knees) set
 * in the test position, the trunk following `stretches` in turn, each frame with `clip`'s real
 * jitter (looped).
 */
export function flexorHoldRecording(
  lying: { readonly recording: PoseRecording; readonly pose: Pose },
  clip: PoseRecording,
  stretches: readonly TrunkStretch[],
  fps = 15,
): PoseRecording {
  const frame = lying.recording.frames[0];
  if (!frame) throw new Error(`${lying.recording.source} has no frame`);
  const sitting = flexorTestPose(lying.pose, stretches[0]?.fromDeg ?? 60);
  const torso = torsoLengthPx(sitting, { imageSize: null }) ?? 0;
  const jitter = jitterOf(clip);
  const frames = [];
  let t = 0;
  let trunk = sitting;
  let lastDeg: number | null = null;
  for (const stretch of stretches) {
    const count = Math.round((stretch.ms / 1000) * fps);
    for (let i = 0; i < count; i++) {
      const deg = stretch.fromDeg + ((stretch.toDeg - stretch.fromDeg) * i) / Math.max(1, count);
      if (lastDeg === null || Math.abs(deg - lastDeg) >= 0.5) {
        trunk = trunkAt(trunk, deg);
        lastDeg = deg;
      }
      const offsets = jitter[frames.length % jitter.length] ?? [];
      const pose: Pose = {
        ...trunk,
        landmarks: trunk.landmarks.map((p, j) => {
          const d = offsets[j];
          return p && d ? { ...p, x: p.x + d.x * torso, y: p.y + d.y * torso } : p;
        }),
      };
      frames.push({ ...frame, timestampMs: t, poses: [pose] });
      t += 1000 / fps;
    }
  }
  return {
    ...lying.recording,
    mode: 'video',
    sampleFps: fps,
    frames,
    derivation:
      `${lying.recording.source} set in McGill's flexor-test position (thighs 30° from the ` +
      `floor, knees 90°, trunk following ${stretches.map((s) => `${s.fromDeg}→${s.toDeg}° in ${s.ms} ms`).join(', ')}), ` +
      `with the per-frame landmark jitter of ${clip.source}`,
  };
}
