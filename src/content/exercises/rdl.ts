/** rdl: what the page knows and says about it. Its checker is src/pose/exercises/rdl.ts. */
import { HINGE_FAULT_WORDING } from './hinge';
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const rdlContent = {
  id: 'rdl',
  kind: 'reps',
  views: ['side', 'three-quarter', 'front'],
  alternatesSides: false,
  setupPhase: null,
  title: 'Romanian deadlift',
  purpose:
    'Works the entire back of your body: the muscles along your spine, your glutes and hamstrings.',
  startPosition: 'Stand tall holding the weight in front of your thighs, knees softly bent.',
  steps: [
    'Stand tall holding the weight in front of your thighs, feet hip-width apart.',
    'Keep a slight bend in your knees to protect your lower back.',
    'Push your hips back rather than just bending over, keeping your back flat and the weight close to your legs.',
    'Lower until you feel a stretch in your hamstrings (about mid-shin), then drive your hips forward to stand tall.',
  ],
  mistakes: [
    'Bending over with a rounded back instead of pushing your hips back.',
    'Bending your knees so much that it turns into a squat.',
    'Leaning back at the top.',
  ],
  camera:
    'Put the laptop to your side at hip height, far enough away that it sees you side-on from head to feet.',
  faults: HINGE_FAULT_WORDING,
  rangeUnit: DEGREES,
  movementPattern: 'hinge',
} as const satisfies ExerciseFile<'rdl'>;
