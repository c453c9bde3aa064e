/**
 * "Frames never leave this device", proven in a real Chromium on the built app: both engines load
 * and run (harness page and the live camera on the main page) and no request goes anywhere but the
 * app's own origin. Requests are watched twice: by Playwright, which sees the page's and the pose
 * worker's requests (checked below: the model files, fetched only in the worker, must be seen), and
 * by a recording proxy that every off-device request from the browser context must pass through.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import type { Browser, BrowserContext, Page, Worker } from '@playwright/test';
import { chromiumLaunchOptions } from '../../scripts/browser/chromium';
import { localUrl, serveLocalFiles } from '../../scripts/lib/harness-session';
import type { EngineModel } from '../../src/pose/pose';
import { testDataDir } from '../support/testdata';
import { STEADY_REP_CLIP, chooseExercise, fakeVideo } from './support/workout-page';

const MEDIAPIPE_FULL: EngineModel = { engine: 'mediapipe', model: 'full' };
const MOVENET_LIGHTNING: EngineModel = { engine: 'movenet', model: 'lightning' };
const ENGINES: readonly EngineModel[] = [MEDIAPIPE_FULL, MOVENET_LIGHTNING];
const PHOTO = 'plank/plank_good_forearm_01.jpg';
/** The whole-session test: a set counted from this clip, a posture check on this photo. */
const POSTURE_PHOTO = 'standing_posture/standing_posture_neutral_front_02.jpg';
/** Reps from the looping clip on a busy machine, in ms. */
const REPS_MS = 90_000;
/** The endpoint tasks-vision 1.1.0 posts its usage log to (docs/models.md; in vision_bundle.mjs). */
const TELEMETRY_URL = 'https://odml.pa.googleapis.com/v1/log';
/** Files that only the pose worker fetches: seeing them proves worker requests are watched. */
const WORKER_FETCHES: Readonly<Record<EngineModel['engine'], readonly string[]>> = {
  mediapipe: [
    '/models/pose_landmarker_full.task',
    '/wasm/mediapipe/vision_wasm_module_internal.js',
    '/wasm/mediapipe/vision_wasm_module_internal.wasm',
  ],
  movenet: ['/models/movenet-lightning.json', '/models/movenet-lightning.bin'],
};
/** Schemes that name data already in the browser: nothing is sent anywhere for them. */
const LOCAL_SCHEMES = new Set(['blob:', 'data:']);
const FAKE_CAMERA = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];
/**
 * Chromium's own autofill service asks content-autofill.googleapis.com about any page with form
 * fields, through the page's network context: the browser's doing, not the app's (Playwright saw
 * no such request from the page or the worker), and users can turn it off. Off here so the proxy
 * sees only what the app itself could cause.
 */
const NO_BROWSER_AUTOFILL_QUERIES = `--disable-features=${[
  'AutofillServerCommunication',
  // Chromium keeps only the last --disable-features, so Playwright's own list is repeated here
  // (playwright-core chromiumSwitches). Without it Chromium 150 preconnects to its search engine and
  // asks www.google.com about "AI mode" from the page's network context on every start.
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
].join(',')}`;
/** Loading a model on two busy cores, in ms (docs/models.md: 0.2-1.4 s, busy machines much longer). */
const ENGINE_READY_MS = 90_000;
/** Long enough for dozens of camera frames through the worker at 50-250 ms a frame. */
const CAMERA_RUN_MS = 4_000;
/** The usage log is sent from close() without waiting; this covers the round trip, in ms. */
const FLUSH_WAIT_MS = 10_000;
/** A host that cannot exist (RFC 2606): the canary that shows the proxy sees what leaves. */
const CANARY_URL = 'http://plumbline-canary.invalid/';

/**
 * An HTTP proxy that refuses everything and writes down what it was asked for. The context sends
 * all its traffic here except to the app's own origin (bypassed), so anything recorded had left
 * the device. Per-context, so Chromium's own background calls (component updates, sign-in) do not
 * count: they are the browser's, not the app's.
 */
