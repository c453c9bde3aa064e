/**
 * The words for what the coach could not judge: shown instead of "Good form" while a check is
 * undecided, and the one sentence said when a view or engine leaves a check open for the set.
 */
import type { ExerciseFacts, FaultId, Undecided } from '../pose/exercises/types';
import type { LastingReason } from '../coach/workout/workout';
import { FAULT_WORDING, listWords } from './cues';
import { EXERCISE_CONTENT } from './exercises';

function areaOf(fault: FaultId): string {
  return FAULT_WORDING[fault].area ?? FAULT_WORDING[fault].label;
}

/** What a side view would add for the fault, in lower case; undefined when it has no area. */
function sideOnAreaOf(fault: FaultId): string | undefined {
  const wording = FAULT_WORDING[fault];
  return wording.sideOnArea ?? wording.area?.toLowerCase();
}

/**
 * The areas to name in "Turn sideways so I can check your … too", each once, a part left to the
 * whole it belongs to ("lower back" to "back"); null when one has no area to name.
 */
function sideOnAreas(faults: readonly FaultId[]): readonly string[] | null {
  const areas = faults.map(sideOnAreaOf);
  if (areas.some((area) => area === undefined)) return null;
  const named = [...new Set(areas.filter((area) => area !== undefined))];
  return named.filter((area) => !named.some((whole) => area.endsWith(` ${whole}`)));
}

/**
 * While form needs a side view: the reps still count ("Counting."; a hold's seconds are timed,
 * not counted), and what a side view adds is named where the rest of the exercise's faults are
 * judged from here (a plank at three-quarter: its lower back), else "your form".
 */
function turnSidewaysText(
  items: readonly Undecided[],
  exercise: Pick<ExerciseFacts, 'id' | 'kind'>,
): string {
  // Left open by the view or the engine; a measure that could not tell was still judged.
  const open = new Set(items.filter((item) => item.reason !== 'ambiguous').map((i) => i.fault));
  const faults = Object.keys(EXERCISE_CONTENT[exercise.id].faults) as FaultId[];
  const someJudged = faults.some((fault) => !open.has(fault));
  const areas = sideOnAreas(
    items.filter((item) => item.reason === 'needs-side-view').map((item) => item.fault),
  );
  const what = someJudged && areas !== null ? listWords(areas) : 'form';
  const counting = exercise.kind === 'reps' ? 'Counting. ' : '';
  return `${counting}Turn sideways so I can check your ${what} too.`;
}

/** The headline while a check is undecided: the first one's area and why. */
export function undecidedText(
  items: readonly Undecided[],
  exercise: Pick<ExerciseFacts, 'id' | 'kind'>,
): string | null {
  const first = items[0];
  if (!first) return null;
  switch (first.reason) {
    case 'ambiguous':
      return `${areaOf(first.fault)}: can’t judge`;
    case 'needs-side-view':
      // Standing posture judges its front checks from the front.
      return first.fault.startsWith('posture.')
        ? 'Good from the front. Side-on also checks head and back.'
        : turnSidewaysText(items, exercise);
    case 'needs-front-view':
      return `${areaOf(first.fault)}: can’t judge side-on. Face me (or turn your back) to check it.`;
    case 'needs-body-outline':
      return `${areaOf(first.fault)}: can’t judge with this engine (MediaPipe can)`;
    case 'lower-back-hidden':
      return `${areaOf(first.fault)}: can’t judge from any angle`;
    case 'hidden':
      return `${areaOf(first.fault)}: hidden from here`;
    case 'out-of-frame': {
      const counting = exercise.kind === 'reps' ? 'Counting. ' : '';
      return `${counting}Step back so I can check your ${areaOf(first.fault).toLowerCase()} too.`;
    }
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
  'lower-back-hidden':
    'In this exercise I cannot see your lower back from any angle, so keep it from arching yourself.',
  hidden:
    'From here something hides part of you, such as the weight, so I cannot check all of your form.',
  'out-of-frame':
    'Part of you is out of the picture. I am counting, but step back so I can check all of your form.',
};

/** Beside the offer to switch engine, for the rest of a workout whose check needs the outline. */
export const OUTLINE_ENGINE_OFFER =
  'Your lower back is judged on the outline of your body, which this engine does not trace.';
