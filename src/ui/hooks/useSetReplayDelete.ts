import { useCallback, useState } from 'react';
import { deleteReplay } from '../../storage';
import { storageFailureText } from '../../content/storage-failure';
import type { StorageState } from './useStorage';

export interface SetReplayDelete {
  /** The set's replay is stored and can be deleted. */
  readonly canDelete: (set: number) => boolean;
  /** The set's stored replay was deleted here. */
  readonly deleted: (set: number) => boolean;
  /** Why deleting the set's replay failed (it is still stored), or null. */
  readonly errorOf: (set: number) => string | null;
  /** Deletes the set's stored replay; `onDeleted` runs once it is gone. */
  readonly remove: (set: number, onDeleted: () => void) => void;
}

/**
 * Deleting a finished set's replay straight from the workout screen, once it is stored
 * (`storedReplays`, by set number: useWorkoutLog). Kept by stored id, so a new workout's set 1 is
 * not taken for the last one's.
 */
export function useSetReplayDelete(
  storage: StorageState,
  storedReplays: ReadonlyMap<number, string>,
): SetReplayDelete {
  const [deletedIds, setDeletedIds] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<{ readonly id: string; readonly text: string } | null>(
    null,
  );
  const db = storage.status === 'ready' ? storage.db : null;

  const remove = useCallback(
    (set: number, onDeleted: () => void) => {
      const id = storedReplays.get(set);
      if (db === null || id === undefined) return;
      setFailure(null);
      deleteReplay(db, id).then(
        () => {
          setDeletedIds((before) => new Set(before).add(id));
          onDeleted();
        },
        (error: unknown) => {
          setFailure({ id, text: storageFailureText(error) });
        },
      );
    },
    [db, storedReplays],
  );

  const deleted = (set: number): boolean => deletedIds.has(storedReplays.get(set) ?? '');
  return {
    canDelete: (set) => db !== null && storedReplays.has(set) && !deleted(set),
    deleted,
    errorOf: (set) =>
      failure !== null && failure.id === storedReplays.get(set) ? failure.text : null,
    remove,
  };
}
