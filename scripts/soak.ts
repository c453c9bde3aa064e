/**
 * npm run soak -- [--minutes 30] [--clip <file>] [--every 60]
 *
 * A long session of the real app (not in CI): Chromium's fake camera loops a real clip while the
 * app coaches glute bridges set after set. Every `--every` seconds it samples the page's JS heap
 * (CDP Runtime.getHeapUsage) and the memory of the page and of the pose worker as the browser
 * attributes it (performance.measureUserAgentSpecificMemory, available because the app is
 * cross-origin isolated; the worker's figure includes the model's WebAssembly memory), then prints
 * a table and the growth from the first sample to the last.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { FRAME_TO_SCREEN_MEASURE } from '../src/coach/perf-marks';
import { MAX_REPS, MAX_SETS } from '../src/coach/workout/plan';
import { testDataDir } from '../tests/support/testdata';
import { launchChromium } from './browser/chromium';
import { parseArgs } from './lib/args';
import { startPreview } from './lib/harness-session';
import { formatTable } from './lib/stats';
import { toY4m } from './lib/y4m';

/** One rep per 4 s loop: the coach has something to count all session long. */
const DEFAULT_CLIP = 'rendered/rendered_glute_bridge_01.mp4';
const CAMERA_FPS = 15;
const MB = 1024 * 1024;
/** Loading a model on a busy machine, in ms. */
const READY_TIMEOUT_MS = 120_000;

interface MemorySample {
  readonly minute: number;
  readonly pageHeapMb: number;
  readonly pageMb: number;
  readonly workerMb: number;
  readonly framesJudged: number;
  readonly phase: string;
}

interface UaMemoryBreakdown {
  readonly bytes: number;
  readonly attribution: readonly { readonly scope: string }[];
}

/** The page's and the worker's memory as the browser attributes it, in bytes. */
function uaMemory(page: Page): Promise<{ page: number; worker: number }> {
  return page.evaluate(async () => {
    const measure = (
      performance as unknown as {
        measureUserAgentSpecificMemory?: () => Promise<{
          breakdown: UaMemoryBreakdown[];
        }>;
      }
    ).measureUserAgentSpecificMemory;
    if (!measure) return { page: Number.NaN, worker: Number.NaN };
    const result = await measure.call(performance);
    let pageBytes = 0;
    let workerBytes = 0;
    for (const entry of result.breakdown) {
      const scopes = entry.attribution.map((a) => a.scope);
      if (scopes.includes('DedicatedWorkerGlobalScope')) workerBytes += entry.bytes;
      else if (scopes.includes('Window')) pageBytes += entry.bytes;
    }
    return { page: pageBytes, worker: workerBytes };
  });
}

/** Starts a workout of as many bridges as the plan allows. */
async function startWorkout(page: Page): Promise<void> {
  await page.getByTestId('exercise-glute-bridge').check();
  await page.getByTestId('plan-sets').fill(String(MAX_SETS));
  await page.getByTestId('plan-reps').fill(String(MAX_REPS));
  await page.getByTestId('start-workout').click();
}

/** Keeps the session going: skips rests and starts a new workout when one is done. */
async function keepGoing(page: Page): Promise<string> {
  const phase = (await page.getByTestId('coach-panel').getAttribute('data-phase')) ?? 'idle';
  if (phase === 'resting') await page.getByTestId('skip-rest-button').click();
  if (phase === 'finished') {
    await page.getByTestId('new-workout-button').click();
    await startWorkout(page);
  }
  return phase;
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const minutes = Number(options.get('minutes') ?? 30);
  const everySeconds = Number(options.get('every') ?? 60);
  const dataDir = testDataDir();
  const clip = options.get('clip') ?? (dataDir ? path.join(dataDir, DEFAULT_CLIP) : null);
  if (!clip)
    throw new Error('No clip for the camera: pass --clip <file> or provide the test data.');
  const workDir = mkdtempSync(path.join(tmpdir(), 'plumbline-soak-'));
  const { server, address } = await startPreview();
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${toY4m(clip, path.join(workDir, 'camera.y4m'), CAMERA_FPS)}`,
    // Answers measureUserAgentSpecificMemory at once instead of at the next natural GC.
    '--enable-blink-features=ForceEagerMeasureMemory',
  ]);
  const samples: MemorySample[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
    const cdp = await page.context().newCDPSession(page);
    await page.goto(address);
    await page.getByTestId('status').filter({ hasText: /ready/ }).waitFor({
      timeout: READY_TIMEOUT_MS,
    });
    await startWorkout(page);
    console.error(`soaking for ${String(minutes)} min, a sample every ${String(everySeconds)} s…`);
    const startedAt = Date.now();
    const endAt = startedAt + minutes * 60_000;
    for (;;) {
      const phase = await keepGoing(page);
      const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      const ua = await uaMemory(page);
      // Frames drawn since the last sample; the measures are cleared so the count starts afresh.
      const framesJudged = await page.evaluate((name) => {
        const count = performance.getEntriesByName(name).length;
        performance.clearMeasures(name);
        return count;
      }, FRAME_TO_SCREEN_MEASURE);
      const sample: MemorySample = {
        minute: (Date.now() - startedAt) / 60_000,
        pageHeapMb: heap.usedSize / MB,
        pageMb: ua.page / MB,
        workerMb: ua.worker / MB,
        framesJudged,
        phase,
      };
      samples.push(sample);
      console.error(
        `  ${sample.minute.toFixed(1)} min: page heap ${sample.pageHeapMb.toFixed(1)} MB, worker ${sample.workerMb.toFixed(1)} MB`,
      );
      if (Date.now() >= endAt) break;
      await page.waitForTimeout(Math.min(everySeconds * 1000, endAt - Date.now()));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }

  const mb = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
  console.log(
    `\nsoak: ${path.basename(clip)} through the fake camera, glute bridges, ${String(minutes)} min\n`,
  );
  console.log(
    formatTable(
      ['minute', 'page JS heap MB', 'page MB', 'worker MB', 'frames judged', 'phase'],
      samples.map((s) => [
        s.minute.toFixed(1),
        mb(s.pageHeapMb),
        mb(s.pageMb),
        mb(s.workerMb),
        String(s.framesJudged),
        s.phase,
      ]),
    ),
  );
  const first = samples[0];
  const last = samples.at(-1);
  if (first && last && last !== first) {
    const span = last.minute - first.minute;
    const growth = (key: 'pageHeapMb' | 'pageMb' | 'workerMb'): string => {
      const delta = last[key] - first[key];
      return `${delta >= 0 ? '+' : ''}${mb(delta)} MB (${mb(delta / span)} MB/min)`;
    };
    console.log(
      `\ngrowth over ${span.toFixed(1)} min: page JS heap ${growth('pageHeapMb')}, page ${growth('pageMb')}, worker ${growth('workerMb')}`,
    );
  }
}

await main();
