/** What the page tells the person about offline use, from the service worker's registration. Pure. */

export type OfflineStatus =
  /** No service worker: the development server, or a browser without them. */
  | 'unavailable'
  /** The first install is storing the app and the default model. */
  | 'saving'
  /** Installed: the app and the default model work with no network. */
  | 'ready'
  /** A newer version is installed and waits for the person to reload. */
  | 'update-ready'
  /** Storing failed (full disk, the connection dropped): the app still works online. */
  | 'failed';

export interface RegistrationView {
  readonly installing: boolean;
  readonly waiting: boolean;
  readonly active: boolean;
  /** Whether this page is run by a service worker (it is not on the very first visit). */
  readonly controlled: boolean;
  /** Whether the last install ended without a worker to show for it. */
  readonly installFailed: boolean;
}

export function offlineStatusOf(view: RegistrationView): OfflineStatus {
  // A waiting worker on a page an older one controls is an update; on the first visit a worker
  // only waits for a moment before it activates.
  if (view.waiting && view.controlled) return 'update-ready';
  if (view.active) return 'ready';
  if (view.installing || view.waiting) return 'saving';
  return view.installFailed ? 'failed' : 'unavailable';
}
