/** bird-dog: what the page knows and says about it. Its checker is src/pose/exercises/bird-dog.ts. */
import type { ExerciseFile } from './types';

export const birdDogContent = {
  id: 'bird-dog',
  kind: 'reps',
  views: ['side', 'three-quarter'],
  alternatesSides: true,
  setupPhase: 'setup',
  title: 'Bird-dog',
  purpose: 'Teaches your core to resist rotation while your arms and legs move.',
  startPosition: 'Get on all fours: hands under your shoulders, knees under your hips.',
  steps: [
    'Start on all fours, hands under your shoulders, knees under your hips. Keep your back flat.',
    'Gently pull your belly button in towards your spine.',
    'Reach one arm straight forward and the opposite leg straight back, slowly.',
    'Keep hips and shoulders square to the floor; pause, return with control, switch sides.',
  ],
  mistakes: [
    'Kicking the leg up too high, which arches the lower back: reach back, not up.',
    'Letting the hips tilt or twist.',
    'A short reach: stretch the arm and leg long.',
  ],
  camera:
    'Put the laptop to your side, so it sees you side-on from hands to feet. From an angle it counts your reps but cannot check your form.',
  faults: {
    'bird-dog.hip-rotation': { label: 'Hips twisting', say: 'Keep your hips square to the floor.' },
    'bird-dog.leg-too-high': { label: 'Leg too high', say: 'Reach your leg back, not up.' },
    'bird-dog.short-reach': { label: 'Short reach', say: 'Reach your arm and leg out long.' },
  },
  // 0 arm or leg hanging straight down, 1 level with the floor.
  rangeUnit: { suffix: ' lift', decimals: 2 },
  movementPattern: 'anti-rotation',
} as const satisfies ExerciseFile<'bird-dog'>;
