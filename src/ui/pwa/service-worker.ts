/**
 * Registers the service worker (production builds only, from main.tsx) and keeps what the page
 * shows about offline use; useOfflineStatus reads it. One registration per page, so module state.
 */
import { SERVICE_WORKER_URL, SKIP_WAITING_MESSAGE } from '../../sw/plan';
import { offlineStatusOf } from '../../coach/offline-status';
import type { OfflineStatus } from '../../coach/offline-status';

let status: OfflineStatus = 'unavailable';
let registration: ServiceWorkerRegistration | null = null;
let installFailed = false;
const listeners = new Set<() => void>();

function refresh(): void {
  if (!registration) return;
  const next = offlineStatusOf({
    installing: registration.installing !== null,
    waiting: registration.waiting !== null,
    active: registration.active !== null,
    controlled: navigator.serviceWorker.controller !== null,
    installFailed,
  });
  if (next === status) return;
  status = next;
  for (const listener of listeners) listener();
}

function watch(worker: ServiceWorker | null): void {
  worker?.addEventListener('statechange', () => {
    if (worker.state === 'redundant' && registration?.active === null) installFailed = true;
    refresh();
  });
}

async function register(): Promise<void> {
  try {
    // updateViaCache 'none': look for a new sw.js past the HTTP cache on every visit.
    registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, {
      updateViaCache: 'none',
    });
  } catch {
    installFailed = true;
    status = 'failed';
    for (const listener of listeners) listener();
    return;
  }
  const current = registration;
  current.addEventListener('updatefound', () => {
    watch(current.installing);
    refresh();
  });
  watch(current.installing);
  watch(current.waiting);
  refresh();
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  // After the page has loaded, so storing ~25 MB does not compete with the first start.
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}

/**
 * The development server shares its port with `npm start`: a service worker left by the built app
 * would keep answering there, so the dev page removes it.
 */
export function removeServiceWorkers(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.serviceWorker
    .getRegistrations()
    .then((registrations) =>
      Promise.all(registrations.map((registration) => registration.unregister())),
    );
}

/** Starts the waiting version and reloads the page into it once it has taken over. */
export function applyUpdate(): void {
  const waiting = registration?.waiting;
  if (!waiting) return;
  navigator.serviceWorker.addEventListener(
    'controllerchange',
    () => {
      window.location.reload();
    },
    { once: true },
  );
  waiting.postMessage(SKIP_WAITING_MESSAGE);
}

export function subscribeOfflineStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function offlineStatus(): OfflineStatus {
  return status;
}
