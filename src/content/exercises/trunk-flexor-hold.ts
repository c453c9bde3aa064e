/**
 * trunk-flexor-hold: what the page knows and says about it. Its checker is
 * src/pose/exercises/trunk-flexor-hold.ts.
 */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const trunkFlexorHoldContent = {
  id: 'trunk-flexor-hold',
  kind: 'hold',
  views: ['side'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Trunk flexor hold',
  purpose:
    'Measures how long the front of your trunk holds you leaned back (McGill’s flexor test).',
  startPosition: 'Sit with knees and hips bent, feet flat and tucked under something heavy.',
  steps: [
    'Sit with your knees bent at a right angle and your feet tucked under a sofa or held down.',
    'Cross your arms on your chest and lean back until your trunk is about 60° from the floor.',
    'Hold still as long as you can; the timer stops when your trunk drops back.',
  ],
  mistakes: ['Letting the trunk sink back towards the floor.', 'Rounding forward to rest.'],
  camera: 'Put the laptop to your side, so it sees you side-on from head to feet.',
  faults: {
    'trunk-flexor-hold.trunk-dropped': {
      label: 'Trunk dropped',
      say: 'Your trunk fell below 50°.',
      area: 'Trunk angle',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'anti-extension',
} as const satisfies ExerciseFile<'trunk-flexor-hold'>;
