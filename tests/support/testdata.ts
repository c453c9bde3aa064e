import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * The folder of real photos and clips (never committed): PLUMBLINE_TESTDATA, or ../shared/testdata
 * beside the repository. Returns null when it is missing, after saying so loudly; when
 * PLUMBLINE_REQUIRE_TESTDATA is set (CI sets it), a missing folder is an error instead.
 */
export function testDataDir(): string | null {
  const dir = path.resolve(REPO_ROOT, process.env.PLUMBLINE_TESTDATA ?? '../shared/testdata');
  if (existsSync(path.join(dir, 'labels.csv'))) return dir;
  const message = `Test data not found at ${dir} (set PLUMBLINE_TESTDATA to the folder with labels.csv).`;
  if (process.env.PLUMBLINE_REQUIRE_TESTDATA) throw new Error(message);
  console.warn(`\n!!! SKIPPING real-data tests: ${message}\n`);
  return null;
}

/**
 * Whether ffmpeg runs here (tests make fake-camera videos and test copies with it); false, so the
 * test can skip, when it does not, unless PLUMBLINE_REQUIRE_TESTDATA makes that an error.
 */
export function ffmpegFound(): boolean {
  return spawnSync('ffmpeg', ['-version']).status === 0 || whenMissing('ffmpeg', false);
}

/**
 * What a real-data test gets when `what` (a clip, a fixture folder, ffmpeg) is missing, so it can
 * skip: `absent`. With PLUMBLINE_REQUIRE_TESTDATA set it throws instead, so the test fails.
 */
export function whenMissing<T>(what: string, absent: T): T {
  const message = `${what} is missing, so a real-data test would skip.`;
  if (process.env.PLUMBLINE_REQUIRE_TESTDATA)
    throw new Error(`${message} PLUMBLINE_REQUIRE_TESTDATA is set.`);
  return absent;
}
