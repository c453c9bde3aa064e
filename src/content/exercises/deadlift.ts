/** deadlift: what the page knows and says about it. Its checker is src/pose/exercises/deadlift.ts. */
import { HINGE_FAULT_WORDING } from './hinge';
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const deadliftContent = {
  id: 'deadlift',
  kind: 'reps',
  views: ['side', 'three-quarter', 'front'],
  alternatesSides: false,
  setupPhase: null,
  title: 'Deadlift (light)',
  purpose:
    'Strengthens the whole back of your body (back, glutes and hamstrings) and teaches you to lift from the floor safely.',
  startPosition: 'Stand with the weight on the floor close to your shins, feet hip-width apart.',
  steps: [
    'Stand with your feet hip-width apart and the weight close to your shins.',
    'Hinge at your hips, keeping your back flat, and bend your knees just enough to take hold.',
    'Brace your core, then stand up by driving your hips forward, keeping the weight close.',
    'Stand tall at the top without leaning back, then push your hips back to lower it.',
  ],
  mistakes: [
    'Rounding your back to reach the weight.',
    'Squatting it up: hips too low and knees too bent.',
    'Leaning back at the top instead of just standing tall.',
    'Lifting heavier than you can hold good form for: start light.',
  ],
  camera:
    'Put the laptop to your side at hip height, far enough away that it sees you side-on from head to feet.',
  faults: HINGE_FAULT_WORDING,
  rangeUnit: DEGREES,
  movementPattern: 'hinge',
} as const satisfies ExerciseFile<'deadlift'>;
