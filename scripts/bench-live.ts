/**
 * The live half of `npm run bench`: the real app in Chromium with a fake camera playing a real
 * clip, coaching a plank for a fixed time. Prints, from one run: the time from a frame's capture
 * to its verdict drawn on screen (p50, p95) and the main thread's long tasks (over 50 ms).
 *
 * npm run bench -- [--live-clip <file>] [--seconds 60]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FRAME_TO_SCREEN_MEASURE } from '../src/coach/perf-marks';
import { launchChromium } from './browser/chromium';
import { parseArgs } from './lib/args';
import { startPreview } from './lib/harness-session';
import { formatTable, median, percentile } from './lib/stats';
import { toY4m } from './lib/y4m';
import { testDataDir } from '../tests/support/testdata';

/** Piked hips: the plank checker cues it, so frames go all the way to a cue on screen. */
const DEFAULT_CLIP = 'plank/plank_hipshigh_video_01.mp4';
/** A laptop camera's usual rate: faster than the model, so frames must be dropped, not queued. */
const CAMERA_FPS = 30;
/** The long-task threshold of the Long Tasks API: a frame the person can feel. */
const LONG_TASK_MS = 50;

declare global {
  interface Window {
    longTaskMs?: number[];
  }
}

/** Runs before the app: collects every long task on the page's main thread. */
function watchLongTasks(): void {
  const durations: number[] = [];
  window.longTaskMs = durations;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const dataDir = testDataDir();
  const clip = options.get('live-clip') ?? (dataDir ? path.join(dataDir, DEFAULT_CLIP) : null);
  if (!clip)
    throw new Error('No clip for the camera: pass --live-clip <file> or provide the test data.');
  const seconds = Number(options.get('seconds') ?? 60);
  const workDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-'));
  const { server, address } = await startPreview();
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${toY4m(clip, path.join(workDir, 'camera.y4m'), CAMERA_FPS)}`,
  ]);
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    await page.addInitScript(watchLongTasks);
    await page.goto(address);
    await page.getByTestId('status').filter({ hasText: /ready/ }).waitFor({ timeout: 120_000 });
    await page.getByTestId('exercise-plank').check();
    await page.getByTestId('start-workout').click();
    await page
      .locator('[data-testid="coach-panel"][data-phase="counting"]')
      .waitFor({ timeout: 120_000 });
    // Measure the set itself, not the model load and the placement before it.
    await page.evaluate(() => {
      performance.clearMeasures();
      window.longTaskMs?.splice(0);
    });
    await page.waitForTimeout(seconds * 1000);
    const { latencies, longTasks } = await page.evaluate((measure) => {
      return {
        latencies: performance.getEntriesByName(measure).map((entry) => entry.duration),
        longTasks: [...(window.longTaskMs ?? [])],
      };
    }, FRAME_TO_SCREEN_MEASURE);
    const over = longTasks.filter((duration) => duration > LONG_TASK_MS);
    console.log(
      `\nlive session: ${path.basename(clip)} at ${CAMERA_FPS} fps through the fake camera, plank, ${seconds} s of counting\n`,
    );
    console.log(
      formatTable(
        [
          'frames judged',
          'judged per s',
          'capture-to-screen p50 ms',
          'p95 ms',
          'long tasks > 50 ms',
          'longest ms',
        ],
        [
          [
            String(latencies.length),
            (latencies.length / seconds).toFixed(1),
            median(latencies).toFixed(1),
            percentile(latencies, 0.95).toFixed(1),
            String(over.length),
            over.length > 0 ? Math.max(...over).toFixed(0) : '0',
          ],
        ],
      ),
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
