/**
 * What each rep keeps of its frames beyond its range (issue #14: a hinge's lowest hip angle and its
 * back's curve, rep by rep; a squat's depth): each of the exercise's `repMeasures` over the frames
 * since the last rep, at the extreme it held for its `heldMs` (`sustainedPeak`), so a landmark
 * spike is never a rep's number, or as the checker read it for the rep (`atCount`). Pure.
 */
import { MAX_REP_PATH_MS } from '../reps/rep-counter';
import type { MeasureSeries } from './decision';
import { sustainedPeak } from './decision';
import { REP_MEASURE_KEEPS } from '../reps/kept-measures';
import type { RepMeasureMetric } from '../reps/kept-measures';
import type { RepMeasure } from './types';

/** Each kept metric's frames since the last counted rep: [time ms, value]. */
export type RepMeasureSeries = Readonly<Record<string, MeasureSeries>>;

export const NO_REP_MEASURE_SERIES: RepMeasureSeries = {};

/**
 * Adds a judged frame's readings of the kept metrics. Frames older than `MAX_REP_PATH_MS` are let
 * go, as the rep counter lets its path go: that long is no one rep's.
 */
export function recordRepMeasures(
  series: RepMeasureSeries,
  kept: readonly RepMeasure[],
  metrics: Readonly<Record<string, number>>,
  timestampMs: number,
): RepMeasureSeries {
  if (kept.length === 0) return series;
  const next: Record<string, MeasureSeries> = {};
  for (const { metric } of kept) {
    const recent = (series[metric] ?? []).filter(([t]) => timestampMs - t <= MAX_REP_PATH_MS);
    const value = metrics[metric];
    next[metric] =
      value === undefined || !Number.isFinite(value) ? recent : [...recent, [timestampMs, value]];
  }
  return next;
}

/**
 * The rep from `startMs` (leaving the far end) to `endMs`: each kept metric read over its frames up
 * to its end, at its extreme held for its time, or, kept `atCount`, the checker's own reading of
 * this rep: its last frame from the rep's start (an earlier one is the rep before's); only the
 * metrics it read. The frames after its end begin the next rep.
 */
export function takeRepMeasures(
  series: RepMeasureSeries,
  kept: readonly RepMeasure[],
  rep: { readonly startMs: number; readonly endMs: number },
): { readonly measures: Readonly<Record<string, number>>; readonly rest: RepMeasureSeries } {
  const measures: Record<string, number> = {};
  const rest: Record<string, MeasureSeries> = {};
  for (const measure of kept) {
    const { metric } = measure;
    const frames = series[metric] ?? [];
    const value =
      'atCount' in measure
        ? (frames.filter(([t]) => t >= rep.startMs && t <= rep.endMs).at(-1)?.[1] ?? null)
        : extremeHeld(frames, metric, rep.endMs, measure.heldMs);
    if (value !== null) measures[metric] = value;
    rest[metric] = frames.filter(([t]) => t > rep.endMs);
  }
  return { measures, rest };
}

/** A metric's extreme (`REP_MEASURE_KEEPS`) held `heldMs` over its frames up to `endMs`. */
function extremeHeld(
  frames: MeasureSeries,
  metric: RepMeasureMetric,
  endMs: number,
  heldMs: number,
): number | null {
  const sign = REP_MEASURE_KEEPS[metric] === 'highest' ? 1 : -1;
  const inRep = frames
    .filter(([t]) => t <= endMs)
    .map(([t, value]): readonly [number, number] => [t, sign * value]);
  const peak = sustainedPeak(inRep, heldMs);
  return peak === null ? null : sign * peak;
}
