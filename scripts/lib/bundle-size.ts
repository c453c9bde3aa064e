/**
 * The gzip size of the app's own JavaScript in a build (`dist/`), without the models and wasm
 * runtimes (copied from public/ at install, docs/models.md): every script the app's page can load,
 * found by following file names from index.html (scripts/pwa/bundle-graph.ts), worker and lazy
 * chunks included, the tool pages' chunks (harness, main-thread benchmark) not.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { reachableFiles } from '../pwa/bundle-graph';
import { PAGE_FILE, UP_FRONT_ENGINE, firstVisitFiles } from '../pwa/precache';

/**
 * Issue #15: what a first visit downloads before the models, on a slow connection: the page, its
 * lazy screens, the pose worker and the default engine's code, all stored for offline use; another
 * engine's code waits for its first use (scripts/pwa/precache.ts).
 */
export const APP_SCRIPT_BUDGET_GZIP_KB = 300;
/** Built, not copied from public/: public's models and runtimes are not the app's own code. */
const BUILT_FOLDER = 'assets';

export interface ScriptSize {
  /** Relative to the build folder, e.g. `assets/app-abc.js`. */
  readonly fileName: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Loaded and stored on a first visit; false: another engine's code, fetched when chosen. */
  readonly firstVisit: boolean;
}

/** gzip at the level static hosts use for pre-compressed files. */
const gzipBytes = (source: Uint8Array): number => gzipSync(source, { level: 9 }).length;

/** Every script of the app in `distDir`, largest first. */
export function appScriptSizes(distDir: string): ScriptSize[] {
  const built = [
    { fileName: PAGE_FILE, source: readFileSync(path.join(distDir, PAGE_FILE)) },
    ...readdirSync(path.join(distDir, BUILT_FOLDER)).map((name) => {
      const fileName = `${BUILT_FOLDER}/${name}`;
      return { fileName, source: readFileSync(path.join(distDir, fileName)) };
    }),
  ];
  const reached = reachableFiles(built, PAGE_FILE);
  const { onFirstUse } = firstVisitFiles(built, UP_FRONT_ENGINE);
  return built
    .filter((file) => reached.has(file.fileName) && file.fileName.endsWith('.js'))
    .map((file) => ({
      fileName: file.fileName,
      bytes: file.source.length,
      gzipBytes: gzipBytes(file.source),
      firstVisit: !onFirstUse.has(file.fileName),
    }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kilobytes = (bytes: number): string => (bytes / 1000).toFixed(1);

/** "123.4 kB gzip of the 300 kB budget: pass" (or "OVER"). */
export function budgetLine(what: string, gzipTotal: number): string {
  const over = gzipTotal > APP_SCRIPT_BUDGET_GZIP_KB * 1000;
  return `${what}: ${kilobytes(gzipTotal)} kB gzip, budget ${APP_SCRIPT_BUDGET_GZIP_KB} kB: ${over ? 'OVER' : 'pass'}`;
}
