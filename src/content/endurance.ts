/**
 * Every word of the trunk endurance test (src/coach/endurance): the tests' names and set-up, why
 * a hold stopped, the ratios with their references and sources, and the note that they are for
 * comparing with yourself, not a diagnosis.
 */
import type {
  EnduranceTestId,
  RatioId,
  RatioReading,
  RatioReference,
} from '../coach/endurance/battery';
import type { HoldStop } from '../coach/endurance/hold-test';
import { isFaultId } from './exercises';
import { FAULT_WORDING } from './cues';

export const ENDURANCE = {
  title: 'Trunk endurance test',
  intro:
    'McGill’s four holds, timed only while your form is good: trunk flexors, back extensors, and a side bridge on each side. Each stops when your form breaks.',
  runAll: 'Run all four',
  runOne: 'Or one test:',
  waiting: 'Get into position; the timer starts when your form is good.',
  wrongSide: 'You are on the other side: turn over for this one.',
  holding: 'Hold it. The timer stops when your form breaks.',
  held: (seconds: number) => `Held ${seconds.toFixed(1)} s`,
  stoppedBecause: (why: string) => `Stopped: ${why}.`,
  rest: (seconds: number) => `Rest ${seconds} s before the next test.`,
  skipRest: 'Start the next test now',
  nextUp: (name: string) => `Next: ${name}`,
  done: 'Test done. Your results are saved in History.',
  close: 'Close',
  stop: 'Stop the test',
  resultsTitle: 'Your holds',
  ratiosTitle: 'Ratios',
  compareNote:
    'Compare with yourself over time. The reference values come from 75 young healthy adults tested in a lab (McGill, Childs & Liebenson, Arch Phys Med Rehabil 1999;80:941-944; ratio limits as put by Evans et al. 2007). They are not a diagnosis, and a floor hold is easier than the lab’s bench test.',
  reportNote:
    'For comparing with oneself over time, not a diagnosis; lab means of 75 young adults (McGill 1999), ratio limits after Evans et al. 2007.',
  historyTitle: 'Trunk endurance tests',
  historyNote: 'The longest hold of each test per week, and the ratios between them.',
  week: 'Week of',
  labMean: 'Lab mean (men / women)',
  menWomen: (men: number, women: number) => `${men} / ${women} s`,
  outsideMark: '* outside the reference range.',
  noRatio: '–',
} as const;

export const TEST_NAMES: Readonly<Record<EnduranceTestId, string>> = {
  flexor: 'Trunk flexor hold',
  extensor: 'Back extensor hold',
  'side-bridge-right': 'Side bridge, right',
  'side-bridge-left': 'Side bridge, left',
};

/** How to set up each test (the flexor and extensor holds' own steps are in their exercise files). */
export const TEST_SETUP: Readonly<Record<EnduranceTestId, string>> = {
  flexor:
    'Side-on to the camera: sit with knees bent, feet tucked under something heavy, arms crossed, and lean back to about 60°.',
  extensor:
    'Side-on to the camera: lie face down and lift chest, arms and legs a little off the floor.',
  'side-bridge-right':
    'Facing the camera: lie on your right side, on your right forearm, and lift your hips into a straight line.',
  'side-bridge-left':
    'Facing the camera: lie on your left side, on your left forearm, and lift your hips into a straight line.',
};

/** Leaving the test's position, said for each test. */
const LEFT_POSITION: Readonly<Record<EnduranceTestId, string>> = {
  flexor: 'you left the test position (sat up or lay back)',
  extensor: 'your chest and legs came down to the floor',
  'side-bridge-right': 'your hips dropped to the floor',
  'side-bridge-left': 'your hips dropped to the floor',
};

const OTHER_STOPS = {
  'lost-sight': 'you went out of view',
  'wrong-side': 'you turned to the other side',
  'time-cap': 'you reached the test’s time limit',
  person: 'you ended it',
} as const;

/** Why a hold stopped, from the live stop or a stored `stoppedBy`. */
export function stopReason(test: EnduranceTestId, stop: HoldStop | string): string {
  const key = typeof stop === 'string' ? stop : stop.kind === 'fault' ? stop.fault : stop.kind;
  if (key === 'left-position') return LEFT_POSITION[test];
  if (key in OTHER_STOPS) return OTHER_STOPS[key as keyof typeof OTHER_STOPS];
  return isFaultId(key) ? FAULT_WORDING[key].label.toLowerCase() : key;
}

/** A test's young adults' mean: "lab mean, young adults: men 95 s, women 75 s". */
export function normText(norm: { readonly men: number; readonly women: number }): string {
  return `lab mean, young adults: men ${norm.men} s, women ${norm.women} s`;
}

export const RATIO_NAMES: Readonly<Record<RatioId, string>> = {
  'flexor-extensor': 'Flexors ÷ extensors',
  'right-left': 'Side bridge right ÷ left',
  'side-extensor': 'Side bridge (longer side) ÷ extensors',
};

/** "reference: below 1.00", "reference: 0.95 to 1.05". */
export function referenceText(reference: RatioReference): string {
  return reference.kind === 'below'
    ? `reference: below ${reference.limit.toFixed(2)}`
    : `reference: ${(reference.target - reference.within).toFixed(2)} to ${(reference.target + reference.within).toFixed(2)}`;
}

/** "Flexors ÷ extensors 0.84 (reference: below 1.00)", with where it sits. */
export function ratioText(reading: RatioReading): string {
  const where = reading.inRange ? 'within the reference' : 'outside the reference';
  return `${RATIO_NAMES[reading.id]} ${reading.value.toFixed(2)} (${referenceText(reading.reference)}; ${where})`;
}