async function startRecordingProxy(): Promise<{
  readonly server: string;
  readonly asked: readonly string[];
  close(): Promise<void>;
}> {
  const asked: string[] = [];
  const proxy = http.createServer((request, response) => {
    asked.push(`${request.method ?? '?'} ${request.url ?? '?'}`);
    response.writeHead(403).end();
  });
  proxy.on('connect', (request: http.IncomingMessage, socket: NodeJS.WritableStream) => {
    asked.push(`CONNECT ${request.url ?? '?'}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    server: `http://127.0.0.1:${port}`,
    asked,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.close(() => {
          resolve();
        });
      }),
  };
}

/** What this test writes down inside a page or a worker. */
type Recorder = typeof globalThis & {
  plumblineCspViolations?: string[];
  plumblineFetches?: string[];
};

/** Records securitypolicyviolation events in a page or a worker, as "directive blocked-uri". */
function recordCspViolations(): void {
  const scope = globalThis as Recorder;
  const violations: string[] = [];
  scope.plumblineCspViolations = violations;
  scope.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
  });
}

interface Watched {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly origin: string;
  /** Every request Playwright saw, page or worker, as "url". */
  readonly requests: string[];
  /** Requests to anywhere but the app's origin, with how they ended. */
  readonly offOrigin: string[];
  /** What reached the recording proxy, i.e. left the device. */
  readonly proxied: readonly string[];
  /** Console errors about the Content Security Policy, page or worker. */
  readonly cspConsole: string[];
  /** CSP violation events from the page and every worker, read by `cspViolations()`. */
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

async function openWatched(baseURL: string | undefined, extraArgs: readonly string[] = []) {
  if (!baseURL) throw new Error('baseURL is not set (playwright.config.ts)');
  const origin = new URL(baseURL).origin;
  const proxy = await startRecordingProxy();
  const browser = await chromium.launch(
    chromiumLaunchOptions([...extraArgs, NO_BROWSER_AUTOFILL_QUERIES]),
  );
  const context = await browser.newContext({
    baseURL,
    proxy: { server: proxy.server, bypass: new URL(baseURL).host },
  });
  const requests: string[] = [];
  const offOrigin: string[] = [];
  const cspConsole: string[] = [];
  const isLocal = (url: string): boolean => {
    const parsed = new URL(url);
    return LOCAL_SCHEMES.has(parsed.protocol) || parsed.origin === origin;
  };
  context.on('request', (request) => {
    requests.push(request.url());
    if (!isLocal(request.url())) offOrigin.push(`${request.method()} ${request.url()}`);
  });
  context.on('requestfailed', (request) => {
    if (!isLocal(request.url())) {
      offOrigin.push(`failed (${request.failure()?.errorText ?? '?'}): ${request.url()}`);
    }
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspConsole.push(message.text());
  });
  const workers: Worker[] = [];
  context.on('page', (page) => {
    page.on('worker', (worker) => {
      workers.push(worker);
      // As early as Playwright can: the worker may have started loading already.
      worker.evaluate(recordCspViolations).catch(() => undefined);
    });
  });
  await context.addInitScript(recordCspViolations);
  const page = await context.newPage();
  await serveLocalFiles(page);
  return {
    browser,
    context,
    page,
    origin,
    requests,
    offOrigin,
    get proxied() {
      return proxy.asked;
    },
    cspConsole,
    async cspViolations() {
      const found: string[] = [];
      const read = () => (globalThis as Recorder).plumblineCspViolations ?? [];
      for (const open of context.pages()) found.push(...(await open.evaluate(read)));
      for (const worker of workers) found.push(...(await worker.evaluate(read).catch(() => [])));
      return found;
    },
    async close() {
      await browser.close();
      await proxy.close();
    },
  } satisfies Watched;
}

/** A real photo when the test data is there, else a plain picture drawn in the page. */
async function photoUrl(page: Page): Promise<string> {
  const dir = testDataDir();
  if (dir) return localUrl(path.join(dir, PHOTO));
  return page.evaluate(async () => {
    const canvas = new OffscreenCanvas(640, 480);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#d8d2c4';
    context.fillRect(0, 0, 640, 480);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return `${URL.createObjectURL(blob)}#plain.png`;
  });
}

async function openHarness(page: Page): Promise<void> {
  await page.goto('/harness.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

async function recordWith(page: Page, url: string, engine: EngineModel): Promise<number> {
  return page.evaluate(
    async ([fileUrl, config]) => {
      if (!window.plumbline) throw new Error('The harness page has not loaded.');
      return (await window.plumbline.record(fileUrl, config)).frames.length;
    },
    [url, engine] as const,
  );
}

function poseWorker(page: Page): Worker {
  const worker = page.workers().find((candidate) => candidate.url().includes('pose.worker'));
  if (!worker) throw new Error('The pose worker is not running.');
  return worker;
}

async function waitForEngine(page: Page): Promise<void> {
  await expect(page.getByTestId('status')).toHaveAttribute('data-tone', 'ok', {
    timeout: ENGINE_READY_MS,
  });
  await expect(page.getByTestId('status')).toContainText(/ready|Camera on/);
}

/** Waits until the camera has sent frames through the engine, then lets it run a while. */
async function runCamera(page: Page): Promise<void> {
  await expect(page.getByTestId('frame-time')).toHaveAttribute('data-ms', /^\d+(\.\d+)?$/, {
    timeout: ENGINE_READY_MS,
  });
  await page.waitForTimeout(CAMERA_RUN_MS);
}

function expectNothingLeft(watched: Watched): void {
  expect(watched.offOrigin, 'requests off the app origin (page or worker)').toEqual([]);
  expect(watched.proxied, 'requests that reached the network past the app origin').toEqual([]);
}

test.describe('no request leaves the device', () => {
  test('each engine on a photo and the live camera on the main page', async ({ baseURL }) => {
    const watched = await openWatched(baseURL, FAKE_CAMERA);
    try {
      const { page } = watched;
      await openHarness(page);
      const url = await photoUrl(page);
      for (const engine of ENGINES) {
        expect(await recordWith(page, url, engine), `${engine.engine}: frames`).toBe(1);
        // The watch sees the worker: its model and runtime downloads were observed.
        for (const file of WORKER_FETCHES[engine.engine]) {
          expect(watched.requests, `${engine.engine} worker fetch`).toContain(
            `${watched.origin}${file}`,
          );
        }
      }

      await page.goto('/');
      await waitForEngine(page);
      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('camera-button')).toHaveText('Stop camera');
      await runCamera(page);
      await page.getByTestId('engine-select').selectOption('movenet:lightning');
      await waitForEngine(page);
      await runCamera(page);
      await page.getByTestId('camera-button').click();
      await expect(page.getByTestId('camera-button')).toHaveText('Start camera');

      expectNothingLeft(watched);
      expect(await watched.cspViolations(), 'CSP violations, page and workers').toEqual([]);
      expect(watched.cspConsole, 'console errors about the CSP').toEqual([]);

      // The watch would have seen a request leave: a page of this context opens a made-up host.
      const canary = await watched.context.newPage();
      await canary.goto(CANARY_URL).catch(() => undefined);
      expect(watched.proxied).toContainEqual(expect.stringContaining('plumbline-canary.invalid'));
      expect(watched.offOrigin).toContainEqual(expect.stringContaining('plumbline-canary.invalid'));
    } finally {
      await watched.close();
    }
  });

  test('a whole session: a counted set, a posture snapshot, the history and an export', async ({
    baseURL,
  }, testInfo) => {
    test.setTimeout(300_000);
    const dir = testDataDir();
    const video = fakeVideo(testInfo, STEADY_REP_CLIP);
    test.skip(!dir || !video, 'test data or ffmpeg missing');
    if (!dir || !video) return;
    const watched = await openWatched(baseURL, [
      ...FAKE_CAMERA,
      `--use-file-for-fake-video-capture=${video}`,
    ]);
    try {
      const { page } = watched;
      await page.goto('/');
      await waitForEngine(page);
      await chooseExercise(page, 'bird-dog');
      await page.getByTestId('start-workout').click();
      const goodReps = page.getByTestId('count-good-reps');
      await expect
        .poll(async () => Number(await goodReps.textContent()), { timeout: REPS_MS })
        .toBeGreaterThanOrEqual(1);
      await page.getByTestId('end-set-button').click();

      await page.getByTestId('mode-photo').click();
      await page.getByTestId('photo-input').setInputFiles(path.join(dir, POSTURE_PHOTO));
      await expect(page.getByTestId('snapshot-item')).toHaveCount(1, { timeout: ENGINE_READY_MS });

      await page.getByTestId('mode-history').click();
      await expect(page.getByTestId('history-session')).toHaveCount(1);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-json').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.json$/);

      expectNothingLeft(watched);
      expect(await watched.cspViolations(), 'CSP violations, page and workers').toEqual([]);
      expect(watched.cspConsole, 'console errors about the CSP').toEqual([]);
    } finally {
      await watched.close();
    }
  });

  test("MediaPipe's usage log is refused inside the worker, before it is a request", async ({
    baseURL,
  }) => {
    // tasks-vision queues usage events and posts them to Google every 60 s and when the landmarker
    // is closed. Rather than wait a minute, close it: the worker's own `dispose` (sent as the
    // comlink call the app would send) closes the landmarker, which flushes the log at once.
    const watched = await openWatched(baseURL);
    try {
      const { page } = watched;
      await openHarness(page);
      expect(await recordWith(page, await photoUrl(page), MEDIAPIPE_FULL)).toBe(1);
      const worker = poseWorker(page);
      await worker.evaluate(() => {
        // Wraps whatever `fetch` the worker has (the guarded one) to see what the library tried.
        const scope = globalThis as Recorder;
        const current = scope.fetch.bind(scope);
        const fetches: string[] = [];
        scope.plumblineFetches = fetches;
        scope.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
          const url = input instanceof Request ? input.url : input.toString();
          const answer = current(input, init);
          answer.then(
            () => fetches.push(`sent ${url}`),
            (error: unknown) => fetches.push(`refused ${url}: ${String(error)}`),
          );
          return answer;
        };
        scope.dispatchEvent(
          new MessageEvent('message', {
            data: {
              type: 'APPLY',
              id: 'privacy-test-dispose',
              path: ['dispose'],
              argumentList: [],
            },
          }),
        );
      });
      await expect
        .poll(() => worker.evaluate(() => (globalThis as Recorder).plumblineFetches ?? []), {
          timeout: FLUSH_WAIT_MS,
        })
        .toEqual([
          `refused ${TELEMETRY_URL}: TypeError: Blocked a request off this device: ${new URL(TELEMETRY_URL).origin}`,
        ]);
      expectNothingLeft(watched);
    } finally {
      await watched.close();
    }
  });

  test('the Content Security Policy refuses other origins too, page and worker', async ({
    baseURL,
  }) => {
    // The second wall: were the worker's guard gone, the policy still stops the request.
    const watched = await openWatched(baseURL);
    try {
      const { page } = watched;
      const response = await page.goto('/harness.html');
      expect(response?.headers()['content-security-policy']).toContain("connect-src 'self'");
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      expect(await recordWith(page, await photoUrl(page), MOVENET_LIGHTNING)).toBe(1);
      const worker = poseWorker(page);
      // A worker from a URL gets the policy sent with its script, not the page's: check it is there.
      const workerScript = await fetch(worker.url());
      expect(workerScript.headers.get('content-security-policy')).toContain("connect-src 'self'");

      // XMLHttpRequest goes through neither page's nor worker's fetch guard: only the policy stops it.
      const xhrRefused = (url: string): Promise<string> =>
        new Promise<string>((resolve) => {
          const request = new XMLHttpRequest();
          request.onload = () => {
            resolve(`sent ${request.status}`);
          };
          request.onerror = () => {
            resolve('refused');
          };
          request.open('POST', url);
          request.send('test');
        });
      const pageXhr = await page.evaluate(xhrRefused, TELEMETRY_URL);
      expect(pageXhr).toBe('refused');
      const workerXhr = await worker.evaluate(xhrRefused, TELEMETRY_URL);
      expect(workerXhr).toBe('refused');
      await expect
        .poll(() => watched.cspViolations())
        .toEqual([`connect-src ${TELEMETRY_URL}`, `connect-src ${TELEMETRY_URL}`]);
      expect(watched.proxied, 'requests that reached the network').toEqual([]);
      // Playwright reports them as requests the policy blocked before the network.
      expect(watched.offOrigin).toContainEqual(`failed (csp): ${TELEMETRY_URL}`);
    } finally {
      await watched.close();
    }
  });
});
