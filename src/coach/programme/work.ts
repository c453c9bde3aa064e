/** What the stored workouts say was done, by local day. Pure. */
import type { SetRecord, WorkoutSession } from '../../storage/schema';
import { localDayOf } from './dates';
import { POSTURE_RESET } from './programme';

/** Sets in which the app saw work: a rep or good-form seconds (even if the tab closed mid-set). */
export function workSets(session: WorkoutSession): readonly SetRecord[] {
  return session.sets.filter((set) => set.reps.length > 0 || set.holdSeconds > 0);
}

/** Strength training (anything but the posture reset) with work in it. */
export function isStrengthWork(session: WorkoutSession): boolean {
  return session.exercise !== POSTURE_RESET.exercise && workSets(session).length > 0;
}

/** Days in [from, to) with strength work, oldest first. */
export function trainingDays(
  sessions: readonly WorkoutSession[],
  from: string,
  to: string,
): string[] {
  const days = new Set<string>();
  for (const session of sessions) {
    const day = localDayOf(session.startedAt);
    if (day >= from && day < to && isStrengthWork(session)) days.add(day);
  }
  return [...days].sort();
}
