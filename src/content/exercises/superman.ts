/** superman: what the page knows and says about it. Its checker is src/pose/exercises/superman.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const supermanContent = {
  id: 'superman',
  kind: 'reps',
  views: ['side'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Superman',
  purpose: 'Builds endurance in the muscles along your spine, from upper back to glutes.',
  startPosition: 'Lie face down, arms stretched out in front, legs straight behind you.',
  steps: [
    'Lie face down with your arms out in front and legs straight behind you.',
    'Keep your neck neutral (look at the floor), then lift arms, chest and legs together.',
    'Reach your fingertips forward and your toes back: length, not height.',
    'Hold for 2-3 seconds, then lower with control.',
  ],
  mistakes: [
    'Craning the neck to look ahead.',
    'Barely lifting off the floor.',
    'Rushing or using momentum.',
  ],
  camera: 'Put the laptop to your side, so it sees you side-on from hands to feet.',
  faults: {
    'superman.neck-craned': {
      label: 'Neck craned',
      say: 'Look at the floor: keep your neck long.',
    },
    'superman.low-lift': {
      label: 'Low lift',
      say: 'Lift your arms, chest and legs a little more.',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'back-extension',
} as const satisfies ExerciseFile<'superman'>;
