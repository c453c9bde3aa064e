/**
 * The measures any exercise keeps per rep, by their `FormResult.metrics` key (degrees): the
 * history stores them and the screen words them; the checkers fill them in the worker
 * (exercises/rep-measures.ts, a hinge's in hinge.ts `HINGE_REP_MEASURES`, a squat's in squat.ts).
 * `repBottomThighDeg` is a squat's depth: the thigh's elevation at the rep's lowest hips, positive
 * above parallel (the measure its "go deeper" cue reads).
 */
export const REP_MEASURE_METRICS = [
  'hipAngleDeg',
  'repBottomThighDeg',
  'backRoundingDeg',
  'upperBackRoundingDeg',
] as const;
export type RepMeasureMetric = (typeof REP_MEASURE_METRICS)[number];

/**
 * Which extreme of each is a rep's and a set's most: how far the hips bent, how deep the thighs
 * went, how much the back curved.
 */
export const REP_MEASURE_KEEPS: Readonly<Record<RepMeasureMetric, 'lowest' | 'highest'>> = {
  hipAngleDeg: 'lowest',
  repBottomThighDeg: 'lowest',
  backRoundingDeg: 'highest',
  upperBackRoundingDeg: 'highest',
};
