/**
 * How each exercise is done and what goes wrong, in plain words, from the seeds (a physiotherapy
 * clinic's guide to back strengthening and a spine-health article). The checkers own the numbers;
 * this file owns the words. Every exercise id has an entry, so a newly registered exercise is
 * described as soon as it appears in the menu.
 */
import type { ExerciseId } from '../pose/exercises/types';

export interface ExerciseContent {
  readonly title: string;
  /** One line: what the exercise is for. */
  readonly purpose: string;
  /** The start position, said when the person is not in it yet. */
  readonly startPosition: string;
  readonly steps: readonly string[];
  readonly mistakes: readonly string[];
  /** Where to put the laptop. */
  readonly camera: string;
}

export const EXERCISE_CONTENT: Readonly<Record<ExerciseId, ExerciseContent>> = {
  plank: {
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
  },
  'side-plank': {
    title: 'Side plank',
    purpose: 'Targets the obliques and the deep muscle of the lower back at the side (QL).',
    startPosition: 'Lie on your side, propped up on one elbow directly beneath your shoulder.',
    steps: [
      'Lie on your side, propped up on one elbow directly beneath your shoulder.',
      'Stack your feet and lift your hips until your body is a straight line from head to toe.',
      'Too hard? Bend your bottom knee and rest it on the floor.',
    ],
    mistakes: ['Letting your hips drop towards the floor.'],
    camera: 'Face the camera, so it sees the front of your body from head to feet.',
  },
  'bird-dog': {
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
    camera: 'Put the laptop to your side, so it sees you side-on from hands to feet.',
  },
  'dead-bug': {
    title: 'Dead bug',
    purpose: 'Keeps your pelvis and spine steady while your arms and legs move in opposition.',
    startPosition: 'Lie on your back, arms up to the ceiling, knees bent at 90° over your hips.',
    steps: [
      'Lie on your back, arms towards the ceiling, knees bent at a right angle over your hips.',
      'Slowly lower the opposite arm and leg towards the floor.',
      'Only go as low as you can without your lower back arching.',
      'Return with control, then switch sides.',
    ],
    mistakes: ['Letting your lower back lift off the floor: keep it in gentle contact.'],
    camera: 'Put the laptop to your side, so it sees you side-on from head to feet.',
  },
  'glute-bridge': {
    title: 'Glute bridge',
    purpose: 'Wakes up your glutes so they take strain off your lower back.',
    startPosition:
      'Lie on your back, knees bent, feet flat and hip-width apart, arms by your sides.',
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
  },
  'wall-posture': {
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
  },
  superman: {
    title: 'Superman',
    purpose: 'Builds endurance in the muscles along your spine, from upper back to glutes.',
    startPosition: 'Lie face down, arms stretched out in front, legs straight behind you.',
    steps: [
      'Lie face down with your arms out in front and legs straight behind you.',
      'Keep your neck neutral (look at the floor), then lift arms, chest and legs together.',
      'Reach your fingertips forward and your toes back: length, not height.',
      'Hold for 2-3 seconds, then lower with control.',
    ],
    mistakes: [
      'Craning the neck to look ahead.',
      'Barely lifting off the floor.',
      'Rushing or using momentum.',
    ],
    camera: 'Put the laptop to your side, so it sees you side-on from hands to feet.',
  },
};
