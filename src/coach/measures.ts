/**
 * Numbers measured beyond the cues (issue #16): the range meter's fill, a set's median tempo, and
 * the balance of left and right. Pure, shared by the workout screen and the history.
 */
import type { RangeReading } from '../pose/exercises/coach';
import type { RepMeasureMetric } from '../pose/reps/kept-measures';
import { REP_MEASURE_KEEPS, REP_MEASURE_METRICS } from '../pose/reps/kept-measures';
import type { ExerciseId } from '../pose/exercises/types';
import type { RepTempo } from '../pose/reps/tempo';

/** Where the range meter's bar starts and ends, as 0-1 shares of its height. */
export interface RangeMeter {
  /** How full the bar is now. */
  readonly fill: number;
  /** The target line: the rep counter's top threshold. */
  readonly targetAt: number;
  /** The rest line: below it the rep is back at rest. */
  readonly restAt: number;
  readonly reached: boolean;
}

/**
 * The bar spans the band between rest and target plus that band again below and above it, so the
 * target line sits at two thirds of the bar and a rep past its target still shows room above it.
 */
export function rangeMeter(reading: RangeReading): RangeMeter {
  const band = reading.enterTopAbove - reading.exitTopBelow;
  const bottom = reading.exitTopBelow - band;
  const share = (value: number) => Math.min(1, Math.max(0, (value - bottom) / (3 * band)));
  return {
    fill: share(reading.value),
    targetAt: share(reading.enterTopAbove),
    restAt: share(reading.exitTopBelow),
    reached: reading.value > reading.enterTopAbove,
  };
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

/** Each part's median over the reps that timed it (a rep from the floor has no lowering). */
export function medianTempo(tempos: readonly (RepTempo | null | undefined)[]): RepTempo | null {
  const known = tempos.filter((tempo): tempo is RepTempo => tempo !== null && tempo !== undefined);
  if (known.length === 0) return null;
  const of = (part: keyof RepTempo) =>
    median(known.map((tempo) => tempo[part]).filter((ms): ms is number => ms !== null));
  return { lowerMs: of('lowerMs'), pauseMs: of('pauseMs'), liftMs: of('liftMs') };
}

/** One measure the reps kept (a hinge's lowest hip angle, its back's curve), over many reps. */
export interface RepMeasureSummary {
  readonly metric: RepMeasureMetric;
  /** The reps that read it: a hinge's back and hips side-on only. */
  readonly reps: number;
  readonly median: number;
  /** The extreme of the reps, the way each rep keeps it: the lowest hip angle, the most curve. */
  readonly extreme: number;
}

/** Each kept measure over the reps that read it, in `REP_MEASURE_METRICS` order; none: empty. */
export function repMeasureSummaries(
  reps: readonly { readonly measures?: Readonly<Partial<Record<RepMeasureMetric, number>>> }[],
): readonly RepMeasureSummary[] {
  return REP_MEASURE_METRICS.flatMap((metric) => {
    const values = reps
      .map((rep) => rep.measures?.[metric])
      .filter((value): value is number => value !== undefined);
    const middle = median(values);
    if (middle === null) return [];
    const extreme =
      REP_MEASURE_KEEPS[metric] === 'lowest' ? Math.min(...values) : Math.max(...values);
    return [{ metric, reps: values.length, median: middle, extreme }];
  });
}

/**
 * A gap between the sides worth showing, as a share of the larger side. McGill's side bridges call
 * a left/right gap over about 5 % worth a look (docs/checkers.md); a rep's range from the camera
 * errs by 5-7° on a 2D angle (Stenum et al. 2021), some 7 % of a bird-dog's 90° reach, so the app
 * shows a gap only past twice that rule of thumb.
 */
export const SIDE_IMBALANCE_SHARE = 0.1;
/** A set of alternating reps ends on one side: one rep more on one side is no imbalance. */
export const SIDE_REPS_NATURAL_GAP = 1;

export interface SidePair {
  readonly left: number;
  readonly right: number;
}

export type BalanceMeasure = 'reps' | 'range' | 'hold';

export interface SideBalance {
  readonly reps: SidePair;
  /** The mean of each side's highest rep signal (its range's top), or null without reps. */
  readonly range: SidePair | null;
  /** Good-form seconds held on each side, or null when nothing was held. */
  readonly holdSeconds: SidePair | null;
  /** The measures whose sides differ past `limitShare`. */
  readonly imbalanced: readonly BalanceMeasure[];
  /** `SIDE_IMBALANCE_SHARE`, for the words that say it. */
  readonly limitShare: number;
}

/** A rep as the balance reads it: its side and the top of its range. */
export interface SidedRep {
  readonly side: 'left' | 'right' | null;
  readonly maxSignal: number;
}

function gapShare(pair: SidePair): number {
  const larger = Math.max(Math.abs(pair.left), Math.abs(pair.right));
  return larger === 0 ? 0 : Math.abs(pair.left - pair.right) / larger;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Left against right, over reps and holds with a side; null unless both sides were worked (a
 * single-arm row's sets one arm at a time count once both arms have had a set).
 */
export function sideBalance(reps: readonly SidedRep[], holdSeconds: SidePair): SideBalance | null {
  const left = reps.filter((rep) => rep.side === 'left');
  const right = reps.filter((rep) => rep.side === 'right');
  const repsBoth = left.length > 0 && right.length > 0;
  const holdBoth = holdSeconds.left > 0 && holdSeconds.right > 0;
  if (!repsBoth && !holdBoth) return null;
  const repPair = { left: left.length, right: right.length };
  const range = repsBoth
    ? {
        left: mean(left.map((rep) => rep.maxSignal)),
        right: mean(right.map((rep) => rep.maxSignal)),
      }
    : null;
  const hold = holdBoth ? holdSeconds : null;
  const imbalanced: BalanceMeasure[] = [];
  if (
    Math.abs(repPair.left - repPair.right) > SIDE_REPS_NATURAL_GAP &&
    gapShare(repPair) > SIDE_IMBALANCE_SHARE
  ) {
    imbalanced.push('reps');
  }
  if (range && gapShare(range) > SIDE_IMBALANCE_SHARE) imbalanced.push('range');
  if (hold && gapShare(hold) > SIDE_IMBALANCE_SHARE) imbalanced.push('hold');
  return { reps: repPair, range, holdSeconds: hold, imbalanced, limitShare: SIDE_IMBALANCE_SHARE };
}

/**
 * The exercises whose seed asks for a controlled lowering and whose lowering the app can time
 * (docs/seeds.md): the bird-dog ("slowly and with full control, bring your arm and leg back") and
 * the dead bug ("slowly lower your opposite arm and leg"). Not the superman ("lower yourself back
 * down with control"): its good recording lowers in 133-333 ms, as fast as a drop can be timed at
 * 15 fps. Not the glute bridge ("don't just drop"): its checker cues a drop frame by frame
 * (`glute-bridge.dropped-fast`).
 */
export const CONTROLLED_LOWERING_EXERCISES = [
  'bird-dog',
  'dead-bug',
] as const satisfies readonly ExerciseId[];

/**
 * "Slow down" when a rep's lowering measured under this. The good bird-dogs and dead bugs recorded
 * lowered in 333 ms or more (15 fps; 400 ms and more for the dead bug), and each end of a lowering
 * is read at a frame: 333 ms less one 67 ms frame at each end is still good form. At 5 fps no
 * lowering can measure under 200 ms (one frame apart), so the cue stays silent where the frame rate
 * cannot tell a drop from a quick good lowering.
 */
export const SLOW_DOWN_LOWERING_UNDER_MS = 200;

/** True when this rep of this exercise was lowered too fast for the control its seed asks for. */
export function loweredTooFast(exercise: string, tempo: RepTempo): boolean {
  const controlled: readonly string[] = CONTROLLED_LOWERING_EXERCISES;
  return (
    controlled.includes(exercise) &&
    tempo.lowerMs !== null &&
    tempo.lowerMs < SLOW_DOWN_LOWERING_UNDER_MS
  );
}
