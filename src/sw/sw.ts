/**
 * Plumbline's service worker: after the first visit the app, its pose worker, the default engine's
 * runtime and model work with no network. Other models are stored the first time they load.
 * Responses are stored exactly as the server sent them, so the cross-origin isolation headers
 * (COOP/COEP) and the Content Security Policy come back with them when served offline.
 */
import { SKIP_WAITING_MESSAGE, cacheNames, routeFor, staleCaches } from './plan';
import type { CacheKind, PrecachePlan, Route } from './plan';

declare const self: ServiceWorkerGlobalScope;
/** Replaced by the build with the plan's JSON (scripts/pwa/plugin.ts). */
declare const __PLUMBLINE_PRECACHE_PLAN__: PrecachePlan;

const plan = __PLUMBLINE_PRECACHE_PLAN__;
const names = cacheNames(plan);

/**
 * Fetches a file for the cache straight from the server. no-store keeps the browser's HTTP cache out
 * of it: with it, storing the model while the page's worker downloaded the same file failed now and
 * then ("Cache.put() encountered a network error") on a busy machine.
 */
async function store(cache: Cache, path: string): Promise<void> {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Could not save ${path} for offline use: ${response.status}`);
  await cache.put(path, response);
}

/** Stores each path not stored yet, each tried twice; any failure fails (and retries) the install. */
async function fill(kind: CacheKind, paths: readonly string[]): Promise<void> {
  const cache = await caches.open(names[kind]);
  for (const path of paths) {
    if (await cache.match(path)) continue;
    await store(cache, path).catch(() => store(cache, path));
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(Promise.all([fill('shell', plan.shell), fill('models', plan.modelsUpFront)]));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleCaches(plan, await caches.keys());
      await Promise.all(stale.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING_MESSAGE) void self.skipWaiting();
});

async function respond(event: FetchEvent, route: Route): Promise<Response> {
  const cache = await caches.open(names[route.cache]);
  if (route.networkFirst) {
    try {
      const response = await fetch(event.request);
      if (response.ok) return response;
    } catch {
      // Offline: the stored copy below.
    }
  }
  const cached = await cache.match(route.key, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (route.storeOnFetch && response.status === 200) {
    // The page reads one copy while the other is stored.
    event.waitUntil(cache.put(route.key, response.clone()));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const route = routeFor(
    plan,
    new URL(request.url),
    self.location.origin,
    request.mode === 'navigate',
  );
  if (route) event.respondWith(respond(event, route));
});
