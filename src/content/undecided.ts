/**
 * The words for what the coach could not judge: shown instead of "Good form" while a check is
 * undecided, and the one sentence said when a view or engine leaves a check open for the set.
 */
import type { FaultId, Undecided } from '../pose/exercises/types';
import type { LastingReason } from '../coach/workout/workout';
import { FAULT_WORDING } from './cues';

function areaOf(fault: FaultId): string {
  return FAULT_WORDING[fault].area ?? FAULT_WORDING[fault].label;
}

/** The headline while a check is undecided: the first one's area and why. */
export function undecidedText(items: readonly Undecided[]): string | null {
  const first = items[0];
  if (!first) return null;
  switch (first.reason) {
    case 'ambiguous':
      return `${areaOf(first.fault)}: can’t judge`;
    case 'needs-side-view':
      // Standing posture judges its front checks from the front; an exercise judged side-on
      // only counts from another angle.
      return first.fault.startsWith('posture.')
        ? 'Good from the front. Side-on also checks head and back.'
        : 'Counting. Turn sideways so I can check your form too.';
    case 'needs-front-view':
      return `${areaOf(first.fault)}: can’t judge side-on. Face me (or turn your back) to check it.`;
    case 'needs-body-outline':
      return `${areaOf(first.fault)}: can’t judge with this engine (MediaPipe can)`;
  }
}

/** Said once per workout, after "Set 1. Go.", for a check left open the whole set. */
export const LIMIT_SPOKEN: Readonly<Record<LastingReason, string>> = {
  'needs-side-view':
    'From this angle I can check only part of your form. Turn sideways so I can check all of it.',
  'needs-front-view':
    'From this angle I cannot see you lean or twist to the side. Face me, or turn your back to me, so I can check it.',
  'needs-body-outline':
    'This engine cannot see the outline of your back, so I cannot judge your lower back. MediaPipe can.',
};

/** Beside the offer to switch engine, for the rest of a workout whose check needs the outline. */
export const OUTLINE_ENGINE_OFFER =
  'Your lower back is judged on the outline of your body, which this engine does not trace.';
