import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseRecording } from '../../src/pose/recording';
import { whenMissing } from './testdata';

/** Landmarks recorded from the test data (docs/testing.md) with `npm run record` (numbers only, no media). */
export const LANDMARK_FIXTURES_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/landmarks',
);

export type FixtureEngine = 'mediapipe-full' | 'mediapipe-lite' | 'movenet-lightning';

/** Each fixture parsed once per test file: the audits judge every one of them dozens of times. */
const loaded = new Map<string, PoseRecording>();

/** Frozen all the way down, so a test that changed a shared recording would throw, not leak. */
function deepFrozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFrozen(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The recording of one test-data file, e.g. `loadRecording('plank/plank_sagging_01.jpg')`: one
 * frozen object per file, shared by every caller (reshape it into a new one to change it).
 */
export function loadRecording(
  testDataFile: string,
  engine: FixtureEngine = 'mediapipe-full',
): PoseRecording {
  const parsed = path.parse(testDataFile);
  const file = path.join(LANDMARK_FIXTURES_DIR, engine, parsed.dir, `${parsed.name}.json`);
  const cached = loaded.get(file);
  if (cached) return cached;
  if (!existsSync(file)) throw new Error(`No landmark fixture for ${testDataFile} at ${file}`);
  const recording = JSON.parse(readFileSync(file, 'utf8')) as PoseRecording;
  if (!Array.isArray(recording.frames)) throw new Error(`${file} is not a pose recording`);
  loaded.set(file, deepFrozen(recording));
  return recording;
}

/** Test-data files (relative, like labels.csv) that have a recording for this engine. */
export function recordedFiles(engine: FixtureEngine = 'mediapipe-full'): string[] {
  const root = path.join(LANDMARK_FIXTURES_DIR, engine);
  if (!existsSync(root)) return whenMissing(`The landmark fixtures of ${engine}`, []);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''));
}
