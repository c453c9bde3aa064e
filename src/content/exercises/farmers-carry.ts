/** farmers-carry: what the page knows and says about it. Its checker is src/pose/exercises/farmers-carry.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const farmersCarryContent = {
  id: 'farmers-carry',
  kind: 'hold',
  views: ['front', 'three-quarter', 'side'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: "Farmer's carry",
  purpose:
    'Builds grip endurance, shoulder-blade stability and the strength to stop your trunk bending sideways under a load.',
  startPosition:
    'Stand tall with a weight in each hand (or one, for a suitcase carry), arms by your sides.',
  steps: [
    'Pick up moderate dumbbells or kettlebells by hinging at your hips, keeping your back flat.',
    'Stand tall: shoulders level and down, chest up, core braced.',
    'Walk for 30-60 seconds with short, steady steps, without leaning to either side.',
    'Set the weights down the way you picked them up.',
  ],
  mistakes: [
    'Leaning to one side, especially with one weight.',
    'Letting one shoulder drop or shrugging the shoulders up.',
    'Leaning forward or rounding your back to pick the weights up.',
  ],
  camera:
    'Walk towards the laptop and back, so it sees your front or your back from head to feet; walking across it, it can only count the time.',
  faults: {
    'farmers-carry.side-lean': {
      label: 'Leaning sideways',
      say: 'Stand tall: do not let the weight pull you to the side.',
      area: 'Trunk',
    },
    'farmers-carry.shoulders-uneven': {
      label: 'Shoulder dropping',
      say: 'Keep both shoulders level.',
      area: 'Shoulders',
    },
  },
  rangeUnit: DEGREES,
  movementPattern: 'carry',
} as const satisfies ExerciseFile<'farmers-carry'>;
