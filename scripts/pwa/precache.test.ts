import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ENGINE } from '../../src/coach/engine-choices';
import { MANIFEST_PATH, REPO_ROOT } from '../models/build-models';
import type { ModelsManifest } from '../models/build-models';
import { iconPng, iconSvg } from './icon';
import {
  ENGINES,
  MODELS_MANIFEST_FILE,
  UP_FRONT_ENGINE,
  engineFiles,
  makePrecachePlan,
} from './precache';
import { ENGINE_MODELS } from '../../src/pose/pose';
import { webManifest } from './plugin';

const MODEL_FILES = [
  'models/movenet-lightning.bin',
  'models/movenet-lightning.json',
  'models/pose_landmarker_full.task',
  'models/pose_landmarker_heavy.task',
  'wasm/mediapipe/vision_wasm_internal.wasm',
  'wasm/mediapipe/vision_wasm_module_internal.js',
  'wasm/mediapipe/vision_wasm_module_internal.wasm',
];
const BUILT = [
  { fileName: 'index.html', source: '<script src="/assets/app-abc.js">' },
  { fileName: 'harness.html', source: '<script src="/assets/harness-ghi.js">' },
  { fileName: 'bench-main-thread.html', source: '<script src="/assets/benchMainThread-jkl.js">' },
  { fileName: 'assets/app-abc.js', source: 'new Worker("/assets/pose.worker-def.js")' },
  { fileName: 'assets/harness-ghi.js', source: 'import "./movenet-mno.js"; "pose.worker-def.js"' },
  { fileName: 'assets/benchMainThread-jkl.js', source: 'bench' },
  { fileName: 'assets/movenet-mno.js', source: 'tfjs' },
  {
    fileName: 'assets/pose.worker-def.js',
    source: 'import("./mediapipe-pqr.js"); import("./movenet-stu.js")',
  },
  { fileName: 'assets/mediapipe-pqr.js', source: 'tasks-vision' },
  { fileName: 'assets/movenet-stu.js', source: 'tfjs; "./tfjs-backend-vwx.js"' },
  { fileName: 'assets/tfjs-backend-vwx.js', source: 'wasm backend' },
  { fileName: 'icons/icon-192.png', source: Uint8Array.of(1, 2, 3) },
];

describe('the precache plan', () => {
  const plan = makePrecachePlan(BUILT, '{"files":{}}', MODEL_FILES, UP_FRONT_ENGINE);

  it('stores the page as "/" and every built file but the tool pages, other engines and what only they load', () => {
    expect(plan.shell.map((entry) => entry.url)).toEqual([
      '/assets/app-abc.js',
      '/assets/mediapipe-pqr.js',
      '/assets/pose.worker-def.js',
      '/icons/icon-192.png',
      '/',
    ]);
  });

  it("leaves another engine's code, and what only it loads, to its first use", () => {
    expect(plan.enginesOnFirstUse).toEqual([
      '/assets/movenet-stu.js',
      '/assets/tfjs-backend-vwx.js',
    ]);
  });

  it("stores the default engine's runtime and model at install, the rest on first use", () => {
    expect(plan.modelsUpFront).toEqual([
      '/wasm/mediapipe/vision_wasm_module_internal.js',
      '/wasm/mediapipe/vision_wasm_module_internal.wasm',
      '/models/pose_landmarker_full.task',
    ]);
    expect(plan.modelsOnFirstUse).toEqual([
      '/models/movenet-lightning.bin',
      '/models/movenet-lightning.json',
      '/models/pose_landmarker_heavy.task',
      '/wasm/mediapipe/vision_wasm_internal.wasm',
    ]);
  });

  it("changes a file's revision when its bytes change, and only that file's", () => {
    const same = makePrecachePlan([...BUILT].reverse(), '{}', MODEL_FILES, UP_FRONT_ENGINE);
    const changed = makePrecachePlan(
      BUILT.map((file) =>
        file.fileName === 'assets/app-abc.js'
          ? { ...file, source: `${String(file.source)};` }
          : file,
      ),
      '{"files":{}}',
      MODEL_FILES,
      UP_FRONT_ENGINE,
    );
    const revisions = (of: typeof plan) =>
      Object.fromEntries(of.shell.map((entry) => [entry.url, entry.revision]));
    expect(revisions(same)).toEqual(revisions(plan));
    const differing = plan.shell
      .filter((entry) => revisions(changed)[entry.url] !== entry.revision)
      .map((entry) => entry.url);
    expect(differing).toEqual(['/assets/app-abc.js']);
    // The models' cache follows the models manifest only, so an app update keeps ~25 MB.
    expect(changed.modelsVersion).toBe(plan.modelsVersion);
    expect(same.modelsVersion).not.toBe(plan.modelsVersion);
  });

  it('refuses to build when the default engine has no files in the models manifest', () => {
    expect(() =>
      makePrecachePlan(BUILT, '{}', ['models/movenet-lightning.bin'], UP_FRONT_ENGINE),
    ).toThrow(/pose_landmarker_full\.task/);
  });

  it("matches the app's default engine and the installed models manifest", () => {
    expect(UP_FRONT_ENGINE).toEqual(DEFAULT_ENGINE);
    expect([...ENGINES].sort()).toEqual(Object.keys(ENGINE_MODELS).sort());
    expect(MODELS_MANIFEST_FILE).toBe(MANIFEST_PATH);
    const manifest = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'public', MANIFEST_PATH), 'utf8'),
    ) as ModelsManifest;
    for (const file of engineFiles(DEFAULT_ENGINE))
      expect(Object.keys(manifest.files)).toContain(file);
  });
});

/** Decodes a PNG: its size and straight RGBA pixels. */
async function decodePng(png: Buffer): Promise<{ width: number; height: number; rgba: Buffer }> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: data };
}

function pixel(image: { width: number; rgba: Buffer }, x: number, y: number): number[] {
  const at = (y * image.width + x) * 4;
  return [...image.rgba.subarray(at, at + 4)];
}

describe('the icons', () => {
  it('are PNGs of the size asked, with the plumb bob white on the accent colour', async () => {
    const image = await decodePng(await iconPng('any', 192));
    expect([image.width, image.height]).toEqual([192, 192]);
    // The bob's centre (0.5, 0.62) is white; a spot beside the string is the accent colour.
    expect(pixel(image, 96, 119)).toEqual([255, 255, 255, 255]);
    expect(pixel(image, 40, 96)).toEqual([0x0b, 0x72, 0x85, 255]);
    // Rounded corners are transparent.
    expect(pixel(image, 0, 0)[3]).toBe(0);
  });

  it('fill the whole square when maskable, so a platform mask never shows a gap', async () => {
    const image = await decodePng(await iconPng('maskable', 512));
    expect([image.width, image.height]).toEqual([512, 512]);
    expect(pixel(image, 0, 0)).toEqual([0x0b, 0x72, 0x85, 255]);
  });

  it('are listed in the web app manifest with the sizes and kinds installing needs', () => {
    const manifest = JSON.parse(webManifest()) as {
      icons: { src: string; sizes: string; purpose: string }[];
      start_url: string;
      display: string;
    };
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual([
      'any any',
      '192x192 any',
      '512x512 any',
      '512x512 maskable',
    ]);
    expect(manifest.start_url).toBe('/');
    expect(manifest.display).toBe('standalone');
    expect(iconSvg('any')).toMatch(/^<svg [^>]*viewBox="0 0 100 100">.*<\/svg>\n$/);
  });
});
