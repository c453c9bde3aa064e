/**
 * The hip-hinge family's fault wording (deadlift, Romanian deadlift, kettlebell swing, suitcase
 * deadlift, bent-over row): the faults are the same ids (`hinge.*`, src/pose/exercises/hinge.ts),
 * so each fault's words are one object the files share. Each file words exactly the faults its
 * checker reports (content/exercises.test.ts), so the headline can tell what is left unjudged
 * from what is judged (content/undecided.ts). The sentences are the seed's (seed 003: "hinge at
 * your hips, keeping your back flat", "pushing your hips back", "keep a slight bend in your
 * knees").
 */
import type { FaultWording } from './types';

const ROUNDED_BACK = {
  label: 'Back rounding',
  say: 'Hinge at your hips, keeping your back flat.',
  area: 'Back',
} as const satisfies FaultWording;

const SIDE_LEAN = {
  label: 'Leaning sideways',
  say: 'Stay square: do not let the weight pull you to the side.',
  area: 'Trunk',
} as const satisfies FaultWording;

const TORSO_RISING = {
  label: 'Torso rising',
  say: 'Stay hinged at your hips: keep your back flat and your chest as low as on your first reps.',
  area: 'Torso angle',
} as const satisfies FaultWording;

/** The hinge's own faults (src/pose/exercises/hinge.ts): the deadlift, Romanian deadlift, swing. */
export const HINGE_FAULT_WORDING = {
  'hinge.rounded-back': ROUNDED_BACK,
  'hinge.knees-too-bent': {
    label: 'Squatting',
    say: 'Push your hips back and keep only a slight bend in your knees.',
    area: 'Knees',
  },
  'hinge.hyperextension': {
    label: 'Leaning back',
    say: 'Stand tall at the top: hips through, without leaning back.',
    area: 'Lower back',
  },
} as const satisfies Readonly<Record<string, FaultWording>>;

/** The suitcase deadlift: the hinge's, and the lean to the weight's side seen from the front. */
export const SUITCASE_FAULT_WORDING = {
  ...HINGE_FAULT_WORDING,
  'hinge.side-lean': SIDE_LEAN,
} as const satisfies Readonly<Record<string, FaultWording>>;

/** The bent-over row: the back's rounding, and the torso rising rep by rep. */
export const ROW_FAULT_WORDING = {
  'hinge.rounded-back': ROUNDED_BACK,
  'hinge.torso-rising': TORSO_RISING,
} as const satisfies Readonly<Record<string, FaultWording>>;
