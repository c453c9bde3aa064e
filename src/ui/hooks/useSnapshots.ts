import { useCallback, useEffect, useState } from 'react';
import { StorageError, deleteSnapshot, listSnapshots, toStorageError } from '../../storage';
import type { PostureSnapshot } from '../../storage';
import type { StorageState } from './useStorage';

export type SnapshotsState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      /** Newest first, as the list shows them. */
      readonly snapshots: readonly PostureSnapshot[];
      /** Damaged records skipped. */
      readonly corrupt: number;
    }
  | { readonly status: 'error'; readonly message: string };

function messageOf(error: unknown, action: 'read' | 'delete'): string {
  return (error instanceof StorageError ? error : toStorageError(error, action)).message;
}

/**
 * The stored posture snapshots, read again after every change. Deleting reports its failure as a
 * message and leaves the list as it was.
 */
export function useSnapshots(storage: StorageState): {
  readonly state: SnapshotsState;
  readonly refresh: () => void;
  readonly remove: (id: string) => Promise<string | null>;
} {
  const [state, setState] = useState<SnapshotsState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const db = storage.status === 'ready' ? storage.db : null;
  const storageError = storage.status === 'error' ? storage.error.message : null;

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    listSnapshots(db).then(
      (result) => {
        if (cancelled) return;
        const snapshots = [...result.records].reverse();
        setState({ status: 'ready', snapshots, corrupt: result.corrupt.length });
      },
      (error: unknown) => {
        if (!cancelled) setState({ status: 'error', message: messageOf(error, 'read') });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, version]);

  const refresh = useCallback(() => {
    setVersion((v) => v + 1);
  }, []);

  const remove = useCallback(
    async (id: string): Promise<string | null> => {
      if (!db) return storageError;
      try {
        await deleteSnapshot(db, id);
        refresh();
        return null;
      } catch (error) {
        return messageOf(error, 'delete');
      }
    },
    [db, storageError, refresh],
  );

  if (storageError !== null)
    return { state: { status: 'error', message: storageError }, refresh, remove };
  return { state, refresh, remove };
}
