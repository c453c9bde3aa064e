/**
 * What the service worker keeps, and where each request is answered from. The build writes the
 * plan into sw.js (scripts/pwa/plugin.ts); Workbox stores the precache (src/sw/sw.ts). This file is
 * pure so Node tests can check the routing and the cache names.
 */

/** A file stored at install, with the content hash Workbox compares to fetch only what changed. */
export interface PrecacheEntry {
  readonly url: string;
  readonly revision: string;
}

export interface PrecachePlan {
  /** The built app (the page as '/', its scripts, styles, workers, icons, manifest). */
  readonly shell: readonly PrecacheEntry[];
  /** Hash of public/models/manifest.json: the version of every model and runtime file. */
  readonly modelsVersion: string;
  /** The runtime and model of the default engine, saved at install so it works offline at once. */
  readonly modelsUpFront: readonly string[];
  /** Every other model and runtime file: saved the first time the app loads it. */
  readonly modelsOnFirstUse: readonly string[];
  /**
   * The other engines' code (TF.js for MoveNet): saved the first time it loads, with the models.
   * Built file names carry content hashes, so a stored copy is always the right one.
   */
  readonly enginesOnFirstUse: readonly string[];
}

/** The message the page sends a waiting service worker when the person accepts an update. */
export const SKIP_WAITING_MESSAGE = 'plumbline:skip-waiting';
/** Where the build puts the service worker (scripts/pwa/plugin.ts); its scope is the whole app. */
export const SERVICE_WORKER_URL = '/sw.js';

/** Every cache of this app is named `plumbline-…`; Workbox joins its name parts with '-'. */
export const CACHE_PREFIX = 'plumbline';
/**
 * Workbox's precache: `plumbline-shell-workbox`. One cache across versions: each entry's key
 * carries its revision, and a new version's install fetches only the entries whose revision changed.
 */
export const PRECACHE_NAME_PARTS = { prefix: CACHE_PREFIX, precache: 'shell', suffix: 'workbox' };
const PRECACHE_CACHE = [
  PRECACHE_NAME_PARTS.prefix,
  PRECACHE_NAME_PARTS.precache,
  PRECACHE_NAME_PARTS.suffix,
].join('-');
/** The key the page itself is cached under: '/' is what a navigation asks for. */
export const PAGE_PATH = '/';
const PAGE_ALIASES = new Set([PAGE_PATH, '/index.html']);

/** The models stored on first use, in a cache named by their version: a new version starts empty. */
export function modelsCacheName(plan: PrecachePlan): string {
  return `${CACHE_PREFIX}-models-${plan.modelsVersion}`;
}

/** Everything stored at install: the shell, and the default engine's files at the models' version. */
export function precacheEntries(plan: PrecachePlan): PrecacheEntry[] {
  return [
    ...plan.shell,
    ...plan.modelsUpFront.map((url) => ({ url, revision: plan.modelsVersion })),
  ];
}

/**
 * Caches of this app that this version does not use (models of another version, and the
 * `plumbline-shell-<hash>` caches of the service worker before Workbox): deleted on activation.
 */
export function staleCaches(plan: PrecachePlan, existing: readonly string[]): string[] {
  const current = new Set([PRECACHE_CACHE, modelsCacheName(plan)]);
  return existing.filter((name) => name.startsWith(`${CACHE_PREFIX}-`) && !current.has(name));
}

/**
 * Whether a request opens the app: answered from the server first, so that online visits see what
 * the server has now (a new deploy, or `npm run dev` on the port `npm start` used), offline from
 * the stored copy. Other pages (the test harness) are left to the network.
 */
export function isAppPage(url: URL, ownOrigin: string, isNavigation: boolean): boolean {
  return isNavigation && url.origin === ownOrigin && PAGE_ALIASES.has(url.pathname);
}

/** Whether a request is for an engine's code, model or runtime stored the first time it loads. */
export function isStoredOnFirstUse(plan: PrecachePlan, url: URL, ownOrigin: string): boolean {
  return (
    url.origin === ownOrigin &&
    (plan.modelsOnFirstUse.includes(url.pathname) || plan.enginesOnFirstUse.includes(url.pathname))
  );
}
