/** kb-swing: what the page knows and says about it. Its checker is src/pose/exercises/kb-swing.ts. */
import { HINGE_FAULT_WORDING } from './hinge';
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const kbSwingContent = {
  id: 'kb-swing',
  kind: 'reps',
  views: ['side', 'three-quarter', 'front'],
  alternatesSides: false,
  setupPhase: null,
  title: 'Kettlebell swing',
  purpose:
    'Builds power in your hips and glutes while teaching your core and lower back to work together as one solid, stable unit.',
  startPosition:
    'Stand with the kettlebell on the floor a little in front of you, feet just wider than your hips.',
  steps: [
    'Hinge at your hips, keeping your back flat, and take the handle with both hands.',
    'Hike the bell back between your legs: push your hips back, with only a slight bend in your knees.',
    'Drive your hips forward to swing the bell up to about chest height with straight arms.',
    'Stand tall at the top, without leaning back, then let the bell fall back into the next hinge.',
  ],
  mistakes: [
    'Squatting the bell up instead of hinging at your hips.',
    'Rounding your back at the bottom of the swing.',
    'Leaning back at the top instead of just standing tall.',
    'Lifting the bell with your arms: the power comes from your hips.',
  ],
  camera:
    'Put the laptop to your side at hip height, far enough away that it sees you side-on from head to feet, with room for the swing.',
  faults: HINGE_FAULT_WORDING,
  rangeUnit: DEGREES,
  movementPattern: 'hinge',
} as const satisfies ExerciseFile<'kb-swing'>;
