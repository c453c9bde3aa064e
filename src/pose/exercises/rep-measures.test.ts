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
    expect(takeRepMeasures(series, KEPT, 2000).measures).toEqual({
      hipAngleDeg: 50,
      backRoundingDeg: 12,
    });
  });

  it('gives a rep the frames up to its end; the later ones begin the next rep', () => {
    const series = framesOf(0, 3000, (t) => ({ hipAngleDeg: t < 1500 ? 60 : 90 }));
    const first = takeRepMeasures(series, KEPT, 1500);
    expect(first.measures).toEqual({ hipAngleDeg: 60 });
    expect(takeRepMeasures(first.rest, KEPT, 3000).measures).toEqual({ hipAngleDeg: 90 });
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
    expect(takeRepMeasures(later, KEPT, MAX_REP_PATH_MS + 3000).measures).toEqual({
      hipAngleDeg: 70,
    });
    expect(recordRepMeasures(series, [], { hipAngleDeg: 1 }, 5000)).toBe(series);
    expect(takeRepMeasures(NO_REP_MEASURE_SERIES, KEPT, 1000).measures).toEqual({});
  });
});
