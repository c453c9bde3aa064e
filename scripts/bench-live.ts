/**
 * The live half of `npm run bench`: two pages in Chromium with the same fake camera playing the
 * same real clip, coaching a plank with the same model, one after the other:
 *
 * - the app as it is: the pose model in its worker (src/workers), the page drawing;
 * - the main-thread design (bench-main-thread.html, src/harness/main-thread.ts): the model called
 *   on the page's thread each animation frame, as the MediaPipe samples and ExerSights do.
 *
 * For each, over the same measured window: the main thread's busy time per camera frame (from a
 * Chromium trace, scripts/lib/main-thread-trace.ts) in its first half, the page's animation
 * frames per second in its second half, long tasks and long animation frames (over 50 ms), frames
 * judged per second, capture-to-screen p50 and p95 over all of it; then the start-up times
 * (opening to "ready", "Start" to the first skeleton drawn) and the size of the app's scripts
 * against the 300 kB budget. The halves keep the frame counter out of the busy time: a
 * requestAnimationFrame loop makes Chromium commit a frame 60 times a second, 30-36 ms a second of
 * the main thread on a blank page here, which is a third of the app's own.
 *
 * npm run bench -- [--live-clip <file>] [--seconds 60] [--model full|lite]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { FRAME_TO_SCREEN_MEASURE } from '../src/coach/perf-marks';
import { DEFAULT_SETTINGS, SETTINGS_KEY, serialiseSettings } from '../src/coach/settings';
import { DEFAULT_ENGINE } from '../src/coach/engine-choices';
import type { MediaPipeModel } from '../src/pose/pose';
import { launchChromium } from './browser/chromium';
import { parseArgs } from './lib/args';
import { appScriptSizes, budgetLine, kilobytes } from './lib/bundle-size';
import { startPreview } from './lib/harness-session';
import { BUSY_TRACE_CATEGORIES, mainThreadBusyMs } from './lib/main-thread-trace';
import { formatTable, median, percentile } from './lib/stats';
import { toY4m } from './lib/y4m';
import { testDataDir } from '../tests/support/testdata';

/** Piked hips: the plank checker cues it, so frames go all the way to a cue on screen. */
const DEFAULT_CLIP = 'plank/plank_hipshigh_video_01.mp4';
/** A laptop camera's usual rate: faster than the model, so frames must be dropped, not queued. */
const CAMERA_FPS = 30;
/** The long-task threshold of the Long Tasks API: a frame the person can feel. */
const LONG_TASK_MS = 50;
/** Issue #15: the app's main thread busy at most a tenth of the main-thread design's. */
const BUSY_RATIO_GOAL = 0.1;
/** The main-thread page has no placement phase: its first seconds (graph warm-up) are skipped. */
const MAIN_THREAD_WARMUP_MS = 5000;
const LOAD_TIMEOUT_MS = 180_000;

interface PageWatch {
  readonly longTaskMs: number[];
  readonly loafMs: number[];
  readonly loafBlockingMs: number[];
  animationFrames: number;
  /** Starts counting animation frames (a requestAnimationFrame loop); off until then. */
  countFrames: () => void;
  /** performance.now() when the status first said "ready" (0 = the page's navigation start). */
  readyMs: number | null;
  /** performance.now() of the first click on the start button. */
  startClickMs: number | null;
}

declare global {
  interface Window {
    plumblineBench?: PageWatch;
  }
}

