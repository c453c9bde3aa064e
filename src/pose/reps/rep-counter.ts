import type { Side } from '../side';
import type { LoweringSignal, RepPath, RepTempo, TimedSignal } from './tempo';
import { tempoOfPath } from './tempo';

/**
 * How to count reps from one scalar signal that is high at the top of a rep (e.g. hip height over
 * torso length in a glute bridge). The exercise orients the signal so "top" is high.
 */
export interface RepCounterConfig {
  /** The signal must rise above this to enter 'top'. */
  readonly enterTopAbove: number;
  /** ...and fall below this (lower: the hysteresis band) to return to 'bottom'. */
  readonly exitTopBelow: number;
  /**
   * A phase change counts only once the signal has stayed past the threshold this long, so noise
   * spikes and bounces are not reps.
   */
  readonly minDwellMs: number;
  /**
   * The dwell for reaching the bottom, where it differs: a rep counted at the top may only turn
   * round there (a deadlift's floor in a clip cut to the pull, a swing's backswing). Absent:
   * `minDwellMs`.
   */
  readonly minBottomDwellMs?: number;
  /** A gap in the signal longer than this abandons the rep in progress (it was not seen). */
  readonly maxGapMs: number;
  /**
   * When a rep is complete: 'return' (the default) once the signal is back at the bottom, for
   * exercises that start and end each rep at rest; 'top' as soon as the top is reached from the
   * bottom, for lifts whose rep is the rise itself (a deadlift is done at lockout, whether the bar
   * then goes back to the floor or the set starts standing, as in a Romanian deadlift).
   */
  readonly countsAt?: 'return' | 'top';
  /** Which way the signal moves while the body is lowered, for the tempo; 'falling' if absent. */
  readonly lowering?: LoweringSignal;
}

/**
 * Reps of back exercises take a second or more and hold the top briefly; landmark spikes last one
 * to three frames (under 100 ms at 30 fps). 250 ms rejects the spikes and keeps the reps.
 */
export const DEFAULT_REP_MIN_DWELL_MS = 250;
/** One second unseen mid-rep is long enough that we cannot vouch for what happened in it. */
export const DEFAULT_REP_MAX_GAP_MS = 1000;

export interface RepSample<Fault extends string = string> {
  readonly timestampMs: number;
  /** Null or non-finite when the exercise could not measure it this frame. */
  readonly signal: number | null;
  /** The side working in an alternating exercise (the reaching arm in a bird-dog), else null. */
  readonly side: Side | null;
  /** Faults seen in this frame; they count against the rep in progress. */
  readonly faults: readonly Fault[];
}

export interface Rep<Fault extends string = string> {
  readonly side: Side | null;
  /** When the signal left the bottom band, and when it came back into it. */
  readonly startMs: number;
  readonly endMs: number;
  /** Lowest and highest signal during the rep: its range of motion. */
  readonly minSignal: number;
  readonly maxSignal: number;
  /** Distinct faults seen during the rep, in the order first seen; empty = a clean rep. */
  readonly faults: readonly Fault[];
  /**
   * Lowering, pause and lift. For a rep counted at the top (a deadlift, a squat, a row) the lowering
   * is the one before the lift, from the last frame at the top; the first rep of a set begun at the
   * bottom has none.
   */
  readonly tempo: RepTempo;
  /**
   * The exercise's `repMeasures` at their extremes over the rep, by metric (a hinge's lowest hip
   * angle, its back's most curve), added by the session (exercises/rep-measures.ts). Absent where
   * the exercise keeps none or none was read.
   */
  readonly measures?: Readonly<Record<string, number>>;
}

/** 'unknown' until the signal has settled in one phase (getting into position is not a rep). */
export type RepPhase = 'unknown' | 'bottom' | 'top';

interface RepInProgress<Fault extends string> {
  readonly startMs: number;
  readonly minSignal: number;
  readonly maxSignal: number;
  readonly faults: readonly Fault[];
  readonly sideVotes: { readonly left: number; readonly right: number };
}

