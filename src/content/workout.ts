/** The words of the workout screen: placement, announcements, counters, keys and safety. */
import type { Strictness } from '../pose/exercises/types';
import type { PlacementAdvice } from '../coach/workout/placement';
import type { SetPlan } from '../coach/workout/plan';
import type { Announcement, CoachCue, PauseReason, RepsCountedPer } from '../coach/workout/workout';
import type { RepTempo } from '../pose/reps/tempo';
import type { RepMeasureMetric } from '../pose/reps/kept-measures';
import { REP_MEASURE_METRICS } from '../pose/reps/kept-measures';
import type { BalanceMeasure, SideBalance } from '../coach/measures';
import type { ExerciseContent, RangeUnit } from './exercises';
import { FAULT_WORDING, GUIDANCE_WORDING, cannotSeeText, hiddenPartsText } from './cues';
import { OUT_OF_VIEW, TOO_DARK } from './robustness';
import { LIMIT_SPOKEN } from './undecided';

export const STEP_BACK = 'Step back until your whole body is visible.';
export const HOLD_STILL = 'Hold still: the set starts in a moment…';
/** Where no exercise says where its camera goes. */
const MOVE_CAMERA = 'Move the camera so it sees your whole body.';

export function placementText(advice: PlacementAdvice, content: ExerciseContent | null): string {
  switch (advice.kind) {
    case 'step-back':
      return STEP_BACK;
    case 'cannot-see':
      return advice.hidden
        ? hiddenPartsText(advice.parts, content?.camera ?? MOVE_CAMERA)
        : cannotSeeText(advice.parts);
    case 'view':
      return GUIDANCE_WORDING[advice.guidance];
    case 'too-dark':
      return TOO_DARK;
    case 'get-in-position':
      return content
        ? `Get into the start position: ${content.startPosition}`
        : GUIDANCE_WORDING['setup.get-in-position'];
    case 'hold-still':
      return HOLD_STILL;
    case 'ready':
      return 'Go!';
  }
}

/** Said when a rep was lowered faster than the exercise's control asks (src/coach/measures.ts). */
export const SLOW_DOWN_TEXT = 'Slow down: lower with control.';

export function cueText(cue: CoachCue, content: ExerciseContent | null): string {
  if (cue.kind === 'slow-down') return SLOW_DOWN_TEXT;
  return cue.kind === 'fault' ? FAULT_WORDING[cue.fault].say : placementText(cue.advice, content);
}

const PAUSE_WORDS: Readonly<Record<PauseReason, string>> = {
  user: 'Paused.',
  hidden: 'Paused while the page is hidden.',
  camera: 'Paused: the camera stopped.',
  pain: 'Stopped for pain.',
  away: OUT_OF_VIEW,
};

/**
 * The back as last read on the body outline this set: flat, or not said flat (the cue or the
 * headline says what instead: the fault, or "can't judge").
 */
export function backCheckText(flat: boolean): string {
  return flat ? 'Back: flat on your outline' : 'Back: not confirmed flat';
}

export function pauseText(reason: PauseReason): string {
  return PAUSE_WORDS[reason];
}

export function announcementText(what: Announcement): string {
  switch (what.kind) {
    case 'set-started':
      return what.limit
        ? `Set ${what.set}. Go. ${LIMIT_SPOKEN[what.limit]}`
        : `Set ${what.set}. Go.`;
    case 'set-done':
      return `Set ${what.set} done. Rest for ${what.restSeconds} seconds.`;
    case 'rest-over':
      return `Rest over. Get ready for set ${what.set}.`;
    case 'switch-sides':
      return 'Switch sides: the same reps on your other side.';
    case 'workout-done':
      return 'Workout complete. Well done.';
    case 'paused':
      return pauseText(what.reason);
  }
}

const PER_WORDS: Readonly<
  Record<RepsCountedPer, { readonly plan: string; readonly target: string }>
