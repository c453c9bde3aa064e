/** pallof-press: what the page knows and says about it. Its checker is src/pose/exercises/pallof-press.ts. */
import type { ExerciseFile } from './types';

export const pallofPressContent = {
  id: 'pallof-press',
  kind: 'reps',
  views: ['front', 'three-quarter'],
  alternatesSides: false,
  sidesInTurn: true,
  setupPhase: 'setup',
  title: 'Pallof press',
  purpose:
    'Teaches your trunk to resist twisting, which reduces the shear forces on your spine when you turn.',
  startPosition:
    'Stand side-on to the band or cable anchor, feet shoulder-width apart, the handle at your chest.',
  steps: [
    'Anchor a band or cable at chest height and stand side-on to it, far enough out that it pulls.',
    'Hold the handle with both hands against your chest, knees soft, core braced.',
    'Press the handle straight out in front of you without letting it turn you towards the anchor.',
    'Hold for a moment with your arms straight, then bring it back to your chest.',
  ],
  mistakes: [
    'Letting your shoulders or hips turn towards the anchor.',
    'Pressing too fast to feel the pull.',
    'Leaning away from the anchor instead of standing tall.',
  ],
  camera:
    'Put the laptop in front of you at chest height, far enough away that it sees you from head to feet.',
  faults: {
    'pallof-press.trunk-rotation': {
      label: 'Trunk turning',
      say: 'Keep your chest and hips square: do not let it turn you.',
      area: 'Trunk',
    },
  },
  rangeUnit: { suffix: ' reach', decimals: 2 },
  movementPattern: 'anti-rotation',
} as const satisfies ExerciseFile<'pallof-press'>;
