import { useSyncExternalStore } from 'react';
import { offlineStatus, subscribeOfflineStatus } from '../pwa/service-worker';
import type { OfflineStatus } from '../../coach/offline-status';

/** Whether the app is saved for offline use, and whether an update waits (service-worker.ts). */
export function useOfflineStatus(): OfflineStatus {
  return useSyncExternalStore(subscribeOfflineStatus, offlineStatus);
}