> = {
  set: { plan: '', target: '' },
  side: { plan: ' per side', target: ' on each side' },
  // Seed 003: "3 sets of 10 reps per arm".
  arm: { plan: ' per arm', target: ' per arm' },
  'side-in-turn': { plan: ' per side', target: ' on this side' },
};

/** The reps field of the plan: "Reps", "Reps per side", "Reps per arm". */
export function repsLabel(per: RepsCountedPer): string {
  return `Reps${PER_WORDS[per].plan}`;
}

export function planText(plan: SetPlan, per: RepsCountedPer): string {
  return plan.kind === 'reps'
    ? `${plan.sets} × ${plan.reps} reps${PER_WORDS[per].plan}`
    : `${plan.sets} × ${plan.holdSeconds} s hold`;
}

/**
 * What the big count is out of, read after its number: "of 30 s", "of 10 reps", for an exercise
 * that alternates sides "of 3 reps on each side", for a row "of 10 reps per arm" (the number is
 * then the weaker side's or arm's count).
 */
export function progressTarget(plan: SetPlan, per: RepsCountedPer): string {
  if (plan.kind === 'hold') return `of ${plan.holdSeconds} s`;
  return `of ${plan.reps} reps${PER_WORDS[per].target}`;
}

/** The two counters beside the big count of an exercise counted per side or arm. */
export function sideCounterLabels(per: Exclude<RepsCountedPer, 'set'>): {
  readonly left: string;
  readonly right: string;
} {
  switch (per) {
    case 'arm':
      return { left: 'Left arm', right: 'Right arm' };
    case 'side':
      return { left: 'Left side', right: 'Right side' };
    case 'side-in-turn':
      return { left: 'First side', right: 'Second side' };
  }
}

export const STRICTNESS_LABELS: Readonly<Record<Strictness, { label: string; hint: string }>> = {
  beginner: { label: 'Beginner', hint: 'flags clear mistakes only' },
  advanced: { label: 'Advanced', hint: 'stricter lines and angles' },
};

export const NO_EXERCISES =
  'No exercises are available yet: the form checkers are still being added. You can check a photo meanwhile.';

export const SAFETY = {
  button: 'Sharp pain? Stop',
  title: 'Stop now',
  advice: [
    'Sharp, shooting or radiating pain is a signal to stop. Do not push through it.',
    'A dull, general ache that fades in a few days is normal muscle soreness; sharp pain is not.',
    'If the pain does not improve, gets worse, or comes with numbness or weakness, see a healthcare professional (your GP or a physiotherapist).',
  ],
  end: 'End the workout',
  resume: 'I feel fine: resume',
  noteTitle: 'Before you start',
  note: [
    'Go slowly and with control: quality over speed.',
    'Mild muscle ache is normal. Sharp pain is not: stop, and see a professional if it persists.',
    'Plumbline is a form guide, not medical advice; it can miss things the camera cannot see.',
  ],
  noteDismiss: 'Got it',
} as const;

export const KEYS: readonly { readonly key: string; readonly action: string }[] = [
  { key: 'S', action: 'start the workout (or the next set)' },
  { key: 'Space', action: 'pause / resume' },
  { key: 'E', action: 'end the set' },
  { key: 'N', action: 'skip the rest' },
  { key: 'M', action: 'mute / unmute the voice' },
];

export const BUTTONS = {
  start: 'Start workout',
  pause: 'Pause',
  resume: 'Resume',
  endSet: 'End set',
  skipRest: 'Skip rest',
  nextSet: 'Start next set',
  newWorkout: 'Choose another exercise',
  mute: 'Mute voice',
  unmute: 'Unmute voice',
} as const;

/** The privacy view's switch: coaching with someone else in the room, or on a shared screen. */
export const PRIVACY_VIEW_TEXT = {
  label: 'Privacy view',
  hint: 'No camera picture on screen: only your skeleton and outline.',
} as const;

/** The app's screens, in tab order. */
export const SCREENS = ['workout', 'photo', 'history', 'plan'] as const;
export type Screen = (typeof SCREENS)[number];
export const SCREEN_LABELS: Readonly<Record<Screen, string>> = {
  workout: 'Workout',
  photo: 'Posture check',
  history: 'History',
  plan: 'Plan',
};

