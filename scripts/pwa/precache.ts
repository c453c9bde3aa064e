/**
 * The service worker's precache plan, made from the files of a build. Pure: the plugin reads the
 * files, this decides what is kept when, and Node tests check the decisions.
 */
import { createHash } from 'node:crypto';
import type { EngineId, EngineModel } from '../../src/pose/pose';
import { PAGE_PATH } from '../../src/sw/plan.ts';
import type { PrecachePlan } from '../../src/sw/plan.ts';
import { reachableFiles } from './bundle-graph.ts';
import type { BuiltFile } from './bundle-graph.ts';

/** The page; it is cached as '/', the path a visit asks for. */
export const PAGE_FILE = 'index.html';
/** The service worker itself: the browser keeps it, not the cache. */
const SERVICE_WORKER_FILE = 'sw.js';
/**
 * Pages for the recorder, the benchmark and the tests (vite.config.ts): the installed app never
 * loads them or the chunks only they load (the harness's own copies of the engines, ~1.5 MB).
 */
export const TOOL_PAGES: readonly string[] = ['harness.html', 'bench-main-thread.html'];
/**
 * The engine whose runtime and model are stored at install: the app's default (DEFAULT_ENGINE in
 * src/coach/engine-choices.ts; precache.test.ts keeps the two equal). Written out here because the
 * Vite config loads this file and should not pull in the app's modules.
 */
export const UP_FRONT_ENGINE: EngineModel = { engine: 'mediapipe', model: 'full' };
/** MANIFEST_PATH of scripts/models/build-models.ts, relative to public/ (same test). */
export const MODELS_MANIFEST_FILE = 'models/manifest.json';
/** Characters of the hex sha256 kept in a cache name: plenty to tell builds apart. */
const VERSION_LENGTH = 16;

/**
 * The files an engine loads from public/ (paths as in public/models/manifest.json). MediaPipe runs
 * in the module worker, which takes tasks-vision's module build (src/workers/detectors/mediapipe.ts);
 * MoveNet runs TF.js's single-thread SIMD build (movenet.ts).
 */
export function engineFiles(choice: EngineModel): string[] {
  switch (choice.engine) {
    case 'mediapipe':
      return [
        'wasm/mediapipe/vision_wasm_module_internal.js',
        'wasm/mediapipe/vision_wasm_module_internal.wasm',
        `models/pose_landmarker_${choice.model}.task`,
      ];
    case 'movenet':
      return [
        'wasm/tfjs/tfjs-backend-wasm-simd.wasm',
        `models/movenet-${choice.model}.json`,
        `models/movenet-${choice.model}.bin`,
      ];
  }
}

/** ENGINE_MODELS' keys (src/pose/pose.ts; precache.test.ts keeps them equal), written out for the config. */
export const ENGINES = ['mediapipe', 'movenet'] as const satisfies readonly EngineId[];

/**
 * The chunk of another engine's library (src/workers/detectors/index.ts imports each engine's file
 * when chosen, so Vite names the chunk after it): TF.js for MoveNet is 131 kB gzip that a person on
 * the default engine never runs, so it is stored on first use, like that engine's model.
 */
export function isOtherEngineChunk(fileName: string, upFront: EngineModel): boolean {
  const engine = /^assets\/([a-z]+)-[\w-]+\.js$/.exec(fileName)?.[1];
  return engine !== undefined && engine !== upFront.engine && ENGINES.some((id) => id === engine);
}

/**
 * The app's files a first visit stores: what the page reaches without another engine's chunk
 * (and what only that chunk reaches). The rest of `reachable` waits for its first use.
 */
export function firstVisitFiles(
  built: readonly BuiltFile[],
  upFront: EngineModel,
): { readonly upFront: Set<string>; readonly onFirstUse: Set<string> } {
  const reachable = reachableFiles(built, PAGE_FILE);
  const withoutOthers = reachableFiles(
    built.filter((file) => !isOtherEngineChunk(file.fileName, upFront)),
    PAGE_FILE,
  );
  return {
    upFront: withoutOthers,
    onFirstUse: new Set([...reachable].filter((file) => !withoutOthers.has(file))),
  };
}

export function contentHash(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, VERSION_LENGTH);
}

/**
 * @param built every file of the build (fileName relative to the output folder)
 * @param modelsManifestText public/models/manifest.json as read
 * @param modelFiles the keys of that manifest: every model and runtime file
 * @param upFront the engine whose files are stored at install (the app's default)
 */
export function makePrecachePlan(
  built: readonly BuiltFile[],
  modelsManifestText: string,
  modelFiles: readonly string[],
  upFront: EngineModel,
): PrecachePlan {
  const { onFirstUse } = firstVisitFiles(built, upFront);
  const appFiles = reachableFiles(built, PAGE_FILE);
  const toolFiles = new Set(
    TOOL_PAGES.flatMap((page) => [...reachableFiles(built, page)]).filter(
      (file) => !appFiles.has(file),
    ),
  );
  const shellFiles = built
    .filter(
      (file) =>
        file.fileName !== SERVICE_WORKER_FILE &&
        !toolFiles.has(file.fileName) &&
        !onFirstUse.has(file.fileName),
    )
    .sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
  const wanted = engineFiles(upFront);
  const missing = wanted.filter((file) => !modelFiles.includes(file));
  if (missing.length > 0) {
    throw new Error(
      `The default engine's files are not in public/models/manifest.json: ${missing.join(', ')}`,
    );
  }
  const asPath = (file: string): string => (file === PAGE_FILE ? PAGE_PATH : `/${file}`);
  return {
    shell: shellFiles.map((file) => ({
      url: asPath(file.fileName),
      revision: contentHash([file.source]),
    })),
    modelsVersion: contentHash([modelsManifestText]),
    modelsUpFront: wanted.map(asPath),
    modelsOnFirstUse: modelFiles.filter((file) => !wanted.includes(file)).map(asPath),
    enginesOnFirstUse: [...onFirstUse].sort().map(asPath),
  };
}
