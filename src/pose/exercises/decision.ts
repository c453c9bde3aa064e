import { FAULT_GAP_TOLERANCE_MS, FAULT_SHOW_AFTER_MS } from './fault-persistence';
import { median } from '../geometry/median';
import type { Exercise, ExerciseId, FaultId, FormResult, Strictness, Undecided } from './types';

/**
 * How one fault is decided from one measure (docs/judgement.md): the checker cues `fault` when
 * `metric` (a key of `FormResult.metrics`, its unit in its name) passes the thresholds field
 * `limit` in a `judgedIn` phase, and answers "can't judge" between the field `unsureFrom` (the top
 * of what good form measured) and the limit. The evaluation reads these to report each file's
 * margin and to choose the limits again with a source left out.
 */
export interface FaultDecision<Fault extends string = FaultId> {
  readonly fault: Fault;
  readonly metric: string;
  /** 'above': larger values are worse; 'below': smaller ones are (limits are then lower bounds). */
  readonly firesWhen: 'above' | 'below';
  /** The phases in which the checker judges the fault. */
  readonly judgedIn: readonly string[];
  /** The thresholds field the metric is compared with. */
  readonly limit: string;
  /** The thresholds field where "can't judge" starts, on the good side of `limit`. */
  readonly unsureFrom: string;
  /**
   * How far good form may go by a published norm or an open-source checker's tolerance (cited
   * where it is declared), in the metric's own sign: values up to it are good whatever the data.
   * Null where none is published: then only good recordings say where good form ends, and with
   * none the fault is never cued, only answered "can't judge".
   */
  readonly norm: Readonly<Record<Strictness, number>> | null;
  /**
   * The measure's error between people and cameras, in its unit (cited where declared): the width
   * of the "can't judge" band between the top of good form and the limit.
   */
  readonly error: number;
  /**
   * The mildest value the fault itself measured where it was recorded outside this exercise's
   * labelled files (cited where declared), in the metric's sign: "can't judge" starts there at the
   * latest, since good and faulty overlap from it.
   */
  readonly faultSeenFrom?: number;
  /** The step limits are rounded to, in the metric's unit. */
  readonly resolution: number;
  /**
   * The exercises whose good files together choose this decision's limits, where the measure is
   * the same body part read the same way in the same phase (the back's outline in any hip hinge):
   * an exercise recorded from one source borrows its family's, instead of a limit one clip set.
   * Absent: the exercise's own files.
   */
  readonly pooledAcross?: readonly ExerciseId[];
  /**
   * The metric of another decision that reads the same body line another way (side-on in the
   * image, where this one reads it at three-quarter in the world landmarks): its good readings
   * count towards this decision's top of good form too, since good form does not change with the
   * camera, while the margin stays this reading's own `error`. Absent: only `metric` is read.
   */
  readonly sameMeasureAs?: string;
}

/** One file's frames of one measure: [time ms, value] in the frames the fault was judged. */
export type MeasureSeries = readonly (readonly [number, number])[];

/**
 * The worst value a measure held for the whole persistence window without a break (what the fault
 * gate could have shown): the largest, over unbroken runs of `heldMs` (the gate's
 * `FAULT_SHOW_AFTER_MS` unless told), of the smallest value in the run. A still photo (one frame)
 * gives its value; a clip whose runs are all shorter gives its smallest value. Null when the measure
 * was never read.
 */
export function sustainedPeak(
  series: MeasureSeries,
  heldMs: number = FAULT_SHOW_AFTER_MS,
): number | null {
  if (series.length === 0) return null;
  if (series.length === 1) return series[0]?.[1] ?? null;
  let best: number | null = null;
  for (let start = 0; start < series.length; start++) {
    let [previousMs, lowest] = series[start] ?? [0, 0];
    const startMs = previousMs;
    for (let i = start + 1; i < series.length; i++) {
      const [tMs, value] = series[i] ?? [0, 0];
      if (tMs - previousMs > FAULT_GAP_TOLERANCE_MS) break;
      previousMs = tMs;
      lowest = Math.min(lowest, value);
      if (tMs - startMs >= heldMs) {
        if (best === null || lowest > best) best = lowest;
        break;
      }
    }
  }
  return best ?? Math.min(...series.map(([, value]) => value));
}

/** Median absolute deviation to standard deviation, for normally distributed noise. */
const MAD_TO_SD = 1.4826;

