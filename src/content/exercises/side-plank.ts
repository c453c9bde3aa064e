/** side-plank: what the page knows and says about it. Its checker is src/pose/exercises/side-plank.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const sidePlankContent = {
  id: 'side-plank',
  kind: 'hold',
  views: ['front', 'three-quarter'],
  alternatesSides: true,
  setupPhase: 'setup',
  title: 'Side plank',
  purpose: 'Targets the obliques and the deep muscle of the lower back at the side (QL).',
  startPosition: 'Lie on your side, propped up on one elbow directly beneath your shoulder.',
  steps: [
    'Lie on your side, propped up on one elbow directly beneath your shoulder.',
    'Stack your feet and lift your hips until your body is a straight line from head to toe.',
    'Too hard? Bend your bottom knee and rest it on the floor.',
  ],
  mistakes: ['Letting your hips drop towards the floor.'],
  camera:
    'Face the camera, with it level with your hips, so it sees the front of your body from head to feet.',
  faults: {
    'side-plank.hips-dropping': {
      label: 'Hips dropping',
      say: 'Lift your hips: a straight line from head to feet.',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'anti-lateral-flexion',
} as const satisfies ExerciseFile<'side-plank'>;
