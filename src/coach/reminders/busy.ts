import type { WorkoutPhase } from '../workout/workout';

/**
 * Whether a workout keeps the person moving, so reminders wait. A paused or finished workout does
 * not: the person may have sat back down and left it on screen for hours.
 */
export function keepsMoving(phase: WorkoutPhase): boolean {
  return phase === 'placing' || phase === 'counting' || phase === 'resting';
}
