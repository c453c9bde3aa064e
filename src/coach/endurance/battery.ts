/**
 * McGill's trunk endurance battery done at home: four holds, each timed only in good form, and the
 * ratios between them with the published reference values (docs/checkers.md, "Trunk endurance
 * tests"). The numbers are for comparing a person with themselves over time, never a diagnosis.
 */
import type { ExerciseId } from '../../pose/exercises/types';
import type { Side } from '../../pose/side';

export const ENDURANCE_TESTS = [
  'flexor',
  'extensor',
  'side-bridge-right',
  'side-bridge-left',
] as const;
export type EnduranceTestId = (typeof ENDURANCE_TESTS)[number];

export interface EnduranceTestSpec {
  readonly id: EnduranceTestId;
  /** The hold the camera judges. */
  readonly exercise: ExerciseId;
  /** The side the body rests on (the supporting arm's), or null for both. */
  readonly side: Side | null;
}

/** In McGill's order of the book's battery: flexors, extensors, then each side. */
export const BATTERY: readonly EnduranceTestSpec[] = [
  { id: 'flexor', exercise: 'trunk-flexor-hold', side: null },
  { id: 'extensor', exercise: 'back-extensor-hold', side: null },
  { id: 'side-bridge-right', exercise: 'side-plank', side: 'right' },
  { id: 'side-bridge-left', exercise: 'side-plank', side: 'left' },
];

export function testSpec(id: EnduranceTestId): EnduranceTestSpec {
  const spec = BATTERY.find((test) => test.id === id);
  if (!spec) throw new Error(`unknown endurance test ${id}`);
  return spec;
}

/**
 * A hold stops here even in good form: the Biering-Sørensen test stops at 240 s (docs/checkers.md)
 * and the young adults' mean holds are 75-185 s (below), so 300 s leaves room above everyone's.
 */
export const MAX_TEST_SECONDS = 300;
/**
 * Rest between the four holds: the lab protocols rest 5 minutes between the sides (Fahey's lab
 * manual) and randomise the order so fatigue does not carry over; a home test rests at least one
 * minute and may skip it.
 */
export const BATTERY_REST_SECONDS = 60;

/**
 * Mean hold times of 75 young healthy adults (31 men, 44 women), seconds: McGill, Childs &
 * Liebenson, Arch Phys Med Rehabil 1999;80:941-944 (docs/checkers.md says what was verified).
 * Lab versions: the extensor test is the Biering-Sørensen over a bench, harder than a floor hold.
 */
export const MCGILL_1999_MEAN_SECONDS: Readonly<
  Record<EnduranceTestId, { readonly men: number; readonly women: number }>
> = {
  flexor: { men: 136, women: 134 },
  extensor: { men: 161, women: 185 },
  'side-bridge-right': { men: 95, women: 75 },
  'side-bridge-left': { men: 99, women: 78 },
};

export const RATIOS = ['flexor-extensor', 'right-left', 'side-extensor'] as const;
export type RatioId = (typeof RATIOS)[number];

/**
 * The reference each ratio is read against (McGill 1999; the limits as put by Evans et al. 2007,
 * docs/checkers.md): flexors held shorter than extensors, the sides within 0.05 of each other,
 * either side bridge under three quarters of the extensor hold.
 */
export type RatioReference =
  | { readonly kind: 'below'; readonly limit: number }
  | { readonly kind: 'near'; readonly target: number; readonly within: number };

export const RATIO_REFERENCES: Readonly<Record<RatioId, RatioReference>> = {
  'flexor-extensor': { kind: 'below', limit: 1 },
  'right-left': { kind: 'near', target: 1, within: 0.05 },
  'side-extensor': { kind: 'below', limit: 0.75 },
};

export interface RatioReading {
  readonly id: RatioId;
  readonly value: number;
  readonly reference: RatioReference;
  /** True when the ratio sits where the reference puts it. */
  readonly inRange: boolean;
}

export type HoldTimes = Readonly<Partial<Record<EnduranceTestId, number>>>;

function ratio(numerator: number | undefined, denominator: number | undefined): number | null {
  if (numerator === undefined || denominator === undefined || !(denominator > 0)) return null;
  const value = numerator / denominator;
  return Number.isFinite(value) ? value : null;
}

function reading(id: RatioId, value: number | null): RatioReading | null {
  if (value === null) return null;
  const reference = RATIO_REFERENCES[id];
  const inRange =
    reference.kind === 'below'
      ? value < reference.limit
      : Math.abs(value - reference.target) <= reference.within;
  return { id, value, reference, inRange };
}

/**
 * The ratios these hold times allow (a ratio whose two tests are not both there is left out).
 * Side bridge to extensor takes the longer side: either side must stay under the reference.
 */
export function ratiosOf(times: HoldTimes): readonly RatioReading[] {
  const right = times['side-bridge-right'];
  const left = times['side-bridge-left'];
  const longerSide =
    right === undefined ? left : left === undefined ? right : Math.max(right, left);
  return [
    reading('flexor-extensor', ratio(times.flexor, times.extensor)),
    reading('right-left', ratio(right, left)),
    reading('side-extensor', ratio(longerSide, times.extensor)),
  ].filter((entry): entry is RatioReading => entry !== null);
}
