/** wall-posture: what the page knows and says about it. Its checker is src/pose/exercises/wall-posture.ts. */
import { DEGREES } from './types';
import type { ExerciseFile } from './types';

export const wallPostureContent = {
  id: 'wall-posture',
  kind: 'hold',
  views: ['side', 'front'],
  alternatesSides: false,
  setupPhase: 'setup',
  title: 'Wall posture reset',
  purpose: 'Retrains standing alignment after long sitting.',
  startPosition: 'Stand against a wall: heels, hips, shoulders and head touching it.',
  steps: [
    'Stand against a wall: heels, hips, shoulders and head touching.',
    'Gently engage your tummy muscles; do not over-arch your lower back.',
    'Tuck your chin in slightly and lift the crown of your head.',
    'Hold, then step away and keep the alignment.',
  ],
  mistakes: [
    'Poking the head forward.',
    'Rounded shoulders.',
    'Shoulders or hips uneven, or the head tilted.',
  ],
  camera: 'Stand side-on to the camera, whole body in view.',
  faults: {
    'posture.forward-head': {
      label: 'Head forward',
      say: 'Tuck your chin in slightly.',
      area: 'Head',
    },
    'posture.rounded-shoulders': {
      label: 'Shoulders rounded',
      say: 'Draw your shoulders back and down.',
      area: 'Shoulders',
    },
    'posture.off-plumb-line': {
      label: 'Off the line',
      say: 'Stack ears, shoulders, hips and ankles in one line.',
      area: 'Alignment',
    },
    'posture.shoulders-uneven': { label: 'Shoulders uneven', say: 'Level your shoulders.' },
    'posture.hips-uneven': { label: 'Hips uneven', say: 'Stand evenly on both feet.' },
    'posture.head-tilt': { label: 'Head tilted', say: 'Hold your head level.' },
  },
  rangeUnit: DEGREES,
  movementPattern: null,
} as const satisfies ExerciseFile<'wall-posture'>;
