import { useCallback, useEffect, useState } from 'react';
import {
  deleteAllData,
  deleteSession,
  exportAll,
  getSettings,
  importFile,
  replaysToCsv,
  snapshotsToCsv,
  toCsv,
  toJson,
  type ImportOptions,
  type PlumblineDb,
  type PlumblineExport,
} from '../../storage';
import { DATA, HISTORY, exerciseName } from '../../content/history';
import { storageFailureText } from '../../content/storage-failure';
import { localDayOf } from '../../coach/history/weekly';
import type { Settings } from '../../coach/settings';
import { importedSettingsChange } from '../../coach/settings';
import type { StorageState } from './useStorage';

export type HistoryLoad =
  | { readonly status: 'opening' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: PlumblineExport; readonly skipped: number }
  | { readonly status: 'error'; readonly message: string };

export interface Notice {
  readonly tone: 'ok' | 'error';
  readonly text: string;
  /** Shown by the data actions, or by the workouts table (one workout deleted). */
  readonly place: 'data' | 'workouts';
}

/** A saved workout as its Delete names it. */
export interface WorkoutRef {
  readonly id: string;
  readonly exercise: string;
  readonly startedAt: string;
}

export type ExportKind = 'json' | 'sessions-csv' | 'snapshots-csv' | 'timeline-csv';

export interface HistoryActions {
  readonly load: HistoryLoad;
  /** What the last action did, or why it failed. */
  readonly notice: Notice | null;
  readonly busy: boolean;
  readonly exportData: (kind: ExportKind) => void;
  readonly importData: (file: File, mode: ImportOptions['mode']) => void;
  readonly deleteAll: () => void;
  /** Deletes one workout and its set replays (`deleteSession`), all or nothing. */
  readonly deleteWorkout: (workout: WorkoutRef) => void;
}

const EXPORT_FILES: Readonly<
  Record<ExportKind, { name: string; type: string; body: (data: PlumblineExport) => string }>
> = {
  json: { name: 'plumbline-export', type: 'application/json', body: toJson },
  'sessions-csv': { name: 'plumbline-workouts', type: 'text/csv', body: (d) => toCsv(d.sessions) },
  'snapshots-csv': {
    name: 'plumbline-posture-snapshots',
    type: 'text/csv',
    body: (d) => snapshotsToCsv(d.snapshots),
  },
  'timeline-csv': {
    name: 'plumbline-fault-timelines',
    type: 'text/csv',
    body: (d) => replaysToCsv(d.replays ?? []),
  },
};

/** Hands `text` to the browser as a file download (a blob: URL; nothing leaves the device). */
function download(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The download has taken its copy once the click is handled.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}

/**
 * Everything the History screen shows, read in one transaction (`exportAll`), reloaded after an
 * import or a delete; and the export, import and delete actions (all data, or one workout), each
 * reported as a notice.
 * `onSettingsImported` gets the settings an imported file brought, to apply to the running app
 * (whose settings live in localStorage, not with the imported data).
 */
export function useHistory(
  storage: StorageState,
  onSettingsImported: (change: Partial<Settings>) => void,
): HistoryActions {
  const db: PlumblineDb | null = storage.status === 'ready' ? storage.db : null;
  const [load, setLoad] = useState<HistoryLoad>({ status: 'loading' });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (db === null) return;
    let cancelled = false;
    exportAll(db).then(
      (result) => {
        if (!cancelled)
          setLoad({ status: 'ready', data: result.data, skipped: result.skipped.length });
      },
      (error: unknown) => {
        if (!cancelled) {
          setLoad({
            status: 'error',
            message: storageFailureText(error, HISTORY.readFailed),
          });
        }
      },
    );
    return () => {
      cancelled = true;
    };
  }, [db, generation]);

  /** Runs one action at a time; `reload` re-reads the data afterwards. */
  const run = useCallback(
    (
      action: (db: PlumblineDb) => Promise<string>,
      reload: boolean,
      place: Notice['place'] = 'data',
    ): void => {
      if (db === null || busy) return;
      setBusy(true);
      setNotice(null);
      action(db)
        .then(
          (text) => {
            setNotice({ tone: 'ok', text, place });
          },
          (error: unknown) => {
            setNotice({ tone: 'error', text: storageFailureText(error), place });
          },
        )
        .finally(() => {
          setBusy(false);
          if (reload) setGeneration((n) => n + 1);
        });
    },
    [db, busy],
  );

  const exportData = useCallback(
    (kind: ExportKind) => {
      run(async (database) => {
        // The JSON backup and the timelines read the set replays; the other files do not.
        const { data, skipped } = await exportAll(database, undefined, {
          replays: kind === 'json' || kind === 'timeline-csv',
        });
        const file = EXPORT_FILES[kind];
        const extension = kind === 'json' ? 'json' : 'csv';
        const fileName = `${file.name}-${localDayOf(data.exportedAt)}.${extension}`;
        download(fileName, file.type, file.body(data));
        return DATA.exported(fileName, skipped.length);
      }, false);
    },
    [run],
  );

  const importData = useCallback(
    (file: File, mode: ImportOptions['mode']) => {
      run(async (database) => {
        const summary = await importFile(database, file, { mode });
        if (summary.settings) {
          onSettingsImported(importedSettingsChange((await getSettings(database)).value));
        }
        return DATA.imported(summary, mode);
      }, true);
    },
    [run, onSettingsImported],
  );

  const deleteAll = useCallback(() => {
    run(async (database) => {
      await deleteAllData(database);
      return DATA.deleted;
    }, true);
  }, [run]);

  const deleteWorkout = useCallback(
    (workout: WorkoutRef) => {
      run(
        async (database) => {
          await deleteSession(database, workout.id);
          return HISTORY.workoutDeleted(exerciseName(workout.exercise), workout.startedAt);
        },
        true,
        'workouts',
      );
    },
    [run],
  );

  const shown: HistoryLoad =
    storage.status === 'opening'
      ? { status: 'opening' }
      : storage.status === 'error'
        ? { status: 'error', message: storage.error.message }
        : load;
  return { load: shown, notice, busy, exportData, importData, deleteAll, deleteWorkout };
}
