import { useState } from 'react';
import { SAVING_DISMISS, savingNotice } from '../../content/saving';
import type { SaveStatus } from '../../coach/workout/save-queue';
import './save-banner.css';

/**
 * Says, once, when the workout cannot be saved (storage full or unavailable) or when saving has
 * caught up. Never blocks the workout; the person can dismiss it. Saving itself is useWorkoutLog's.
 */
export function SaveBanner({
  status,
  inWorkout,
}: {
  readonly status: SaveStatus;
  /** True while a workout is under way (not idle). */
  readonly inWorkout: boolean;
}) {
  const [dismissed, setDismissed] = useState<SaveStatus | null>(null);
  const notice = savingNotice(status, inWorkout);
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
