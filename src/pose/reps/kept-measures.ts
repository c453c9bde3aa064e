/**
 * The measures any exercise keeps per rep, by their `FormResult.metrics` key (degrees): the
 * history stores them and the screen words them; the checkers fill them in the worker
 * (exercises/rep-measures.ts, a hinge's in hinge.ts `HINGE_REP_MEASURES`).
 */
export const REP_MEASURE_METRICS = [
  'hipAngleDeg',
  'backRoundingDeg',
  'upperBackRoundingDeg',
] as const;
export type RepMeasureMetric = (typeof REP_MEASURE_METRICS)[number];

/** Which extreme a rep keeps of each: how far the hips bent, how much the back curved. */
export const REP_MEASURE_KEEPS: Readonly<Record<RepMeasureMetric, 'lowest' | 'highest'>> = {
  hipAngleDeg: 'lowest',
  backRoundingDeg: 'highest',
  upperBackRoundingDeg: 'highest',
};
