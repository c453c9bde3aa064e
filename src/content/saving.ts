/** The words of the saving banner: what was not saved, what is safe, and what to do. */
import type { SaveStatus } from '../coach/workout/save-queue';

export interface SavingNotice {
  readonly title: string;
  readonly text: string;
  /** A problem (warning colours) or good news. */
  readonly tone: 'problem' | 'good';
}

export const SAVING_DISMISS = 'OK';

/**
 * What to tell the person about saving, or null. Outside a workout, "not saving" is left to the
 * screens that read storage; a full disk with reps still waiting is said everywhere.
 */
export function savingNotice(status: SaveStatus, inWorkout: boolean): SavingNotice | null {
  const problem = status.problem;
  if (problem === null) {
    return status.caughtUp
      ? {
          title: 'Saved',
          text: 'Storage has room again: everything from this workout is saved.',
          tone: 'good',
        }
      : null;
  }
  switch (problem.kind) {
    case 'full':
      return {
        title: 'Storage is full',
        text:
          'Your device is out of space, so reps from now on are counted on screen but not saved yet. ' +
          'Everything saved before is safe. Keep going, and free some space on this device: ' +
          'Plumbline saves the rest by itself. Keep this tab open until then.',
        tone: 'problem',
      };
    case 'refused':
      return {
        title: 'One rep not saved',
        text: 'One rep had measurements Plumbline cannot store, so it was left out. The rest of this workout is saved.',
        tone: 'problem',
      };
    case 'replay-skipped':
      return {
        title: 'Replay not saved',
        text: problem.full
          ? 'Your device is out of space, so this set’s replay was not saved. The set itself is saved. Free some space to keep the next one.'
          : 'This set’s replay could not be saved. The set itself is saved.',
        tone: 'problem',
      };
    case 'unavailable':
      return inWorkout ? { title: 'Not saving', text: problem.message, tone: 'problem' } : null;
  }
}
