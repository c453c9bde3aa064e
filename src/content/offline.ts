import type { EngineModel } from '../pose/pose';
import { engineName } from './messages';
import type { OfflineStatus } from '../coach/offline-status';

/**
 * What the footer says about offline use; nothing while there is no service worker. `defaultEngine`
 * is the model the service worker saves up front.
 */
export function offlineText(status: OfflineStatus, defaultEngine: EngineModel): string | null {
  return offlineTexts(defaultEngine)[status];
}

function offlineTexts(defaultEngine: EngineModel): Readonly<Record<OfflineStatus, string | null>> {
  return {
    unavailable: null,
    saving: 'Saving Plumbline on this device so it works offline…',
    ready: `Works offline: the app and the ${engineName(defaultEngine)} model are saved on this device. Other models are saved the first time you use them.`,
    'update-ready': 'A new version of Plumbline is ready.',
    failed: 'Plumbline could not be saved for offline use; it still works while you are online.',
  };
}

export const RELOAD_BUTTON = 'Reload to update';