/** Runs before each page's own scripts: the observers and the animation-frame counter. */
function watchPage(): void {
  const watch: PageWatch = {
    longTaskMs: [],
    loafMs: [],
    loafBlockingMs: [],
    animationFrames: 0,
    countFrames: () => {
      const count = (): void => {
        watch.animationFrames++;
        requestAnimationFrame(count);
      };
      requestAnimationFrame(count);
    },
    readyMs: null,
    startClickMs: null,
  };
  window.plumblineBench = watch;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) watch.longTaskMs.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      watch.loafMs.push(entry.duration);
      watch.loafBlockingMs.push(
        (entry as PerformanceEntry & { blockingDuration: number }).blockingDuration,
      );
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
  new MutationObserver(() => {
    if (watch.readyMs !== null) return;
    const status = document.querySelector('[data-testid="status"]')?.textContent ?? '';
    if (/ready/.test(status)) watch.readyMs = performance.now();
  }).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener(
    'click',
    (event) => {
      if (
        event.target instanceof Element &&
        event.target.closest('[data-testid="start-workout"]')
      ) {
        watch.startClickMs ??= performance.now();
      }
    },
    true,
  );
}

interface Design {
  readonly name: string;
  /** Opens the page, starts the camera and waits until it coaches; from here it is measured. */
  readonly open: (page: Page, address: string) => Promise<void>;
}

function designs(model: MediaPipeModel): Design[] {
  return [
    {
      name: 'app (model in its worker)',
      open: async (page, address) => {
        // The model fixed by hand, not Auto, so both designs run the same one throughout.
        const settings = serialiseSettings({
          ...DEFAULT_SETTINGS,
          autoEngine: false,
          engine: { engine: 'mediapipe', model },
        });
        await page.addInitScript(
          ([key, value]) => {
            localStorage.setItem(key, value);
          },
          [SETTINGS_KEY, settings] as const,
        );
        await page.goto(address);
        await page
          .getByTestId('status')
          .filter({ hasText: /ready/ })
          .waitFor({ timeout: LOAD_TIMEOUT_MS });
        await page.getByTestId('exercise-plank').check();
        await page.getByTestId('start-workout').click();
        // Measure the set itself, not the placement before it.
        await page
          .locator('[data-testid="coach-panel"][data-phase="counting"]')
          .waitFor({ timeout: LOAD_TIMEOUT_MS });
      },
    },
    {
      name: 'main thread (detectForVideo each frame)',
      open: async (page, address) => {
        await page.goto(
          new URL(`bench-main-thread.html?model=${model}&exercise=plank`, address).href,
        );
        await page
          .getByTestId('status')
          .filter({ hasText: /ready/ })
          .waitFor({ timeout: LOAD_TIMEOUT_MS });
        await page.getByTestId('start-workout').click();
        await page.waitForFunction(
          (measure) => performance.getEntriesByName(measure).length > 0,
          FRAME_TO_SCREEN_MEASURE,
          { timeout: LOAD_TIMEOUT_MS },
        );
        await page.waitForTimeout(MAIN_THREAD_WARMUP_MS);
      },
    },
  ];
}

interface LiveResult {
  readonly design: string;
  readonly seconds: number;
  /** The traced first half of the window, and the main thread's busy time and results in it. */
  readonly busySeconds: number;
  readonly busyMs: number;
  readonly judgedWhileBusyTraced: number;
  /** Animation frames counted over the second half (`countedSeconds`). */
  readonly countedSeconds: number;
  readonly animationFrames: number;
  readonly latenciesMs: readonly number[];
  readonly longTaskMs: readonly number[];
  readonly loafMs: readonly number[];
  readonly loafBlockingMs: readonly number[];
  readonly openToReadyMs: number | null;
  readonly startToFirstSkeletonMs: number | null;
  /** Paths of the scripts the page and its workers asked for, from opening to the end. */
  readonly scriptsLoaded: readonly string[];
}

