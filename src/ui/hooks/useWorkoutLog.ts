import { useEffect, useMemo, useRef, useState } from 'react';
import type { Strictness } from '../../pose/exercises/types';
import { INITIAL_LOG, stepLog, type LogState } from '../../coach/workout/log';
import {
  SAVING_OK,
  SaveQueue,
  storageRunner,
  type SavedReplay,
  type SaveStatus,
} from '../../coach/workout/save-queue';
import type { WorkoutState } from '../../coach/workout/workout';
import type { StorageState } from './useStorage';

/**
 * While storage is full, how often what waits is tried again when nothing new arrives (a rest
 * between sets, the end of the workout): often enough to catch freed space within seconds.
 */
const RETRY_WHEN_FULL_MS = 10_000;

export interface WorkoutLog {
  /** What the person should be told about saving. */
  readonly saving: SaveStatus;
  /**
   * The stored ids (`replayId`) of the shown workout's set replays that are on disk, by set number
   * (1-based): a replay still waiting to be saved, or skipped, has none.
   */
  readonly storedReplays: ReadonlyMap<number, string>;
}

/**
 * Saves the workout as it happens: each new workout state becomes storage operations
 * (workout/log.ts) run one at a time by a queue (workout/save-queue.ts), so the live coaching
 * never waits on storage.
 */
export function useWorkoutLog(
  storage: StorageState,
  workout: WorkoutState,
  strictness: Strictness,
  programmeWeek: number | null,
): WorkoutLog {
  const [status, setStatus] = useState<SaveStatus>(SAVING_OK);
  const [queue] = useState(() => new SaveQueue(setStatus));
  const logRef = useRef<LogState>(INITIAL_LOG);
  /** The workout whose sets are shown: the log's last session (it forgets it once finished). */
  const [shownSession, setShownSession] = useState<string | null>(null);
  /** The replays saved of the workout saved last (a queue may finish one after the next began). */
  const [saved, setSaved] = useState<readonly SavedReplay[]>([]);

  useEffect(() => {
    const onReplaySaved = (replay: SavedReplay): void => {
      setSaved((before) => [...before.filter((s) => s.sessionId === replay.sessionId), replay]);
    };
    if (storage.status === 'ready') queue.connect(storageRunner(storage.db, onReplaySaved));
    else if (storage.status === 'error') queue.disconnect(storage.error.message);
  }, [storage, queue]);

  useEffect(() => {
    const step = stepLog(logRef.current, workout, {
      at: new Date().toISOString(),
      strictness,
      newId: () => crypto.randomUUID(),
      programmeWeek,
    });
    const session = step.log.session;
    // Only when a new workout begins: this runs for every analysed frame.
    if (session && session.id !== logRef.current.session?.id) setShownSession(session.id);
    logRef.current = step.log;
    if (step.ops.length > 0) queue.push(step.ops);
  }, [workout, strictness, programmeWeek, queue]);

  const full = status.problem?.kind === 'full';
  useEffect(() => {
    if (!full) return;
    const timer = setInterval(() => {
      queue.retry();
    }, RETRY_WHEN_FULL_MS);
    return () => {
      clearInterval(timer);
    };
  }, [full, queue]);

  const storedReplays = useMemo(
    () => new Map(saved.filter((s) => s.sessionId === shownSession).map((s) => [s.set, s.id])),
    [saved, shownSession],
  );
  return { saving: status, storedReplays };
}