export interface RepCounterState<Fault extends string = string> {
  readonly phase: RepPhase;
  /**
   * A phase the signal is crossing into, since its first sample there, and the time it is taken to
   * have been there before that sample (`enteredBeforeMs`); confirmed after `minDwellMs`.
   */
  readonly pending: {
    readonly phase: 'bottom' | 'top';
    readonly sinceMs: number;
    readonly enteredBeforeMs: number;
  } | null;
  /**
   * The rep being tracked: restarted at every bottom sample while in 'bottom', so it begins at the
   * last sample in the bottom band before the rise. Null until the signal has settled at the bottom.
   */
  readonly current: RepInProgress<Fault> | null;
  readonly reps: readonly Rep<Fault>[];
  /**
   * For reps counted at the top: the faults seen since the signal last left the top (the lowering
   * and the bottom, a deadlift's set-up at the floor). They count against the rep that rises from
   * there, as much its own as the rise: a back rounded at the floor is that pull's fault.
   */
  readonly faultsBeforeRise: readonly Fault[];
  readonly lastSampleMs: number | null;
  /** Last time a usable signal arrived, for the gap rule. */
  readonly lastSignalMs: number | null;
  /**
   * The signal since its last sample at rest (in the bottom, or at the top for reps counted at the
   * top), for the tempo of the rep it ends in.
   */
  readonly path: RepPath;
}

export function initialRepCounterState<Fault extends string = string>(): RepCounterState<Fault> {
  return {
    phase: 'unknown',
    pending: null,
    current: null,
    reps: [],
    faultsBeforeRise: [],
    lastSampleMs: null,
    lastSignalMs: null,
    path: NO_PATH,
  };
}

const NO_PATH: RepPath = { samples: [], fromRest: false };

/** True when the thresholds describe a real hysteresis band and the times are usable. */
export function isValidRepConfig(config: RepCounterConfig): boolean {
  return (
    Number.isFinite(config.enterTopAbove) &&
    Number.isFinite(config.exitTopBelow) &&
    config.exitTopBelow < config.enterTopAbove &&
    Number.isFinite(config.minDwellMs) &&
    config.minDwellMs >= 0 &&
    (config.minBottomDwellMs === undefined ||
      (Number.isFinite(config.minBottomDwellMs) && config.minBottomDwellMs >= 0)) &&
    config.maxGapMs > 0
  );
}

function zoneOf(signal: number, config: RepCounterConfig): 'bottom' | 'top' | 'band' {
  if (signal > config.enterTopAbove) return 'top';
  if (signal < config.exitTopBelow) return 'bottom';
  return 'band';
}

function mergeFaults<Fault extends string>(
  seen: readonly Fault[],
  more: readonly Fault[],
): readonly Fault[] {
  const fresh = more.filter((fault, i) => !seen.includes(fault) && more.indexOf(fault) === i);
  return fresh.length === 0 ? seen : [...seen, ...fresh];
}

/** A rep starting at a bottom sample; faults at rest before the rise do not count against it. */
function freshRep<Fault extends string>(t: number, signal: number): RepInProgress<Fault> {
  return {
    startMs: t,
    minSignal: signal,
    maxSignal: signal,
    faults: [],
    sideVotes: { left: 0, right: 0 },
  };
}

function track<Fault extends string>(
  current: RepInProgress<Fault>,
  signal: number,
  sample: RepSample<Fault>,
): RepInProgress<Fault> {
  const votes = current.sideVotes;
  return {
    startMs: current.startMs,
    minSignal: Math.min(current.minSignal, signal),
    maxSignal: Math.max(current.maxSignal, signal),
    faults: mergeFaults(current.faults, sample.faults),
    sideVotes: {
      left: votes.left + (sample.side === 'left' ? 1 : 0),
      right: votes.right + (sample.side === 'right' ? 1 : 0),
    },
  };
}

function majoritySide(votes: { readonly left: number; readonly right: number }): Side | null {
  if (votes.left === votes.right) return null;
  return votes.left > votes.right ? 'left' : 'right';
}

/**
 * A path longer than this is no one rep's: a row's arms hanging between sets, a setup that never
 * settles. Its start is let go (so its lowering and pause are not timed), and the path a frame
 * carries stays bounded however long the camera runs.
 */
export const MAX_REP_PATH_MS = 30_000;

function extendPath(path: RepPath, here: TimedSignal): RepPath {
  const samples = [...path.samples, here];
  const first = samples[0];
  if (first === undefined || here.timestampMs - first.timestampMs <= MAX_REP_PATH_MS) {
    return { ...path, samples };
  }
  const recent = samples.filter((s) => here.timestampMs - s.timestampMs <= MAX_REP_PATH_MS);
  return { samples: recent, fromRest: false };
}

/** Where a rep rests between reps: the bottom, or the top for reps counted at the top. */
function restOf(config: RepCounterConfig): 'bottom' | 'top' {
  return config.countsAt === 'top' ? 'top' : 'bottom';
}

