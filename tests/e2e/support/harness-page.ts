/**
 * Shared by the engine specs: the harness page (harness.html, src/harness/harness.ts) with the test
 * data served from disk, and one photo run through the real engine in the app's own worker.
 */
import type { Page } from '@playwright/test';
import type { Recording } from '../../../src/harness/harness';
import type { EngineModel, PoseFrame } from '../../../src/pose/pose';
import { localUrl, serveLocalFiles } from '../../../scripts/lib/harness-session';

export async function openHarnessPage(page: Page): Promise<void> {
  await serveLocalFiles(page);
  await page.goto('/harness.html');
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
}

/** A photo or clip through the engine, every frame, as the recorder runs it. */
export function recordMedia(
  page: Page,
  file: string,
  engine: EngineModel,
  outline = false,
): Promise<Recording> {
  return page.evaluate(
    ([url, config, withOutline]) => {
      if (!window.plumbline) throw new Error('The harness page has not loaded.');
      return window.plumbline.record(url, config, { outline: withOutline });
    },
    [localUrl(file), engine, outline] as const,
  );
}

/** One photo through the engine, as the recorder runs it (IMAGE mode: a still is one frame). */
export async function estimatePhoto(
  page: Page,
  file: string,
  engine: EngineModel,
  outline = false,
): Promise<PoseFrame> {
  const recording = await recordMedia(page, file, engine, outline);
  const frame = recording.frames[0];
  if (!frame) throw new Error(`${file} gave no frame`);
  return frame;
}
