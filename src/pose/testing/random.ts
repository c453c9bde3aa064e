import { LANDMARK_COUNT } from '../landmarks';
import type { ImageLandmark, Pose } from '../pose';

/** A seeded PRNG (mulberry32): property tests are random but repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  0,
  -0,
  -1,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** A number that is often ordinary (0-1000) and sometimes NaN, infinite, huge or negative. */
export function nastyNumber(random: () => number): number {
  if (random() < 0.3) return NASTY_NUMBERS[Math.floor(random() * NASTY_NUMBERS.length)] ?? 0;
  return random() * 1000 - 100;
}

function nastyLandmark(random: () => number): ImageLandmark | null {
  if (random() < 0.2) return null;
  return {
    x: nastyNumber(random),
    y: nastyNumber(random),
    z: random() < 0.5 ? null : nastyNumber(random),
    visibility: random() < 0.8 ? random() : nastyNumber(random),
  };
}

/** A pose full of garbage: absent, NaN, infinite, off-image landmarks; sometimes short arrays. */
export function nastyPose(random: () => number): Pose {
  const count = random() < 0.1 ? Math.floor(random() * LANDMARK_COUNT) : LANDMARK_COUNT;
  const landmarks = Array.from({ length: count }, () => nastyLandmark(random));
  const worldLandmarks =
    random() < 0.5
      ? null
      : Array.from({ length: count }, () => {
          const point = nastyLandmark(random);
          return point ? { ...point, z: nastyNumber(random) } : null;
        });
  return { landmarks, worldLandmarks, score: nastyNumber(random) };
}
