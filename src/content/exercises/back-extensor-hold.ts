/**
 * back-extensor-hold: what the page knows and says about it. Its checker is
 * src/pose/exercises/back-extensor-hold.ts.
 */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const backExtensorHoldContent = {
  id: 'back-extensor-hold',
  kind: 'hold',
  views: ['side'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Back extensor hold',
  purpose: 'Measures how long the muscles along your spine hold you up (a floor Sørensen test).',
  startPosition: 'Lie face down, arms out in front or by your sides, legs straight.',
  steps: [
    'Lie face down with your legs straight and your gaze on the floor.',
    'Lift your chest, arms and legs a little off the floor, as in a superman.',
    'Hold them up as long as you can; the timer stops when your chest or legs come down.',
  ],
  mistakes: ['Letting the chest or the legs sink to the floor.', 'Craning the neck to look ahead.'],
  camera: 'Put the laptop to your side, so it sees you side-on from hands to feet.',
  faults: {
    'back-extensor-hold.lift-lost': {
      label: 'Lift lost',
      say: 'Your chest or legs came down to the floor.',
      area: 'Chest and legs',
    },
    'back-extensor-hold.neck-craned': {
      label: 'Neck craned',
      say: 'Look at the floor: keep your neck long.',
      area: 'Neck',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'back-extension',
} as const satisfies ExerciseFile<'back-extensor-hold'>;
