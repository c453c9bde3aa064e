/** plank: what the page knows and says about it. Its checker is src/pose/exercises/plank.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const plankContent = {
  id: 'plank',
  kind: 'hold',
  views: ['side', 'three-quarter'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Plank',
  purpose: 'Trains your whole core to hold your spine in a safe, neutral position.',
  startPosition: 'Get onto your forearms and toes, elbows under your shoulders.',
  steps: [
    'Get onto your forearms and toes, with your elbows directly under your shoulders.',
    'Make one straight, rigid line from your head to your heels.',
    'Gently pull your belly button towards your spine and squeeze your glutes.',
    'Keep your neck long: look at the floor just in front of your hands.',
  ],
  mistakes: [
    'Letting your hips sag towards the floor.',
    'Pushing your bottom up into the air.',
    'Letting your head hang down.',
  ],
  camera: 'Put the laptop on the floor to your side, so it sees you side-on from head to heels.',
  faults: {
    'plank.hips-sagging': {
      label: 'Hips sagging',
      say: 'Lift your hips into a straight line.',
      area: 'Hips',
      sideOnArea: 'lower back',
    },
    'plank.hips-piked': { label: 'Hips too high', say: 'Lower your hips into a straight line.' },
    'plank.head-dropping': {
      label: 'Head dropping',
      say: 'Lift your head: keep your neck in line with your back.',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'anti-extension',
} as const satisfies ExerciseFile<'plank'>;
