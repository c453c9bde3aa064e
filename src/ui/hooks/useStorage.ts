import { useEffect, useState } from 'react';
import { StorageError, openPlumblineDb, requestPersistentStorage } from '../../storage';
import type { PlumblineDb } from '../../storage';

export type StorageState =
  | { readonly status: 'opening' }
  | { readonly status: 'ready'; readonly db: PlumblineDb }
  | { readonly status: 'error'; readonly error: StorageError };

function asStorageError(error: unknown): StorageError {
  return error instanceof StorageError
    ? error
    : new StorageError('UNAVAILABLE', 'Plumbline could not open its storage on this device.', {
        cause: error,
      });
}

/**
 * Owns the one connection to the on-device database for the whole app. Screens read `db` from
 * here; a lost connection (another tab upgraded, or the browser closed it) becomes an error state
 * whose message asks for a reload.
 */
export function useStorage(): StorageState {
  const [state, setState] = useState<StorageState>({ status: 'opening' });
  useEffect(() => {
    let cancelled = false;
    let opened: PlumblineDb | null = null;
    openPlumblineDb({
      onConnectionLost: (error) => {
        if (!cancelled) setState({ status: 'error', error });
      },
    }).then(
      (db) => {
        if (cancelled) {
          db.close();
          return;
        }
        opened = db;
        setState({ status: 'ready', db });
        // Best effort: ask the browser not to evict the person's history under storage pressure.
        void requestPersistentStorage();
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', error: asStorageError(error) });
      },
    );
    return () => {
      cancelled = true;
      opened?.close();
    };
  }, []);
  return state;
}
