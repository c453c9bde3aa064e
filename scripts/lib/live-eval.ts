/**
 * `npm run eval -- --live`: each labelled clip played through Chromium's fake camera into the built
 * app, as a person would use it: the exercise chosen, a one-set plan from the label (its reps, or
 * a hold as long as the clip), the set watched as the page shows and says it
 * (scripts/browser/coach-watch.ts) and scored by the eval's own rules (scoring.ts). Clips play in
 * real time and loop; the set is stopped after `passes` plays of the clip (plus time to place)
 * when it has not finished by then. Photos stay on the recording path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { EXERCISE_CONTENT } from '../../src/content/exercises';
import { engineName } from '../../src/content/messages';
import type { EngineModel } from '../../src/pose/pose';
import {
  MAX_HOLD_SECONDS,
  MAX_REPS,
  MIN_HOLD_SECONDS,
  MIN_REPS,
} from '../../src/coach/workout/plan';
import { launchChromium } from '../browser/chromium';
import { clipCamera, coachMoments, watchCoach } from '../browser/coach-watch';
import { startPreview } from './harness-session';
import { isClip } from './labels';
import type { LabelRow } from './labels';
import { liveVerdict } from './live-moments';
import type { LiveVerdict } from './live-moments';
import { checkedRows } from './scoring';
import { toY4m } from './y4m';

/** The fake camera's frame rate: the app's own sampling rate on recordings (recording.ts). */
const CAMERA_FPS = 15;
/** Loading a model on two busy cores, in ms. */
const ENGINE_READY_MS = 180_000;
/**
 * Watching time beyond the clip's plays: placement holds the start position 1 s, and a slow model
 * on a busy machine takes a few frames to find the person, in ms.
 */
const PLACEMENT_ALLOWANCE_MS = 10_000;
/**
 * Plays of a clip watched at most: a set that begins late in the first play (placement) still
 * sees every rep once.
 */
export const LIVE_PASSES = 2;
/** Tries of a set that failed to run (a model that did not load in time) before it is left out. */
const SET_ATTEMPTS = 2;
/** How often the eval looks whether the set is over, in ms. */
const POLL_MS = 500;

/** The clips scored, and those whose set could not be run, with why. */
export interface LiveRun {
  readonly files: readonly LiveFile[];
  readonly notRun: readonly { readonly file: string; readonly reason: string }[];
}

export interface LiveFile {
  readonly row: LabelRow;
  readonly verdict: LiveVerdict;
  /** The planned set: "4 reps each side", "20 s hold". */
  readonly plan: string;
  /** Seconds from the camera opening to the eval's last look. */
  readonly watchedSeconds: number;
}

/** One set for the label: its reps (a side's share when sides alternate), or the clip's length held. */
export function setPlanOf(
  row: LabelRow,
  kind: 'reps' | 'hold',
  alternatesSides: boolean,
  clipSeconds: number,
): { readonly reps: number } | { readonly holdSeconds: number } {
  const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));
  if (kind === 'hold')
    return { holdSeconds: clamp(Math.floor(clipSeconds), MIN_HOLD_SECONDS, MAX_HOLD_SECONDS) };
  const reps = row.reps ?? 0;
  return { reps: clamp(alternatesSides ? Math.ceil(reps / 2) : reps, MIN_REPS, MAX_REPS) };
}

