/**
 * The judgement method of docs/judgement.md, run over labelled recordings: each fault decision's
 * limit chosen from each source's worst good sustained peak plus a margin widened for few sources,
 * each file's margin to the limit, and the same choice made again with one source left out.
 */
import type { FaultDecision, MeasureSeries } from '../../src/pose/exercises/decision';
import {
  fitDecision,
  frameNoise,
  oriented,
  sustainedPeak,
  thresholdValue,
  withThresholds,
} from '../../src/pose/exercises/decision';
import type { DecisionFit } from '../../src/pose/exercises/decision';
import type { JudgedFrame } from '../../src/pose/exercises/judge-recording';
import type { Exercise, ExerciseId, Strictness } from '../../src/pose/exercises/types';
import type { LabelRow } from './labels';

/**
 * Frame noise is read only between frames this close: clips sampled at 15 fps (67 ms). Frames
 * further apart (a 6-frame animation, 300 ms apart) move with the rep, which is not noise.
 */
const NOISE_MAX_STEP_MS = 100;

/** One labelled file as judged: its row and every frame's metrics. */
export interface JudgedFile {
  readonly row: LabelRow;
  readonly frames: readonly JudgedFrame[];
}

/** The frames where the decision judged its fault: [time, value], larger is worse. */
export function decisionSeries(
  decision: FaultDecision,
  frames: readonly JudgedFrame[],
): MeasureSeries {
  const series: [number, number][] = [];
  for (const frame of frames) {
    if (frame.status !== 'ok' || frame.phase === null) continue;
    if (!decision.judgedIn.includes(frame.phase)) continue;
    const value = frame.metrics[decision.metric];
    if (value === undefined || !Number.isFinite(value)) continue;
    series.push([frame.timestampMs, oriented(decision, value)]);
  }
  return series;
}

/**
 * The frames that show where good form's top is for the decision: its own metric's, and where it
 * reads the same body line as another decision (`sameMeasureAs`), that one's frames too.
 */
function topSeries(decision: FaultDecision, frames: readonly JudgedFrame[]): MeasureSeries {
  const alsoAs = decision.sameMeasureAs;
  if (alsoAs === undefined) return decisionSeries(decision, frames);
  return decisionSeries(
    decision,
    frames.map((frame) => sameMeasureFrame(frame, decision.metric, alsoAs)),
  );
}

/** The frame with `alsoAs`'s value standing in for `metric` where the frame did not read it. */
function sameMeasureFrame(frame: JudgedFrame, metric: string, alsoAs: string): JudgedFrame {
  const other = frame.metrics[alsoAs];
  if (frame.metrics[metric] !== undefined || other === undefined) return frame;
  return { ...frame, metrics: { ...frame.metrics, [metric]: other } };
}

/** True when the row is scored and may not show the decision's fault: good form for it. */
function isGoodFor(decision: FaultDecision, row: LabelRow): boolean {
  if (row.expected.includes('unknown')) return false;
  return !row.expected.includes(decision.fault) && !row.optional.includes(decision.fault);
}

/** The decision's fit over these files (one exercise's), for one strictness. */
export function fitOver(
  decision: FaultDecision,
  files: readonly JudgedFile[],
  strictness: Strictness,
): DecisionFit {
  // Each source's worst good file: one person, place or camera is one draw of good form.
  const sourcePeaks = new Map<string, number>();
  const noises: number[] = [];
  for (const file of files) {
    const series = topSeries(decision, file.frames);
    const noise = frameNoise(series, NOISE_MAX_STEP_MS);
    if (noise !== null) noises.push(noise);
    if (!isGoodFor(decision, file.row)) continue;
    const peak = sustainedPeak(series);
    if (peak === null) continue;
    const worst = sourcePeaks.get(file.row.source) ?? Number.NEGATIVE_INFINITY;
    sourcePeaks.set(file.row.source, Math.max(worst, peak));
  }
  const norm = decision.norm?.[strictness];
  return fitDecision(
    norm === undefined ? null : oriented(decision, norm),
    decision.error,
    decision.resolution,
    [...sourcePeaks.values()],
    noises,
    decision.faultSeenFrom === undefined
      ? Number.POSITIVE_INFINITY
      : oriented(decision, decision.faultSeenFrom),
  );
}

/** The labelled files of each exercise, by id. */
export type FilesOf = (id: ExerciseId) => readonly JudgedFile[];

/** The files a decision's limits are chosen on: its exercise's, or its pool's. */
export function decisionFiles(
  exercise: Exercise,
  decision: FaultDecision,
  filesOf: FilesOf,
): JudgedFile[] {
  return (decision.pooledAcross ?? [exercise.id]).flatMap((id) => filesOf(id));
}

/**
 * The exercise with every decision's limits chosen again on `filesOf`, at both strictnesses: what
 * the checker would have been had only these files been recorded.
 */
export function refitExercise(exercise: Exercise, filesOf: FilesOf): Exercise {
  return withThresholds(exercise, (strictness) => {
    const refit = new Map<string, number>();
    for (const decision of exercise.decisions) {
      const fit = fitOver(decision, decisionFiles(exercise, decision, filesOf), strictness);
      // The fit is oriented (larger is worse); oriented() turns it back.
      refit.set(decision.limit, oriented(decision, fit.limit));
      refit.set(decision.unsureFrom, oriented(decision, fit.unsureFrom));
    }
    return refit;
  });
}

/** One row of the margins table: how far a file's deciding measure sat from its limit. */
export interface FileMargin {
  readonly file: string;
  readonly view: string;
  readonly metric: string;
  /** The sustained peak, in the metric's own sign and unit. */
  readonly peak: number;
  readonly limit: number;
  /** Positive = on the right side of the limit (clear of it for good form, past it for a fault). */
  readonly margin: number;
  /** `margin` in multiples of the measure's frame noise; null when no clip gave a noise. */
  readonly marginNoise: number | null;
}

/**
 * The deciding measure of one scored file: for a fault file, the decision of an expected fault
 * that came closest to cueing it; for a good file, the decision that came closest to a false cue.
 * Null when nothing was measured (the app could not judge it) or the exercise decides nothing.
 */
export function fileMargin(
  exercise: Exercise,
  file: JudgedFile,
  filesOf: FilesOf,
  strictness: Strictness,
): FileMargin | null {
  const row = file.row;
  if (row.expected.includes('unknown')) return null;
  const expected = exercise.decisions.filter((decision) => row.expected.includes(decision.fault));
  const candidates =
    expected.length > 0 ? expected : exercise.decisions.filter((d) => isGoodFor(d, row));
  let best: FileMargin | null = null;
  for (const decision of candidates) {
    const peak = sustainedPeak(decisionSeries(decision, file.frames));
    if (peak === null) continue;
    const limit = oriented(decision, thresholdValue(exercise, strictness, decision.limit));
    const margin = expected.length > 0 ? peak - limit : limit - peak;
    const noise = fitOver(decision, decisionFiles(exercise, decision, filesOf), strictness).noise;
    const candidate: FileMargin = {
      file: row.file,
      view: row.view,
      metric: decision.metric,
      peak: oriented(decision, peak),
      limit: oriented(decision, limit),
      margin,
      marginNoise: noise === null || noise === 0 ? null : margin / noise,
    };
    // A fault is caught by its best measure; good form is at risk from its worst.
    if (best === null || (expected.length > 0 ? margin > best.margin : margin < best.margin)) {
      best = candidate;
    }
  }
  return best;
}
