/** dead-bug: what the page knows and says about it. Its checker is src/pose/exercises/dead-bug.ts. */
import type { ExerciseFile } from './types';

export const deadBugContent = {
  id: 'dead-bug',
  kind: 'reps',
  views: ['side', 'three-quarter'],
  alternatesSides: true,
  setupPhase: 'setup',
  title: 'Dead bug',
  purpose: 'Keeps your pelvis and spine steady while your arms and legs move in opposition.',
  startPosition: 'Lie on your back, arms up to the ceiling, knees bent at 90° over your hips.',
  steps: [
    'Lie on your back, arms towards the ceiling, knees bent at a right angle over your hips.',
    'Slowly lower the opposite arm and leg towards the floor.',
    'Only go as low as you can without your lower back arching.',
    'Return with control, then switch sides.',
  ],
  mistakes: ['Letting your lower back lift off the floor: keep it in gentle contact.'],
  camera: 'Put the laptop to your side, so it sees you side-on from head to feet.',
  faults: {
    'dead-bug.lumbar-lift': {
      label: 'Lower back lifting',
      say: 'Keep your lower back on the floor, and lower only as far as it stays there.',
      area: 'Lower back',
    },
  },
  // How far the lowest ankle came down towards the trunk line.
  rangeUnit: { suffix: ' torso lengths', decimals: 2 },
  movementPattern: 'anti-extension',
} as const satisfies ExerciseFile<'dead-bug'>;