function clipSeconds(file: string): number {
  const probe = spawnSync('ffprobe', [
    ...['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file],
  ]);
  const seconds = Number(probe.stdout.toString().trim());
  if (probe.status !== 0 || !Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`ffprobe could not read the length of ${file}`);
  return seconds;
}

async function runSet(
  page: Page,
  address: string,
  engine: EngineModel,
  exerciseId: string,
  plan: ReturnType<typeof setPlanOf>,
  clipMs: number,
  watchMs: number,
): Promise<{ verdict: LiveVerdict; watchedSeconds: number }> {
  await page.goto(address);
  const status = page.getByTestId('status');
  const ready = async (text: string | RegExp): Promise<void> => {
    try {
      await status.filter({ hasText: text }).waitFor({ timeout: ENGINE_READY_MS });
    } catch {
      const shown = (await status.textContent({ timeout: 1000 }).catch(() => null)) ?? 'none';
      throw new Error(
        `the engine was not ready after ${String(ENGINE_READY_MS / 1000)} s (status: ${shown})`,
      );
    }
  };
  await ready(/ready/);
  // The engine picked by hand, as the recording path runs it: Auto would measure and may switch.
  await page.getByTestId('engine-select').selectOption(`${engine.engine}:${engine.model}`);
  await ready(`${engineName(engine)} ready`);
  await page.getByTestId(`exercise-${exerciseId}`).check();
  await page.getByTestId('plan-sets').fill('1');
  if ('reps' in plan) await page.getByTestId('plan-reps').fill(String(plan.reps));
  else await page.getByTestId('plan-hold').fill(String(plan.holdSeconds));
  await page.getByTestId('start-workout').click();
  const panel = page.getByTestId('coach-panel');
  const startedAt = Date.now();
  for (;;) {
    const phase = await panel.getAttribute('data-phase');
    if (phase === 'finished' || Date.now() - startedAt >= watchMs) break;
    await page.waitForTimeout(POLL_MS);
  }
  const { moments, cameraOpenedAtMs } = await coachMoments(page);
  const endMs = await page.evaluate(() => performance.now());
  const kind = 'reps' in plan ? 'reps' : 'hold';
  return {
    verdict: liveVerdict(moments, kind, endMs, clipMs),
    watchedSeconds: (endMs - (cameraOpenedAtMs ?? endMs)) / 1000,
  };
}

/**
 * Plays every clip of `rows` (photos and unknown exercises are reported and skipped) through one
 * Chromium whose fake camera reads a file replaced before each set: the camera opens it afresh
 * when a page asks for it. `report` hears each file as it is scored. A set that cannot run (the
 * engine not ready on a busy machine) is tried again once, then listed as not run.
 */
export async function evalLive(
  dataDir: string,
  rows: readonly LabelRow[],
  engine: EngineModel,
  passes: number,
  report: (file: LiveFile) => void,
): Promise<LiveRun> {
  const workDir = mkdtempSync(path.join(tmpdir(), 'plumbline-live-'));
  const camera = path.join(workDir, 'camera.y4m');
  const { server, address } = await startPreview();
  const browser = await launchChromium(clipCamera(camera));
  const files: LiveFile[] = [];
  const notRun: { file: string; reason: string }[] = [];
  try {
    for (const { row, exercise } of checkedRows(rows)) {
      if (!isClip(row.file)) {
        console.error(`${row.file}: a photo, judged on the recording path only, skipped`);
        continue;
      }
      const clip = path.join(dataDir, row.file);
      let seconds: number;
      try {
        // Written aside and moved in whole, so the camera never opens a half-written file.
        seconds = clipSeconds(clip);
        renameSync(toY4m(clip, path.join(workDir, 'next.y4m'), CAMERA_FPS), camera);
      } catch (error) {
        console.error(
          `${row.file}: ffmpeg cannot play it to the camera (${String(error)}), skipped`,
        );
        continue;
      }
      const content = EXERCISE_CONTENT[exercise.id];
      const plan = setPlanOf(row, content.kind, content.alternatesSides, seconds);
      const watchMs = passes * seconds * 1000 + PLACEMENT_ALLOWANCE_MS;
      let set: Awaited<ReturnType<typeof runSet>> | null = null;
      let failure = '';
      for (let attempt = 1; attempt <= SET_ATTEMPTS && set === null; attempt += 1) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
        try {
          const page = await context.newPage();
          // tsx (esbuild, keepNames) wraps the function's inner functions in `__name(…)`, which
          // the page lacks: given it as an identity, the source runs there as written.
          await page.addInitScript({
            content: `globalThis.__name = (fn) => fn; (${watchCoach.toString()})();`,
          });
          set = await runSet(page, address, engine, exercise.id, plan, seconds * 1000, watchMs);
        } catch (error) {
          failure = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
          console.error(`${row.file}: attempt ${String(attempt)} failed: ${failure}`);
        } finally {
          await context.close();
        }
      }
      if (set === null) {
        notRun.push({ file: row.file, reason: failure });
        continue;
      }
      const file: LiveFile = {
        row,
        verdict: set.verdict,
        plan:
          'reps' in plan
            ? `${String(plan.reps)} reps${content.alternatesSides ? ' each side' : ''}`
            : `${String(plan.holdSeconds)} s hold`,
        watchedSeconds: set.watchedSeconds,
      };
      files.push(file);
      report(file);
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  return { files, notRun };
}
