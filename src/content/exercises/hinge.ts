/**
 * The hip-hinge family's shared fault wording (deadlift, Romanian deadlift, kettlebell
 * swing, suitcase deadlift): the faults are the
 * same ids (`hinge.*`, src/pose/exercises/hinge.ts), so the words are one object each exercise
 * file repeats. The sentences are the seed's (seed 003: "hinge at your hips, keeping your back
 * flat", "pushing your hips back", "keep a slight bend in your knees").
 */
import type { FaultWording } from './types';

export const HINGE_FAULT_WORDING = {
  'hinge.rounded-back': {
    label: 'Back rounding',
    say: 'Hinge at your hips, keeping your back flat.',
    area: 'Back',
  },
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
  'hinge.side-lean': {
    label: 'Leaning sideways',
    say: 'Stay square: do not let the weight pull you to the side.',
    area: 'Trunk',
  },
  'hinge.torso-rising': {
    label: 'Torso rising',
    say: 'Stay hinged at your hips: keep your back flat and your chest as low as on your first reps.',
    area: 'Torso angle',
  },
} as const satisfies Readonly<Record<string, FaultWording>>;
