/**
 * What the service worker keeps, and where each request is answered from. The build writes the
 * plan into sw.js (scripts/pwa/plugin.ts); this file is pure so Node tests can check the routing.
 */

export interface PrecachePlan {
  /** Content hash of the app shell: every build with a change gets a new shell cache. */
  readonly shellVersion: string;
  /** Paths of the built app (the page as '/', its scripts, styles, workers, icons, manifest). */
  readonly shell: readonly string[];
  /** Hash of public/models/manifest.json: models and runtimes keep their cache until it changes. */
  readonly modelsVersion: string;
  /** The runtime and model of the default engine, saved at install so it works offline at once. */
  readonly modelsUpFront: readonly string[];
  /** Every other model and runtime file: saved the first time the app loads it. */
  readonly modelsOnFirstUse: readonly string[];
}

/** The message the page sends a waiting service worker when the person accepts an update. */
export const SKIP_WAITING_MESSAGE = 'plumbline:skip-waiting';
/** Where the build puts the service worker (scripts/pwa/plugin.ts); its scope is the whole app. */
export const SERVICE_WORKER_URL = '/sw.js';

export const CACHE_PREFIX = 'plumbline-';
/** The key the page itself is cached under: '/' is what a navigation asks for. */
export const PAGE_PATH = '/';
const PAGE_ALIASES = new Set([PAGE_PATH, '/index.html']);

export type CacheKind = 'shell' | 'models';

export function cacheNames(plan: PrecachePlan): Readonly<Record<CacheKind, string>> {
  return {
    shell: `${CACHE_PREFIX}shell-${plan.shellVersion}`,
    models: `${CACHE_PREFIX}models-${plan.modelsVersion}`,
  };
}

/** Caches of this app that the plan no longer uses: deleted when a new service worker activates. */
export function staleCaches(plan: PrecachePlan, existing: readonly string[]): string[] {
  const current = new Set(Object.values(cacheNames(plan)));
  return existing.filter((name) => name.startsWith(CACHE_PREFIX) && !current.has(name));
}

export interface Route {
  readonly cache: CacheKind;
  /** The path the response is stored under (the query string is not part of it). */
  readonly key: string;
  /** Whether a response fetched from the network should be stored (models on first use). */
  readonly storeOnFetch: boolean;
  /**
   * Ask the server first and fall back to the cache: the page, so that online visits see what the
   * server has now (a new deploy, or `npm run dev` on the port `npm start` used), offline the copy.
   */
  readonly networkFirst: boolean;
}

/**
 * Where a GET request is answered from, or null to leave it to the network (other origins, the
 * test harness, anything the build did not list).
 */
export function routeFor(
  plan: PrecachePlan,
  url: URL,
  ownOrigin: string,
  isNavigation: boolean,
): Route | null {
  if (url.origin !== ownOrigin) return null;
  const path = url.pathname;
  if (isNavigation) {
    return PAGE_ALIASES.has(path)
      ? { cache: 'shell', key: PAGE_PATH, storeOnFetch: false, networkFirst: true }
      : null;
  }
  // Built files have content hashes in their names and models are versioned by the cache name:
  // a stored copy is always the right one.
  if (plan.shell.includes(path)) {
    return { cache: 'shell', key: path, storeOnFetch: false, networkFirst: false };
  }
  if (plan.modelsUpFront.includes(path) || plan.modelsOnFirstUse.includes(path)) {
    return { cache: 'models', key: path, storeOnFetch: true, networkFirst: false };
  }
  return null;
}
