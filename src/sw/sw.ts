/**
 * Plumbline's service worker: after the first visit the app, its pose worker, the default engine's
 * runtime and model work with no network. Other models are stored the first time they load.
 * Workbox keeps the precache (per-file revisions, so an update fetches only what changed);
 * responses are stored as the server sent them, so the cross-origin isolation headers (COOP/COEP)
 * and the Content Security Policy come back with them when served offline (docs/offline.md).
 */
import { clientsClaim, setCacheNameDetails } from 'workbox-core';
import { addRoute, matchPrecache, precache } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import {
  PAGE_PATH,
  PRECACHE_NAME_PARTS,
  SKIP_WAITING_MESSAGE,
  isAppPage,
  isStoredOnFirstUse,
  modelsCacheName,
  precacheEntries,
  staleCaches,
} from './plan';
import type { PrecachePlan } from './plan';

declare const self: ServiceWorkerGlobalScope;
/** Replaced by the build with the plan's JSON (scripts/pwa/plugin.ts). */
declare const __PLUMBLINE_PRECACHE_PLAN__: PrecachePlan;

const plan = __PLUMBLINE_PRECACHE_PLAN__;
const origin = self.location.origin;

setCacheNameDetails(PRECACHE_NAME_PARTS);
precache(precacheEntries(plan));

/** The page: from the server when it answers, else the stored copy (registered first: it wins). */
registerRoute(
  ({ url, request }) => isAppPage(url, origin, request.mode === 'navigate'),
  async ({ request }) => {
    try {
      const response = await fetch(request);
      if (response.ok) return response;
    } catch {
      // Offline: the stored copy below.
    }
    return (await matchPrecache(PAGE_PATH)) ?? Response.error();
  },
);
// Every other stored file from the precache: built files carry content hashes, models a revision.
addRoute();
registerRoute(
  ({ url }) => isStoredOnFirstUse(plan, url, origin),
  new CacheFirst({ cacheName: modelsCacheName(plan), matchOptions: { ignoreVary: true } }),
);

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const stale = staleCaches(plan, await caches.keys());
      await Promise.all(stale.map((name) => caches.delete(name)));
      // Another engine's code of an older build (its name changed with its content).
      const models = await caches.open(modelsCacheName(plan));
      for (const request of await models.keys()) {
        if (!isStoredOnFirstUse(plan, new URL(request.url), origin)) await models.delete(request);
      }
    })(),
  );
});
clientsClaim();

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING_MESSAGE) void self.skipWaiting();
});
