/** row: what the page knows and says about it. Its checker is src/pose/exercises/row.ts. */
import { ROW_FAULT_WORDING } from './hinge';
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const rowContent = {
  id: 'row',
  kind: 'reps',
  views: ['side', 'three-quarter', 'front'],
  alternatesSides: false,
  repsPerArm: true,
  setupPhase: 'standing',
  title: 'Bent-over row',
  purpose:
    'Works your lats and rhomboids, the big muscles of your upper and mid-back that hold your posture.',
  startPosition:
    'Hinge at your hips with a flat back, the weight hanging at arm’s length (or one knee and hand on a bench).',
  steps: [
    'Hold a dumbbell in each hand (or a barbell, or one dumbbell with a knee and a hand on a bench).',
    'Hinge at your hips, keeping your back flat and your core engaged, knees softly bent.',
    'Pull the weight towards your lower ribs, elbows close to your body, then lower it under control.',
    'Keep your torso at the same angle for every rep; for single-arm rows, do every rep on one arm, then the other.',
  ],
  mistakes: [
    'Rounding your back instead of hinging at your hips with a flat back.',
    'Standing up a little more with every rep, so the pull turns into a shrug.',
    'Jerking the weight up with your body instead of pulling with your back.',
  ],
  camera:
    'Put the laptop to your side at hip height, far enough away that it sees you from head to feet: side-on it checks your back too; from an angle it counts reps and your torso angle only.',
  faults: ROW_FAULT_WORDING,
  rangeUnit: DEGREES,
  movementPattern: 'hinge',
} as const satisfies ExerciseFile<'row'>;