/**
 * The measure's frame-to-frame noise, one standard deviation in its unit: from successive
 * differences (a difference of two noisy frames has √2 times the noise), robust to the few jumps
 * where the person moves. Null with fewer than 5 successive frames.
 */
export function frameNoise(series: MeasureSeries, maxGapMs: number): number | null {
  const differences: number[] = [];
  for (let i = 1; i < series.length; i++) {
    const [previousMs, previous] = series[i - 1] ?? [0, 0];
    const [tMs, value] = series[i] ?? [0, 0];
    if (tMs - previousMs <= maxGapMs) differences.push(value - previous);
  }
  if (differences.length < 5) return null;
  const centre = median(differences);
  const deviations = differences.map((difference) => Math.abs(difference - centre));
  return (MAD_TO_SD * median(deviations)) / Math.SQRT2;
}

/**
 * The error of a joint or outline angle read in 2D from one camera, in degrees: 5-7° against
 * marker-based capture (Stenum et al. 2021; docs/checkers.md). The margin of every angle decision.
 */
export const ANGLE_2D_ERROR_DEG = 6;

/**
 * Frame-noise deviations a margin must cover at least: a value 3 deviations past the top of good
 * form is not jitter.
 */
export const MARGIN_NOISE_MULTIPLE = 3;

/**
 * Student's t, one-sided 90%, for 1-10 degrees of freedom: the prediction bound for the next source
 * (docs/judgement.md). Nine in ten next sources' good form stays under it; 95% moved the back's
 * rounding limit past four rounded deadlifts of 19-22° (measured, docs/judgement.md).
 */
const T_90_BY_DEGREES_OF_FREEDOM = [
  3.078, 1.886, 1.638, 1.533, 1.476, 1.44, 1.415, 1.397, 1.383, 1.372,
];
/** The normal distribution's one-sided 90% point, what t tends to with many sources. */
const Z_90 = 1.2816;

/** t's one-sided 90% point: the table, then the Cornish-Fisher expansion (within 0.001 past 10). */
function t90(degreesOfFreedom: number): number {
  const tabled = T_90_BY_DEGREES_OF_FREEDOM[degreesOfFreedom - 1];
  if (tabled !== undefined) return tabled;
  const z = Z_90;
  const v = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * v) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * v ** 2);
}

/**
 * How many margins past the top of good form the limit sits, from the number of sources (people,
 * places, cameras) whose good form read the measure: the one-sided 90% Student-t prediction bound
 * for the next source, t(n - 1)·√(1 + 1/n), as if the margin were the scatter between sources and
 * known only as well as n sources tell it (docs/judgement.md). 3.8 with two sources, 2.2 with
 * three, 1.6 with six, 1.28 with very many. With fewer than two there is no scatter to go by: a
 * top one source set (past any norm) is one person's, so the limit is open (never cued, "can't
 * judge" past the top); a norm no source passed stands alone, one margin wide, as published.
 */
export function marginWidening(sources: number, dataSetTheTop: boolean): number {
  if (sources >= 2) return t90(sources - 1) * Math.sqrt(1 + 1 / sources);
  return dataSetTheTop ? Number.POSITIVE_INFINITY : 1;
}

export interface DecisionFit {
  /** The worst sustained value of good form, or null when no good file read the measure. */
  readonly goodTop: number | null;
  /** The sources whose good files read the measure (each source's worst file counts once). */
  readonly sources: number;
  /** The median frame-to-frame noise over the clips that read the measure. */
  readonly noise: number | null;
  /** How many margins past the top the limit sits (`marginWidening`). */
  readonly widening: number;
  readonly limit: number;
  readonly unsureFrom: number;
}

/**
 * Chooses the limits, oriented so that larger is worse: "can't judge" starts at the top of good
 * form (the worst sustained value of the good files, or the norm where that is higher), and the
 * fault is cued past the prediction for the next source: the top plus a margin (the measure's
 * error between people and cameras or 3 frame-noise deviations, whichever is larger) widened for
 * the few sources that showed the top (`marginWidening`). Both are rounded up to the resolution.
 * Where the fault was measured milder than the top of good form, "can't judge" starts there.
 * Faulty files play no part, so a fault that measures inside the good range is missed honestly
 * rather than fitted. With neither a norm nor a good file there is no top: the fault is never
 * cued and every value is "can't judge".
 *
 * `sourcePeaks`: each source's worst sustained good value, one per source.
 */
