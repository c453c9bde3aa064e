/** suitcase-deadlift: what the page knows and says about it. Its checker is src/pose/exercises/suitcase-deadlift.ts. */
import { SUITCASE_FAULT_WORDING } from './hinge';
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const suitcaseDeadliftContent = {
  id: 'suitcase-deadlift',
  kind: 'reps',
  views: ['side', 'three-quarter', 'front'],
  alternatesSides: false,
  sidesInTurn: true,
  setupPhase: null,
  title: 'Suitcase deadlift',
  purpose:
    'Challenges your sideways stability and teaches you to control your pelvis under a load on one side.',
  startPosition: 'Stand tall with one dumbbell or kettlebell on the floor beside one foot.',
  steps: [
    'Stand with your feet hip-width apart and the weight on the floor beside one foot.',
    'Hinge at your hips, keeping your back flat, and bend your knees to take the handle.',
    'Brace your core and stand up tall, without leaning towards the weight or away from it.',
    'Lower it the same way, then swap hands for the next set.',
  ],
  mistakes: [
    'Leaning towards the weight or twisting to reach it.',
    'Rounding your back to reach the floor.',
    'Leaning back at the top instead of just standing tall.',
  ],
  camera:
    'Put the laptop at hip height, far enough away that it sees you from head to feet. Side-on it checks your back; facing it, your sideways lean.',
  faults: SUITCASE_FAULT_WORDING,
  rangeUnit: DEGREES,
  movementPattern: 'hinge',
} as const satisfies ExerciseFile<'suitcase-deadlift'>;
