import { DEFAULT_ENGINE } from '../engine-choices';
import { engineName } from '../messages';
import type { OfflineStatus } from '../pwa/offline-status';

/** What the footer says about offline use; nothing while there is no service worker. */
export const OFFLINE_TEXT: Readonly<Record<OfflineStatus, string | null>> = {
  unavailable: null,
  saving: 'Saving Plumbline on this device so it works offline…',
  ready: `Works offline: the app and the ${engineName(DEFAULT_ENGINE)} model are saved on this device. Other models are saved the first time you use them.`,
  'update-ready': 'A new version of Plumbline is ready.',
  failed: 'Plumbline could not be saved for offline use; it still works while you are online.',
};

export const RELOAD_BUTTON = 'Reload to update';