function finishRep<Fault extends string>(
  done: RepInProgress<Fault>,
  endMs: number,
  path: RepPath,
  config: RepCounterConfig,
  faultsBeforeRise: readonly Fault[],
): Rep<Fault> {
  // A path not begun at rest (a set started at the floor) times only this rep's own rise.
  const from = path.fromRest ? -Infinity : done.startMs;
  const samples = path.samples.filter((s) => s.timestampMs >= from && s.timestampMs <= endMs);
  const upToEnd = { ...path, samples };
  const farEnd = restOf(config) === 'top' ? 'bottom' : 'top';
  return {
    side: majoritySide(done.sideVotes),
    startMs: done.startMs,
    endMs,
    minSignal: done.minSignal,
    maxSignal: done.maxSignal,
    faults: mergeFaults(faultsBeforeRise, done.faults),
    tempo: tempoOfPath(upToEnd, farEnd, config.lowering ?? 'falling'),
  };
}

/**
 * Feeds one sample to the counter. A rep is counted when the signal, having settled at the bottom,
 * stays above `enterTopAbove` for `minDwellMs` and then below `exitTopBelow` for `minDwellMs`. So a
 * half rep that never clears the top threshold, a spike shorter than the dwell, and starting in the
 * top position (getting into position) are not counted. With `countsAt: 'top'` the rep is counted
 * once the top is confirmed instead (and the return to the bottom only starts the next one). Samples with non-increasing or non-finite
 * timestamps are ignored, as is everything under an invalid config. Pure: returns a new state.
 */
export function stepRepCounter<Fault extends string>(
  state: RepCounterState<Fault>,
  sample: RepSample<Fault>,
  config: RepCounterConfig,
): RepCounterState<Fault> {
  const t = sample.timestampMs;
  if (!isValidRepConfig(config) || !Number.isFinite(t)) return state;
  if (state.lastSampleMs !== null && t <= state.lastSampleMs) return state;
  const signal = sample.signal;
  if (signal === null || !Number.isFinite(signal)) return { ...state, lastSampleMs: t };

  // After a long gap we cannot vouch for the rep in progress: settle afresh.
  const gapped = state.lastSignalMs !== null && t - state.lastSignalMs > config.maxGapMs;
  const phase: RepPhase = gapped ? 'unknown' : state.phase;
  const zone = zoneOf(signal, config);
  const tracked = gapped || !state.current ? null : track(state.current, signal, sample);
  const current = phase === 'bottom' && zone === 'bottom' ? freshRep<Fault>(t, signal) : tracked;
  const here = { timestampMs: t, signal };
  const rest = restOf(config);
  const restsHere: RepPath = { samples: [here], fromRest: true };
  const path: RepPath =
    phase === rest && zone === rest
      ? restsHere
      : gapped
        ? { samples: [here], fromRest: false }
        : extendPath(state.path, here);
  const countsAtTop = config.countsAt === 'top';
  const next: RepCounterState<Fault> = {
    ...state,
    phase,
    current,
    faultsBeforeRise:
      countsAtTop && zone !== 'top'
        ? mergeFaults(gapped ? [] : state.faultsBeforeRise, sample.faults)
        : state.faultsBeforeRise,
    pending: gapped ? null : state.pending,
    lastSampleMs: t,
    lastSignalMs: t,
    path,
  };

  const target = zone === 'band' || zone === phase ? null : zone;
  if (target === null) return { ...next, pending: null };
  const pending =
    next.pending?.phase === target
      ? next.pending
      : {
          phase: target,
          sinceMs: t,
          enteredBeforeMs: enteredBefore(t, state, dwellOf(target, config)),
        };
  if (heldFor(pending, t) < dwellOf(target, config)) return { ...next, pending };
  return settle(next, phase, pending, here, config);
}

/**
 * How long before its first sample in a phase the signal is taken to have entered it: halfway
 * back to the sample before, where the crossing is expected to lie, when that sample read the
 * signal less than a dwell earlier; nothing after an unseen frame or a longer gap, whose crossing
 * was not seen. So one sample alone never confirms a phase (it is credited under half the dwell).
 * Frames are 67 ms apart at 15 a second, where the dwells need as many frames as without it, and
 * 200 ms on a slow laptop, where two frames at a row's top (a third of a second held) would
 * otherwise read as one 200 ms excursion and not count.
 */
