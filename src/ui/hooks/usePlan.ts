import { useCallback, useEffect, useState } from 'react';
import type { Equipment, PlumblineDb, ProgrammeEvent } from '../../storage';
import { withHandTick, type ChecklistItemId } from '../../coach/programme/checklist';
import {
  loadPlan,
  recordProgrammeEvent,
  startProgramme,
  stopProgramme,
  tickByHand,
  type PlanData,
} from '../../coach/programme/plan-store';
import { PLAN_WORDS } from '../../content/plan';
import { storageFailureText } from '../../content/storage-failure';
import type { StorageState } from './useStorage';

export type PlanState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: PlanData }
  | { readonly status: 'error'; readonly message: string };

export interface PlanActions {
  readonly start: () => void;
  readonly stop: () => void;
  readonly event: (kind: ProgrammeEvent['kind']) => void;
  readonly tick: (item: ChecklistItemId, done: boolean) => void;
}

/**
 * Loads the plan when the screen opens (so "today" is the day it is looked at), after every change
 * and when the equipment changes. A failed change keeps the plan on screen with `actionError`
 * saying what was not saved.
 */
export function usePlan(
  storage: StorageState,
  equipment: readonly Equipment[],
): {
  readonly state: PlanState;
  readonly actionError: string | null;
  readonly actions: PlanActions;
} {
  const [state, setState] = useState<PlanState>({ status: 'loading' });
  const [actionError, setActionError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const db: PlumblineDb | null = storage.status === 'ready' ? storage.db : null;

  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    loadPlan(db, new Date(), equipment).then(
      (data) => {
        if (!cancelled) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({
            status: 'error',
            message: storageFailureText(error, PLAN_WORDS.storageFailed),
          });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, version, equipment]);

  const run = useCallback(
    (change: (db: PlumblineDb) => Promise<void>) => {
      if (!db) return;
      change(db).then(
        () => {
          setActionError(null);
          setVersion((v) => v + 1);
        },
        (error: unknown) => {
          setActionError(storageFailureText(error, PLAN_WORDS.storageFailed));
          setVersion((v) => v + 1);
        },
      );
    },
    [db],
  );

  const weekStart = state.status === 'ready' ? state.data.weekStart : null;
  const actions: PlanActions = {
    start: () => {
      run((d) => startProgramme(d, new Date()));
    },
    stop: () => {
      run(stopProgramme);
    },
    event: (kind) => {
      run((d) => recordProgrammeEvent(d, kind, new Date()));
    },
    tick: (item, done) => {
      if (weekStart === null) return;
      // Shown at once (a checkbox that waits for the disk feels broken); a failed save reloads.
      setState((current) =>
        current.status === 'ready'
          ? {
              status: 'ready',
              data: {
                ...current.data,
                checklist: withHandTick(current.data.checklist, item, done),
              },
            }
          : current,
      );
      run((d) => tickByHand(d, weekStart, item, done));
    },
  };

  if (storage.status === 'error') {
    return { state: { status: 'error', message: storage.error.message }, actionError, actions };
  }
  return { state, actionError, actions };
}

/** The pain button's "End the workout": a running programme stops for pain today. */
export function notePainStop(storage: StorageState): void {
  if (storage.status !== 'ready') return;
  // Best effort: the pain dialog already told the person what to do; a failed write here only
  // means the Plan screen will not know, and it says nothing worse than "session due".
  recordProgrammeEvent(storage.db, 'pain', new Date()).catch(() => undefined);
}
