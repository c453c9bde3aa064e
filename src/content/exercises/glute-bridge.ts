/** glute-bridge: what the page knows and says about it. Its checker is src/pose/exercises/glute-bridge.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const gluteBridgeContent = {
  id: 'glute-bridge',
  kind: 'reps',
  views: ['side'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Glute bridge',
  purpose: 'Wakes up your glutes so they take strain off your lower back.',
  startPosition: 'Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides.',
  steps: [
    'Lie on your back with your knees bent and feet flat on the floor, hip-width apart.',
    'Squeeze your glutes, then press through your heels to lift your hips.',
    'Make a straight line from your shoulders to your knees; pause for a second or two.',
    'Lower your hips slowly back to the floor.',
  ],
  mistakes: [
    'Over-extending at the top and arching your back.',
    'Not lifting your hips high enough.',
    'Dropping down instead of lowering with control.',
  ],
  camera: 'Put the laptop to your side, so it sees you side-on from shoulders to feet.',
  faults: {
    'glute-bridge.over-arched': {
      label: 'Back arched',
      say: 'Don’t arch at the top: straight line from shoulders to knees.',
      area: 'Lower back',
    },
    'glute-bridge.hips-low': { label: 'Hips low', say: 'Squeeze your glutes and lift higher.' },
    'glute-bridge.dropped-fast': { label: 'Dropped fast', say: 'Lower slowly, with control.' },
  },
  rangeUnit: DEGREES,
  movementPattern: 'hip-extension',
} as const satisfies ExerciseFile<'glute-bridge'>;