/** Seconds with one decimal: "1.2 s", or a dash where the part was not timed. */
function seconds(ms: number | null): string {
  return ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`;
}

/** A rep's tempo: "down 1.2 s · pause 0.8 s · up 0.9 s". */
export function tempoText(tempo: RepTempo): string {
  return `down ${seconds(tempo.lowerMs)} · pause ${seconds(tempo.pauseMs)} · up ${seconds(tempo.liftMs)}`;
}

/**
 * A squat's depth, the thigh's elevation at the bottom (positive above parallel): "4° above
 * parallel", "at parallel", "9° below parallel".
 */
export function depthText(thighDeg: number): string {
  const rounded = Math.round(thighDeg);
  if (rounded === 0) return 'at parallel';
  return `${Math.abs(rounded)}° ${rounded > 0 ? 'above' : 'below'} parallel`;
}

/**
 * One kept measure of a rep (src/pose/exercises/rep-measures.ts) in words: "hips bent to 44°",
 * "thighs 3° below parallel", "lower back curved 5°". The back's outline reads negative where it
 * arches the other way.
 */
function repMeasureText(metric: RepMeasureMetric, degrees: number): string {
  const rounded = Math.round(degrees);
  const angle = `${Math.abs(rounded)}°`;
  const shape = rounded < 0 ? 'arched' : 'curved';
  switch (metric) {
    case 'hipAngleDeg':
      return `hips bent to ${angle}`;
    case 'repBottomThighDeg':
      return `thighs ${depthText(degrees)}`;
    case 'backRoundingDeg':
      return `lower back ${shape} ${angle}`;
    case 'upperBackRoundingDeg':
      return `upper back ${shape} ${angle}`;
  }
}

/**
 * What a rep kept, in the order of `REP_MEASURE_METRICS`: "hips bent to 44° · lower back curved 5°
 * · upper back curved 7°"; null where it kept nothing (seen from the front).
 */
export function repMeasuresText(
  measures: Readonly<Partial<Record<RepMeasureMetric, number>>>,
): string | null {
  const parts = REP_MEASURE_METRICS.flatMap((metric) => {
    const value = measures[metric];
    return value === undefined ? [] : [repMeasureText(metric, value)];
  });
  return parts.length === 0 ? null : parts.join(' · ');
}

/** A rep-signal value in its exercise's unit: "12°", "0.85 lift". */
export function rangeValueText(value: number, unit: RangeUnit): string {
  return `${value.toFixed(unit.decimals)}${unit.suffix}`;
}

const BALANCE_WORDS: Readonly<Record<BalanceMeasure, string>> = {
  reps: 'reps',
  range: 'range',
  hold: 'hold',
};

/**
 * Left against right: "Left / right: reps 4 / 4, range 1.10 / 0.92 lift. Uneven: range." The
 * uneven measures differ by more than the balance's `limitShare` (src/coach/measures.ts).
 */
export function balanceText(balance: SideBalance, unit: RangeUnit): string {
  const { left: leftReps, right: rightReps } = balance.reps;
  const parts = leftReps + rightReps > 0 ? [`reps ${leftReps} / ${rightReps}`] : [];
  if (balance.range) {
    const { left, right } = balance.range;
    parts.push(`range ${left.toFixed(unit.decimals)} / ${rangeValueText(right, unit)}`);
  }
  if (balance.holdSeconds) {
    const { left, right } = balance.holdSeconds;
    parts.push(`hold ${left.toFixed(0)} s / ${right.toFixed(0)} s`);
  }
  const uneven = balance.imbalanced.map((measure) => BALANCE_WORDS[measure]).join(', ');
  const share = Math.round(balance.limitShare * 100);
  const verdict = uneven
    ? ` Uneven (over ${share} % apart): ${uneven}.`
    : ` Even within ${share} %.`;
  return `Left / right: ${parts.join(', ')}.${verdict}`;
}