async function measure(
  browser: Browser,
  address: string,
  design: Design,
  seconds: number,
): Promise<LiveResult> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } });
  const scripts = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith('.js')) scripts.add(url.pathname.slice(1));
  });
  try {
    // tsx compiles this script keeping function names (`__name(fn, "name")` calls), which the
    // page does not define: a no-op stand-in lets watchPage's inner functions run there.
    await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await page.addInitScript(watchPage);
    await design.open(page, address);
    const startup = await page.evaluate((measureName) => {
      const watch = window.plumblineBench;
      if (!watch) throw new Error('The page watch did not run.');
      const clickMs = watch.startClickMs;
      const first = performance
        .getEntriesByName(measureName)
        .find((entry) => clickMs !== null && entry.startTime >= clickMs);
      return {
        openToReadyMs: watch.readyMs,
        startToFirstSkeletonMs:
          first && clickMs !== null ? first.startTime + first.duration - clickMs : null,
      };
    }, FRAME_TO_SCREEN_MEASURE);
    await browser.startTracing(page, { categories: BUSY_TRACE_CATEGORIES });
    const startedMs = await page.evaluate(() => {
      const watch = window.plumblineBench;
      if (!watch) throw new Error('The page watch did not run.');
      performance.clearMeasures();
      for (const list of [watch.longTaskMs, watch.loafMs, watch.loafBlockingMs]) list.splice(0);
      return performance.now();
    });
    await page.waitForTimeout((seconds * 1000) / 2);
    const trace = await browser.stopTracing();
    const half = await page.evaluate(
      ([measureName, from]) => {
        const watch = window.plumblineBench;
        if (!watch) throw new Error('The page watch did not run.');
        watch.countFrames();
        return {
          elapsedMs: performance.now() - from,
          judged: performance.getEntriesByName(measureName).length,
        };
      },
      [FRAME_TO_SCREEN_MEASURE, startedMs] as const,
    );
    await page.waitForTimeout((seconds * 1000) / 2);
    const window_ = await page.evaluate(
      ([measureName, from]) => {
        const watch = window.plumblineBench;
        if (!watch) throw new Error('The page watch did not run.');
        return {
          elapsedMs: performance.now() - from,
          latenciesMs: performance.getEntriesByName(measureName).map((entry) => entry.duration),
          longTaskMs: [...watch.longTaskMs],
          loafMs: [...watch.loafMs],
          loafBlockingMs: [...watch.loafBlockingMs],
          animationFrames: watch.animationFrames,
        };
      },
      [FRAME_TO_SCREEN_MEASURE, startedMs] as const,
    );
    return {
      design: design.name,
      seconds: window_.elapsedMs / 1000,
      busySeconds: half.elapsedMs / 1000,
      busyMs: mainThreadBusyMs(trace.toString('utf8')),
      judgedWhileBusyTraced: half.judged,
      countedSeconds: (window_.elapsedMs - half.elapsedMs) / 1000,
      animationFrames: window_.animationFrames,
      latenciesMs: window_.latenciesMs,
      longTaskMs: window_.longTaskMs,
      loafMs: window_.loafMs,
      loafBlockingMs: window_.loafBlockingMs,
      ...startup,
      scriptsLoaded: [...scripts].sort(),
    };
  } finally {
    await page.close();
  }
}

const fixed = (value: number, digits = 1): string =>
  Number.isFinite(value) ? value.toFixed(digits) : '-';
const seconds = (ms: number | null): string => (ms === null ? '-' : (ms / 1000).toFixed(1));

function busyPerCameraFrame(result: LiveResult): number {
  return result.busyMs / (result.busySeconds * CAMERA_FPS);
}

