import { useCallback, useEffect, useState } from 'react';
import {
  deleteReplay,
  getReplay,
  listReplayIds,
  replayId,
  type PlumblineDb,
  type ReplayTrack,
} from '../../storage';
import { REPLAY } from '../../content/replay';
import { storageFailureText } from '../../content/storage-failure';

export interface OpenReplay {
  readonly id: string;
  readonly setIndex: number;
  readonly track: ReplayTrack;
}

export interface StoredReplays {
  /** The ids of the sets that have a replay (`replayId`). */
  readonly ids: ReadonlySet<string>;
  readonly open: OpenReplay | null;
  /** Why the last replay could not be opened or deleted, or that it was deleted. */
  readonly notice: { readonly tone: 'ok' | 'error'; readonly text: string } | null;
  readonly show: (sessionId: string, setIndex: number) => void;
  readonly close: () => void;
  readonly remove: () => void;
}

/**
 * The History's replays: which sets have one (their ids only: the replays themselves are loaded one
 * at a time, when opened), the one open, and deleting it. `shown` is the data the History shows:
 * the ids are read again whenever it is (an import, a delete).
 */
export function useStoredReplays(db: PlumblineDb | null, shown: unknown): StoredReplays {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const [open, setOpen] = useState<OpenReplay | null>(null);
  const [notice, setNotice] = useState<StoredReplays['notice']>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (db === null) return;
    let cancelled = false;
    listReplayIds(db).then(
      (next) => {
        if (!cancelled) setIds(next);
      },
      () => {
        // Without the ids no Replay button shows; the History itself still reads.
        if (!cancelled) setIds(new Set());
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, shown, generation]);

  const show = useCallback(
    (sessionId: string, setIndex: number) => {
      if (db === null) return;
      const id = replayId(sessionId, setIndex);
      setNotice(null);
      getReplay(db, id).then(
        (track) => {
          if (track) setOpen({ id, setIndex, track });
          else setNotice({ tone: 'error', text: REPLAY.notFound });
        },
        (error: unknown) => {
          setNotice({ tone: 'error', text: storageFailureText(error) });
        },
      );
    },
    [db],
  );

  const remove = useCallback(() => {
    if (db === null || open === null) return;
    deleteReplay(db, open.id).then(
      () => {
        setOpen(null);
        setNotice({ tone: 'ok', text: REPLAY.deleted });
        setGeneration((n) => n + 1);
      },
      (error: unknown) => {
        setNotice({ tone: 'error', text: storageFailureText(error) });
      },
    );
  }, [db, open]);

  const close = useCallback(() => {
    setOpen(null);
  }, []);

  return { ids, open, notice, show, close, remove };
}
