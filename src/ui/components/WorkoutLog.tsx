import { useState } from 'react';
import type { Strictness } from '../../pose/exercises/types';
import { SAVING_DISMISS, savingNotice } from '../../content/saving';
import type { StorageState } from '../hooks/useStorage';
import { useWorkoutLog } from '../hooks/useWorkoutLog';
import type { SaveStatus } from '../../coach/workout/save-queue';
import type { WorkoutState } from '../../coach/workout/workout';
import './save-banner.css';

/**
 * Saves the workout as it happens, and says so in a banner, once, when it cannot (storage full or
 * unavailable) or when it has caught up. Never blocks the workout; the person can dismiss it.
 */
export function WorkoutLog({
  storage,
  workout,
  strictness,
  programmeWeek,
}: {
  readonly storage: StorageState;
  readonly workout: WorkoutState;
  readonly strictness: Strictness;
  /** The programme week when the workout was started from the Plan, else null. */
  readonly programmeWeek: number | null;
}) {
  const status = useWorkoutLog(storage, workout, strictness, programmeWeek);
  const [dismissed, setDismissed] = useState<SaveStatus | null>(null);
  const notice = savingNotice(status, workout.phase !== 'idle');
  if (!notice || dismissed === status) return null;
  return (
    <aside
      className={`save-banner save-banner--${notice.tone}`}
      role="status"
      aria-live="polite"
      data-testid="save-banner"
    >
      <strong>{notice.title}:</strong>
      <p>{notice.text}</p>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setDismissed(status);
        }}
      >
        {SAVING_DISMISS}
      </button>
    </aside>
  );
}