function report(results: readonly LiveResult[], clip: string, model: MediaPipeModel): void {
  console.log(
    `\nlive: ${path.basename(clip)} at ${CAMERA_FPS} fps through the fake camera, plank, MediaPipe ${model} (CPU) in both, ${fixed(results[0]?.seconds ?? 0, 0)} s measured each: main-thread busy over the first half, animation frames over the second (a frame counter running; it would add its own 60 commits a second to the busy time), the rest over both\n`,
  );
  console.log(
    formatTable(
      [
        'design',
        'main-thread busy ms / camera frame',
        'busy ms / judged frame',
        'busy %',
        'animation frames / s',
        `long tasks > ${LONG_TASK_MS} ms`,
        'longest ms',
        'long animation frames (blocking ms)',
        'judged / s',
        'capture-to-screen p50 ms',
        'p95 ms',
      ],
      results.map((result) => {
        const over = result.longTaskMs.filter((duration) => duration > LONG_TASK_MS);
        const blocking = result.loafBlockingMs.reduce((sum, value) => sum + value, 0);
        return [
          result.design,
          fixed(busyPerCameraFrame(result)),
          fixed(result.busyMs / result.judgedWhileBusyTraced),
          fixed((100 * result.busyMs) / (result.busySeconds * 1000), 0),
          fixed(result.animationFrames / result.countedSeconds),
          String(over.length),
          over.length > 0 ? fixed(Math.max(...over), 0) : '0',
          `${result.loafMs.length} (${fixed(blocking, 0)})`,
          fixed(result.latenciesMs.length / result.seconds),
          fixed(median(result.latenciesMs)),
          fixed(percentile(result.latenciesMs, 0.95)),
        ];
      }),
    ),
  );
  const [app, mainThread] = results;
  if (app && mainThread) {
    const ratio = busyPerCameraFrame(app) / busyPerCameraFrame(mainThread);
    console.log(
      `\nmain-thread busy, app / main-thread design: ${fixed(ratio, 3)} (goal <= ${BUSY_RATIO_GOAL}: ${ratio <= BUSY_RATIO_GOAL ? 'met' : 'NOT met'})`,
    );
  }
  console.log(
    '\nstart-up (from the page watch: status "ready", start click, first analysed frame drawn)\n',
  );
  console.log(
    formatTable(
      ['design', 'opening to "ready" s', '"Start" to the first skeleton s'],
      results.map((result) => [
        result.design,
        seconds(result.openToReadyMs),
        seconds(result.startToFirstSkeletonMs),
      ]),
    ),
  );
  const sizes = appScriptSizes('dist');
  const total = (names: ReadonlySet<string> | null): number =>
    sizes
      .filter((size) => names === null || names.has(size.fileName))
      .reduce((sum, size) => sum + size.gzipBytes, 0);
  const firstVisit = new Set(sizes.filter((size) => size.firstVisit).map((size) => size.fileName));
  console.log(
    "\nthe app's own JavaScript (no models, no wasm runtimes; `npm run size` lists the files)\n",
  );
  console.log(budgetLine('a first visit (stored for offline use)', total(firstVisit)));
  console.log(`every script the app can load: ${kilobytes(total(null))} kB gzip`);
  if (app) {
    console.log(
      budgetLine(
        `loaded in the run above (page, pose worker, MediaPipe; ${app.scriptsLoaded.filter((name) => name.startsWith('assets/')).length} files)`,
        total(new Set(app.scriptsLoaded)),
      ),
    );
  }
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const dataDir = testDataDir();
  const clip = options.get('live-clip') ?? (dataDir ? path.join(dataDir, DEFAULT_CLIP) : null);
  if (!clip)
    throw new Error('No clip for the camera: pass --live-clip <file> or provide the test data.');
  const measuredSeconds = Number(options.get('seconds') ?? 60);
  const model =
    options.get('model') ?? (DEFAULT_ENGINE.engine === 'mediapipe' ? DEFAULT_ENGINE.model : 'full');
  if (model !== 'lite' && model !== 'full' && model !== 'heavy') {
    throw new Error('--model is lite, full or heavy (MediaPipe: the main-thread page runs it).');
  }
  const workDir = mkdtempSync(path.join(tmpdir(), 'plumbline-bench-'));
  const { server, address } = await startPreview();
  const browser = await launchChromium([
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${toY4m(clip, path.join(workDir, 'camera.y4m'), CAMERA_FPS)}`,
  ]);
  try {
    const results: LiveResult[] = [];
    for (const design of designs(model)) {
      console.error(`live: ${design.name}…`);
      results.push(await measure(browser, address, design, measuredSeconds));
    }
    report(results, clip, model);
    const out = 'artifacts/bench-live.json';
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      `${JSON.stringify({ clip: path.basename(clip), model, results }, null, 2)}\n`,
    );
    console.log(`\nwrote ${out}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