export function fitDecision(
  norm: number | null,
  error: number,
  resolution: number,
  sourcePeaks: readonly number[],
  noises: readonly number[],
  faultSeenFrom: number = Number.POSITIVE_INFINITY,
): DecisionFit {
  const goodTop = sourcePeaks.length > 0 ? Math.max(...sourcePeaks) : null;
  const noise = noises.length > 0 ? median(noises) : null;
  const top = Math.max(norm ?? Number.NEGATIVE_INFINITY, goodTop ?? Number.NEGATIVE_INFINITY);
  const sources = sourcePeaks.length;
  const dataSetTheTop = goodTop !== null && goodTop > (norm ?? Number.NEGATIVE_INFINITY);
  const widening = marginWidening(sources, dataSetTheTop);
  if (top === Number.NEGATIVE_INFINITY) {
    return { goodTop, sources, noise, widening, limit: Number.POSITIVE_INFINITY, unsureFrom: top };
  }
  const roundUp = (value: number): number => {
    if (value === Number.POSITIVE_INFINITY) return value;
    const rounded = Math.ceil(value / resolution - 1e-9) * resolution;
    // Keep the resolution's decimals: 0.115, not 0.11500000000000001.
    return Number(rounded.toFixed(12));
  };
  const margin = Math.max(error, MARGIN_NOISE_MULTIPLE * (noise ?? 0));
  const unsureFrom = Math.min(roundUp(top), roundUp(faultSeenFrom));
  return { goodTop, sources, noise, widening, limit: roundUp(top + widening * margin), unsureFrom };
}

/** A threshold stored on an exercise, read by a decision's field name; null if not a number. */
export function thresholdOf(thresholds: unknown, key: string): number | null {
  if (typeof thresholds !== 'object' || thresholds === null) return null;
  const value: unknown = (thresholds as Readonly<Record<string, unknown>>)[key];
  return typeof value === 'number' ? value : null;
}

/** A threshold value stored in an exercise's thresholds, read by name; throws if not a number. */
export function thresholdValue(exercise: Exercise, strictness: Strictness, key: string): number {
  const value = thresholdOf(exercise.thresholds[strictness], key);
  if (value === null) throw new Error(`${exercise.id}: no number threshold "${key}"`);
  return value;
}

/**
 * The exercise with some thresholds fields set anew at each strictness (`changed` gives their
 * values; the others are kept): a checker reads its thresholds from `this.thresholds`, so the copy
 * judges with them.
 */
export function withThresholds(
  exercise: Exercise,
  changed: (strictness: Strictness) => ReadonlyMap<string, number>,
): Exercise {
  const thresholdsAt = (strictness: Strictness): unknown => ({
    ...(exercise.thresholds[strictness] as Readonly<Record<string, unknown>>),
    ...Object.fromEntries(changed(strictness)),
  });
  return {
    ...exercise,
    thresholds: { beginner: thresholdsAt('beginner'), advanced: thresholdsAt('advanced') },
  };
}

/** A value of the decision's measure or limit turned so that larger is worse (towards the fault). */
export function oriented(decision: FaultDecision, value: number): number {
  return decision.firesWhen === 'above' ? value : -value;
}

/**
 * The faults this frame measured between good form's top and the limit: neither good nor cued, so
 * reported undecided ('ambiguous') unless the checker already cued or left them undecided.
 */
export function unsureBetween<Fault extends string>(
  decisions: readonly FaultDecision<Fault>[],
  thresholds: unknown,
  result: FormResult<string, Fault>,
): readonly Undecided<Fault>[] {
  if (result.status !== 'ok' || result.phase === null) return result.undecided;
  const undecided = [...result.undecided];
  for (const decision of decisions) {
    if (!decision.judgedIn.includes(result.phase)) continue;
    if (result.faults.includes(decision.fault)) continue;
    if (undecided.some((entry) => entry.fault === decision.fault)) continue;
    const value = result.metrics[decision.metric];
    const limit = thresholdOf(thresholds, decision.limit);
    const unsureFrom = thresholdOf(thresholds, decision.unsureFrom);
    if (value === undefined || limit === null || unsureFrom === null) continue;
    const unsure =
      decision.firesWhen === 'above'
        ? value >= unsureFrom && value <= limit
        : value <= unsureFrom && value >= limit;
    if (unsure) undecided.push({ fault: decision.fault, reason: 'ambiguous' });
  }
  return undecided;
}
