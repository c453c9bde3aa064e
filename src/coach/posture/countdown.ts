/** The capture countdown: press, step back, and one frame is taken when it reaches zero. Pure. */

/** Seconds the person can choose: 3 to step back a pace, 10 to walk to a wall across the room. */
export const COUNTDOWN_CHOICES_S = [3, 5, 10] as const;
export type CountdownSeconds = (typeof COUNTDOWN_CHOICES_S)[number];
/** Five seconds is enough to step back from a laptop and stand still. */
export const DEFAULT_COUNTDOWN_S: CountdownSeconds = 5;

/** Whole seconds left to show (5, 4, ... 1), 0 once it is time to take the frame. */
export function secondsLeft(startedAtMs: number, nowMs: number, durationS: number): number {
  const leftMs = startedAtMs + durationS * 1000 - nowMs;
  if (!Number.isFinite(leftMs) || leftMs <= 0) return 0;
  return Math.min(durationS, Math.ceil(leftMs / 1000));
}

/** Milliseconds until the shown number next changes (or until the capture), for the next tick. */
export function msToNextTick(startedAtMs: number, nowMs: number, durationS: number): number {
  const leftMs = startedAtMs + durationS * 1000 - nowMs;
  if (!Number.isFinite(leftMs) || leftMs <= 0) return 0;
  return leftMs - (Math.ceil(leftMs / 1000) - 1) * 1000;
}