function enteredBefore<Fault extends string>(
  firstMs: number,
  before: RepCounterState<Fault>,
  dwellMs: number,
): number {
  const { lastSignalMs, lastSampleMs } = before;
  const seenJustBefore =
    lastSignalMs !== null && lastSignalMs === lastSampleMs && firstMs - lastSignalMs < dwellMs;
  return seenJustBefore ? (firstMs - lastSignalMs) / 2 : 0;
}

/** How long the phase `pending` has lasted at `nowMs`. */
function heldFor(pending: NonNullable<RepCounterState['pending']>, nowMs: number): number {
  return nowMs - pending.sinceMs + pending.enteredBeforeMs;
}

function dwellOf(target: 'bottom' | 'top', config: RepCounterConfig): number {
  return target === 'bottom' ? (config.minBottomDwellMs ?? config.minDwellMs) : config.minDwellMs;
}

/**
 * The phase change `pending` confirmed at the sample `here` (the latest): a rep counted at the top
 * on reaching it, or at the bottom on the return. `phase` is the one the signal was in before.
 */
function settle<Fault extends string>(
  next: RepCounterState<Fault>,
  phase: RepPhase,
  pending: NonNullable<RepCounterState<Fault>['pending']>,
  here: TimedSignal,
  config: RepCounterConfig,
): RepCounterState<Fault> {
  const rest = restOf(config);
  const path = next.path;
  // Settled at rest: the next rep's path starts here.
  const settled: RepPath = pending.phase === rest ? { samples: [here], fromRest: true } : path;
  if (pending.phase === 'top') {
    if (config.countsAt !== 'top') return { ...next, phase: 'top', pending: null };
    const risen =
      phase === 'bottom' && next.current
        ? [
            ...next.reps,
            finishRep(next.current, pending.sinceMs, path, config, next.faultsBeforeRise),
          ]
        : next.reps;
    return {
      ...next,
      phase: 'top',
      pending: null,
      current: null,
      reps: risen,
      faultsBeforeRise: [],
      path: settled,
    };
  }
  const reps =
    config.countsAt !== 'top' && phase === 'top' && next.current
      ? [...next.reps, finishRep(next.current, pending.sinceMs, path, config, [])]
      : next.reps;
  return {
    ...next,
    phase: 'bottom',
    pending: null,
    current: freshRep<Fault>(here.timestampMs, here.signal),
    reps,
    path: settled,
  };
}

/**
 * How much of the dwell a phase change must have lasted when the signal ends (a recorded clip's
 * last frame) to be confirmed: half, the part that still rejects the landmark spikes the dwell is
 * for (under 100 ms, `DEFAULT_REP_MIN_DWELL_MS`). A clip cut 150 ms after the lockout ended its
 * frames, not the rep, which a camera still running would have counted (a live set goes on).
 */
export const END_OF_SIGNAL_DWELL_FRACTION = 0.5;

/**
 * The counter at the end of the signal: a phase change under way since at least
 * `END_OF_SIGNAL_DWELL_FRACTION` of its dwell, held to the last sample, is confirmed (a rep
 * reaching its lockout or its rest as the clip ends counts); a shorter one, or one the camera lost
 * for longer than `maxGapMs` before the end, is left as it was.
 */
export function settleAtSignalEnd<Fault extends string>(
  state: RepCounterState<Fault>,
  config: RepCounterConfig,
): RepCounterState<Fault> {
  const { pending, lastSignalMs, lastSampleMs } = state;
  const here = state.path.samples.at(-1);
  if (!isValidRepConfig(config) || pending === null || lastSignalMs === null || !here) {
    return state;
  }
  // Unseen at the end for longer than the gap rule allows: the rep was not seen to finish.
  if (lastSampleMs !== null && lastSampleMs - lastSignalMs > config.maxGapMs) return state;
  if (
    heldFor(pending, lastSignalMs) <
    dwellOf(pending.phase, config) * END_OF_SIGNAL_DWELL_FRACTION
  ) {
    return state;
  }
  return settle(state, state.phase, pending, here, config);
}

export interface RepCounts {
  readonly total: number;
  /** Reps with no fault seen during them. */
  readonly clean: number;
  readonly left: number;
  readonly right: number;
}

export function repCounts(state: RepCounterState): RepCounts {
  const reps = state.reps;
  return {
    total: reps.length,
    clean: reps.filter((rep) => rep.faults.length === 0).length,
    left: reps.filter((rep) => rep.side === 'left').length,
    right: reps.filter((rep) => rep.side === 'right').length,
  };
}
