import { describe, expect, it } from 'vitest';
import { LANDMARK_INDEX } from './landmarks';
import type { Pose } from './pose';
import {
  IMAGE_ONE_EURO,
  SMOOTHING_MAX_GAP_MS,
  initialSmootherState,
  oneEuroStep,
  sanitisePose,
  smoothPose,
} from './smoothing';
import type { PoseSmootherState } from './smoothing';
import { translatePose } from './testing/make-pose';
import { plankSide, standingFront } from './testing/poses';
import { nastyNumber, nastyPose, seededRandom } from './testing/random';

const FRAME_MS = 33;
const HIP = LANDMARK_INDEX.left_hip;

function run(poses: readonly (Pose | null)[], times: readonly number[]) {
  let state: PoseSmootherState = initialSmootherState();
  const outputs: (Pose | null)[] = [];
  poses.forEach((pose, i) => {
    const step = smoothPose(state, pose, times[i] ?? 0);
    state = step.state;
    outputs.push(step.pose);
  });
  return { state, outputs };
}

function hipX(pose: Pose | null | undefined): number | undefined {
  return pose?.landmarks[HIP]?.x;
}

describe('oneEuroStep', () => {
  it('starts at the first value and follows a constant exactly', () => {
    let state = oneEuroStep(null, 5, 0.033, IMAGE_ONE_EURO, 100);
    for (let i = 0; i < 10; i += 1) state = oneEuroStep(state, 5, 0.033, IMAGE_ONE_EURO, 100);
    expect(state.value).toBe(5);
  });
});

describe('smoothPose', () => {
  it('cuts jitter on a still person', () => {
    const random = seededRandom(1);
    const base = standingFront();
    const times = Array.from({ length: 90 }, (_, i) => i * FRAME_MS);
    const noisy = times.map(() => translatePose(base, (random() - 0.5) * 6, (random() - 0.5) * 6));
    const { outputs } = run(noisy, times);
    const rawSpread = spread(noisy.slice(30).map(hipX));
    const smoothSpread = spread(outputs.slice(30).map(hipX));
    expect(smoothSpread).toBeLessThan(rawSpread / 3);
  });

  it('follows a fast move with little lag, whatever the body size', () => {
    for (const scale of [0.5, 2]) {
      const base = scalePose(standingFront(), scale);
      const times = Array.from({ length: 30 }, (_, i) => i * FRAME_MS);
      // One torso length per second to the right.
      const torsoPxPerFrame = (120 * scale * FRAME_MS) / 1000;
      const moving = times.map((_, i) => translatePose(base, i * torsoPxPerFrame, 0));
      const { outputs } = run(moving, times);
      const lagTorsos = ((hipX(moving[29]) ?? 0) - (hipX(outputs[29]) ?? 0)) / (120 * scale);
      expect(lagTorsos).toBeGreaterThanOrEqual(0);
      expect(lagTorsos).toBeLessThan(0.06);
    }
  });

  it('settles soon after a move stops', () => {
    const base = standingFront();
    const times = Array.from({ length: 21 }, (_, i) => i * FRAME_MS);
    // Half a torso length over 0.5 s, then still for 160 ms.
    const poses = times.map((t) => translatePose(base, Math.min(t, 500) * 0.12, 0));
    const { outputs } = run(poses, times);
    const errorTorsos = Math.abs((hipX(poses[20]) ?? 0) - (hipX(outputs[20]) ?? 0)) / 120;
    expect(errorTorsos).toBeLessThan(0.01);
  });

  it('never mutates its input', () => {
    const pose = standingFront();
    const copy = structuredClone(pose);
    run([pose, translatePose(pose, 5, 5), pose], [0, 33, 66]);
    expect(pose).toEqual(copy);
  });

  it('restarts after a gap, a backwards timestamp, or no person', () => {
    const a = standingFront();
    const b = translatePose(a, 100, 0);
    expect(hipX(run([a, b], [0, SMOOTHING_MAX_GAP_MS + 1]).outputs[1])).toBe(hipX(b));
    expect(hipX(run([a, b], [1000, 500]).outputs[1])).toBe(hipX(b));
    expect(hipX(run([a, null, b], [0, 33, 66]).outputs[2])).toBe(hipX(b));
    expect(hipX(run([a, b], [0, 33]).outputs[1])).toBeLessThan(hipX(b) ?? 0);
  });

  it('returns the previous output for a repeated timestamp', () => {
    const a = standingFront();
    const { outputs } = run([a, translatePose(a, 5, 0), translatePose(a, 50, 0)], [0, 33, 33]);
    expect(outputs[2]).toBe(outputs[1]);
  });

  it('drops absent and NaN landmarks to null and restarts them when they return', () => {
    const a = plankSide();
    const withNaN: Pose = {
      ...a,
      landmarks: a.landmarks.map((p, i) => (i === HIP && p ? { ...p, x: Number.NaN } : p)),
    };
    const moved = translatePose(a, 40, 0);
    const { outputs } = run([a, withNaN, moved], [0, 33, 66]);
    expect(outputs[1]?.landmarks[HIP]).toBeNull();
    expect(hipX(outputs[2])).toBe(hipX(moved));
    expect(sanitisePose(withNaN).landmarks[HIP]).toBeNull();
  });

  it('never produces NaN from garbage poses and timestamps', () => {
    const random = seededRandom(9);
    let state = initialSmootherState();
    let t = 0;
    for (let i = 0; i < 3000; i += 1) {
      t = random() < 0.1 ? nastyNumber(random) : t + random() * 60;
      const pose = random() < 0.3 ? standingFront() : random() < 0.1 ? null : nastyPose(random);
      const step = smoothPose(state, pose, t);
      state = step.state;
      for (const p of step.pose?.landmarks ?? []) {
        if (p) expect([p.x, p.y, p.visibility].every(Number.isFinite)).toBe(true);
      }
      for (const p of step.pose?.worldLandmarks ?? []) {
        if (p) expect([p.x, p.y, p.z, p.visibility].every(Number.isFinite)).toBe(true);
      }
    }
  });
});

function spread(values: readonly (number | undefined)[]): number {
  const xs = values.filter((v): v is number => v !== undefined);
  return Math.max(...xs) - Math.min(...xs);
}

function scalePose(pose: Pose, factor: number): Pose {
  return {
    ...pose,
    landmarks: pose.landmarks.map((p) => (p ? { ...p, x: p.x * factor, y: p.y * factor } : null)),
  };
}
