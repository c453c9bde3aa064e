/** squat: what the page knows and says about it. Its checker is src/pose/exercises/squat.ts. */
import type { ExerciseFile } from './types';

export const squatContent = {
  id: 'squat',
  kind: 'reps',
  views: ['side', 'front', 'three-quarter'],
  alternatesSides: false,
  setupPhase: null,
  title: 'Squat',
  purpose:
    'Strengthens your legs and glutes and teaches your back to stay steady while your hips and knees bend: the first week of the programme.',
  startPosition: 'Stand tall with your feet about shoulder-width apart, toes turned out a little.',
  steps: [
    'Stand with your feet about shoulder-width apart; for a goblet squat hold one weight at your chest.',
    'Brace your core, then push your hips back and bend your knees to sit down between your heels.',
    'Keep your chest up, your back flat and your heels on the floor; your knees follow your toes.',
    'Sit down towards your thighs level with the floor, as low as you can with good form, then drive through your whole foot to stand tall.',
  ],
  mistakes: [
    'Heels lifting off the floor at the bottom.',
    'Stopping well short of your thighs level with the floor.',
    'Knees caving in towards each other.',
    'Rounding your back or letting your chest drop.',
    'Adding weight before the bodyweight squat is solid: start light.',
  ],
  camera:
    'Put the laptop at hip height, far enough away that it sees you from head to feet. Side-on it checks your heels and back; facing it, your knees.',
  faults: {
    'squat.rounded-back': {
      label: 'Back rounding',
      say: 'Chest up and keep your back flat.',
      area: 'Back',
    },
    'squat.heels-rising': {
      label: 'Heels up',
      say: 'Keep your heels down: sit your hips back.',
      area: 'Heels',
    },
    'squat.knees-caving': {
      label: 'Knees in',
      say: 'Push your knees out over your toes.',
      area: 'Knees',
    },
    'squat.too-shallow': {
      label: 'Shallow',
      say: 'Sit a little deeper, towards your thighs level with the floor, if it feels comfortable.',
      area: 'Depth',
    },
  },
  rangeUnit: { suffix: ' hip height', decimals: 2 },
  movementPattern: 'squat',
} as const satisfies ExerciseFile<'squat'>;
