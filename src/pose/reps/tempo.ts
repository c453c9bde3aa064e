/**
 * A rep's tempo: how long the body part took to go down, stayed at the far end of the movement,
 * and took to come back up, read from the rep signal's path (docs/checkers.md, "Tempo"). Pure.
 */

/** One usable rep-signal sample. */
export interface TimedSignal {
  readonly timestampMs: number;
  readonly signal: number;
}

/** How long each part of a rep took, in ms; null where that part was not seen. */
export interface RepTempo {
  /** The body part going down: the eccentric part in most exercises. */
  readonly lowerMs: number | null;
  /** At the far end of the movement: the top of a bridge, the bottom of a squat. */
  readonly pauseMs: number | null;
  readonly liftMs: number | null;
}

/**
 * The far end of a rep is the last fifth of the rep's own travel: the signal still creeps there
 * (a bird-dog's reach settles, a superman's lift sways by a degree or two, 10-15 % of its 12-16°),
 * and the hysteresis zones are too narrow to time a rep by (a good superman crosses its 3-8° band
 * in 1-3 frames, 133-200 ms, while its lowering from the top took 270-470 ms).
 */
export const FAR_END_SHARE_OF_TRAVEL = 0.2;

/**
 * Which way the signal moves while the body is lowered: 'falling' (a bridge's hips, a deadlift's
 * trunk, a bird-dog's limb) or 'rising' (a dead bug's knees drawing apart as a leg is lowered).
 */
export type LoweringSignal = 'falling' | 'rising';

export interface RepPath {
  /** The samples from the last one at rest to the rep's end, in time order. */
  readonly samples: readonly TimedSignal[];
  /**
   * False when the path does not start at rest (a deadlift set begun at the floor): the part
   * before the far end and the pause there are then unknown.
   */
  readonly fromRest: boolean;
}

/**
 * The tempo of one rep from its path. `farEnd` is where the rep turns: the top for reps that start
 * and end at the bottom (a bridge), the bottom for reps that start and end at the top (a squat).
 */
export function tempoOfPath(
  path: RepPath,
  farEnd: 'top' | 'bottom',
  lowering: LoweringSignal,
): RepTempo {
  const samples = path.samples;
  const first = samples[0];
  const last = samples.at(-1);
  if (first === undefined || last === undefined)
    return { lowerMs: null, pauseMs: null, liftMs: null };
  const values = samples.map((sample) => sample.signal);
  const max = Math.max(...values);
  const min = Math.min(...values);
  const margin = FAR_END_SHARE_OF_TRAVEL * (max - min);
  const atFarEnd = (signal: number) =>
    farEnd === 'top' ? signal >= max - margin : signal <= min + margin;
  const atEnd = samples.filter((sample) => atFarEnd(sample.signal));
  const reached = atEnd[0] ?? last;
  const left = atEnd.at(-1) ?? last;
  const toward = path.fromRest ? reached.timestampMs - first.timestampMs : null;
  const pause = path.fromRest ? left.timestampMs - reached.timestampMs : null;
  const away = last.timestampMs - left.timestampMs;
  // Going to a top, the signal rises; going to a bottom, it falls.
  const rising = farEnd === 'top' ? toward : away;
  const falling = farEnd === 'top' ? away : toward;
  return lowering === 'falling'
    ? { lowerMs: falling, pauseMs: pause, liftMs: rising }
    : { lowerMs: rising, pauseMs: pause, liftMs: falling };
}
