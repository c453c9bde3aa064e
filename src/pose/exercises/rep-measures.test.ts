import { describe, expect, it } from 'vitest';
import { MAX_REP_PATH_MS } from '../reps/rep-counter';
import type { RepMeasureSeries } from './rep-measures';
import { NO_REP_MEASURE_SERIES, recordRepMeasures, takeRepMeasures } from './rep-measures';
import type { RepMeasure } from './types';

const KEPT: readonly RepMeasure[] = [
  { metric: 'hipAngleDeg', heldMs: 125 },
  { metric: 'backRoundingDeg', heldMs: 400 },
];
const FRAME_MS = 67;

/** Frames every 67 ms (15 fps) from `fromMs` with the metrics each time gives. */
function framesOf(
  fromMs: number,
  toMs: number,
  metrics: (tMs: number) => Record<string, number>,
  series: RepMeasureSeries = NO_REP_MEASURE_SERIES,
): RepMeasureSeries {
  let next = series;
  for (let t = fromMs; t <= toMs; t += FRAME_MS)
    next = recordRepMeasures(next, KEPT, metrics(t), t);
  return next;
}

describe('rep measures', () => {
  it("keeps each measure's extreme held for its time, never a one-frame spike", () => {
    const series = framesOf(0, 2000, (t) => ({
      // The hips bend to 50° for 200 ms; one frame reads 20°.
      hipAngleDeg: t === 670 ? 20 : t >= 1000 && t <= 1200 ? 50 : 150,
      // The back curves 12° for 600 ms, with one 30° frame.
      backRoundingDeg: t === 536 ? 30 : t >= 900 && t <= 1500 ? 12 : 2,
    }));
    expect(takeRepMeasures(series, KEPT, { startMs: 0, endMs: 2000 }).measures).toEqual({
      hipAngleDeg: 50,
      backRoundingDeg: 12,
    });
  });

  it('gives a rep the frames up to its end; the later ones begin the next rep', () => {
    const series = framesOf(0, 3000, (t) => ({ hipAngleDeg: t < 1500 ? 60 : 90 }));
    const first = takeRepMeasures(series, KEPT, { startMs: 0, endMs: 1500 });
    expect(first.measures).toEqual({ hipAngleDeg: 60 });
    expect(takeRepMeasures(first.rest, KEPT, { startMs: 0, endMs: 3000 }).measures).toEqual({
      hipAngleDeg: 90,
    });
  });

  it('keeps only the measures a rep read, and lets go of frames older than a rep can be', () => {
    const series = framesOf(0, 1000, () => ({ hipAngleDeg: 40 }));
    const later = framesOf(
      MAX_REP_PATH_MS + 2000,
      MAX_REP_PATH_MS + 3000,
      () => ({
        hipAngleDeg: 70,
      }),
      series,
    );
    expect(
      takeRepMeasures(later, KEPT, { startMs: 0, endMs: MAX_REP_PATH_MS + 3000 }).measures,
    ).toEqual({
      hipAngleDeg: 70,
    });
    expect(recordRepMeasures(series, [], { hipAngleDeg: 1 }, 5000)).toBe(series);
    expect(
      takeRepMeasures(NO_REP_MEASURE_SERIES, KEPT, { startMs: 0, endMs: 1000 }).measures,
    ).toEqual({});
  });

  it("keeps a checker's own reading of the rep as it was counted, never the rep before's", () => {
    const depth: readonly RepMeasure[] = [{ metric: 'repBottomThighDeg', atCount: true }];
    // The first rep's depth (4° above parallel) is read from its rise (1000 ms) and kept standing
    // until the next descent (3000 ms); the second's (3° below) from its rise (4000 ms); the
    // third's bottom was not seen, so its frames read none.
    let series = NO_REP_MEASURE_SERIES;
    for (let t = 0; t <= 9000; t += FRAME_MS) {
      const value = t >= 1000 && t < 3000 ? 4 : t >= 4000 && t < 6000 ? -3 : null;
      series = recordRepMeasures(
        series,
        depth,
        value === null ? {} : { repBottomThighDeg: value },
        t,
      );
    }
    const first = takeRepMeasures(series, depth, { startMs: 900, endMs: 2000 });
    expect(first.measures).toEqual({ repBottomThighDeg: 4 });
    const second = takeRepMeasures(first.rest, depth, { startMs: 3900, endMs: 4600 });
    expect(second.measures).toEqual({ repBottomThighDeg: -3 });
    const third = takeRepMeasures(second.rest, depth, { startMs: 7000, endMs: 8000 });
    expect(third.measures).toEqual({});
  });
});
