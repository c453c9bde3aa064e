import { describe, expect, it } from 'vitest';
import { nastyNumber, seededRandom } from '../testing/random';
import type { RepCounterConfig, RepCounterState, RepSample } from './rep-counter';
import {
  DEFAULT_REP_MAX_GAP_MS,
  DEFAULT_REP_MIN_DWELL_MS,
  END_OF_SIGNAL_DWELL_FRACTION,
  initialRepCounterState,
  isValidRepConfig,
  repCounts,
  settleAtSignalEnd,
  stepRepCounter,
} from './rep-counter';

/** A signal that is 0 at the bottom and 1 at the top: enter top above 0.7, leave below 0.3. */
const CONFIG: RepCounterConfig = {
  enterTopAbove: 0.7,
  exitTopBelow: 0.3,
  minDwellMs: DEFAULT_REP_MIN_DWELL_MS,
  maxGapMs: DEFAULT_REP_MAX_GAP_MS,
};
const FRAME_MS = 33;

type Fault = 'glute-bridge.over-arched' | 'glute-bridge.hips-low';

function feed(
  samples: readonly RepSample<Fault>[],
  config: RepCounterConfig = CONFIG,
): RepCounterState<Fault> {
  return samples.reduce(
    (state, sample) => stepRepCounter(state, sample, config),
    initialRepCounterState<Fault>(),
  );
}

/** Samples every frame for `durationMs` of a signal given as a function of time. */
function sampled(
  durationMs: number,
  signal: (t: number) => number | null,
  extra: (t: number) => Partial<RepSample<Fault>> = () => ({}),
  frameMs = FRAME_MS,
): RepSample<Fault>[] {
  const samples: RepSample<Fault>[] = [];
  for (let t = 0; t <= durationMs; t += frameMs) {
    samples.push({ timestampMs: t, signal: signal(t), side: null, faults: [], ...extra(t) });
  }
  return samples;
}

/** Reps as a raised cosine: 0 at rest, 1 at the top, `periodMs` each, after a 1 s rest. */
function repsSignal(periodMs: number, reps: number, amplitude = 1) {
  return (t: number): number => {
    const inRep = t - 1000;
    if (inRep < 0 || inRep > periodMs * reps) return 0;
    return (amplitude * (1 - Math.cos((2 * Math.PI * inRep) / periodMs))) / 2;
  };
}

describe('stepRepCounter', () => {
  it('counts clean sinusoidal reps exactly', () => {
    const state = feed(sampled(1000 + 2500 * 5 + 1000, repsSignal(2500, 5)));
    expect(repCounts(state)).toEqual({ total: 5, clean: 5, left: 0, right: 0 });
    const first = state.reps[0];
    expect(first?.maxSignal).toBeCloseTo(1, 1);
    expect(first?.minSignal).toBeLessThan(0.3);
    expect(first?.startMs).toBeGreaterThanOrEqual(1000);
    expect((first?.endMs ?? 0) - (first?.startMs ?? 0)).toBeGreaterThan(1000);
  });

  it('counts exactly with noise on the signal', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const clean = repsSignal(2000, 8);
      const state = feed(sampled(1000 + 2000 * 8 + 1000, (t) => clean(t) + (random() - 0.5) * 0.2));
      expect(repCounts(state).total).toBe(8);
    }
  });

  it('does not count jitter around one threshold or spikes shorter than the dwell', () => {
    const random = seededRandom(42);
    const jitter = feed(sampled(10000, () => 0.7 + (random() - 0.5) * 0.2));
    expect(repCounts(jitter).total).toBe(0);
    // 100 ms spikes to the top from a settled bottom.
    const spikes = feed(sampled(10000, (t) => (t % 2000 > 1000 && t % 2000 < 1100 ? 1 : 0)));
    expect(repCounts(spikes).total).toBe(0);
  });

  it('does not count half reps that never clear the top threshold', () => {
    const state = feed(sampled(1000 + 2000 * 5 + 1000, repsSignal(2000, 5, 0.6)));
    expect(repCounts(state).total).toBe(0);
  });

  it('does not count getting into position at the top', () => {
    // Starts high (already at the top), lowers once, then does 2 real reps.
    const signal = (t: number) => (t < 1500 ? 1 : repsSignal(2000, 2)(t - 1500));
    const state = feed(sampled(1500 + 1000 + 4000 + 1000, signal));
    expect(repCounts(state).total).toBe(2);
  });

  it('counts at the top when asked: a lift ending at lockout, or a set starting standing', () => {
    const atTop: RepCounterConfig = { ...CONFIG, countsAt: 'top' };
    // From the floor to lockout, and stay there: one rep (the default waits for the return).
    const pull = (t: number) => (t < 1000 ? 0 : 1);
    expect(repCounts(feed(sampled(3000, pull), atTop)).total).toBe(1);
    expect(repCounts(feed(sampled(3000, pull))).total).toBe(0);
    // Standing first, then 3 lowers and rises ending standing (a Romanian deadlift): 3 reps.
    const fromStanding = (t: number) => 1 - repsSignal(2000, 3)(t);
    expect(repCounts(feed(sampled(1000 + 6000 + 1000, fromStanding), atTop)).total).toBe(3);
    // A rise that never reaches the top is no rep.
    expect(
      repCounts(
        feed(
          sampled(3000, (t) => (t < 1000 ? 0 : 0.6)),
          atTop,
        ),
      ).total,
    ).toBe(0);
  });

  it('takes a brief bottom as reached with a shorter bottom dwell, never a spike', () => {
    const turnAround: RepCounterConfig = { ...CONFIG, countsAt: 'top', minBottomDwellMs: 125 };
    const atTop: RepCounterConfig = { ...CONFIG, countsAt: 'top' };
    // A clip cut to the pull: 165 ms at the floor, then up to lockout and held.
    const cutPull = (t: number) => (t < 165 ? 0 : t < 400 ? 0.5 : 1);
    expect(repCounts(feed(sampled(2000, cutPull), turnAround)).total).toBe(1);
    expect(repCounts(feed(sampled(2000, cutPull), atTop)).total).toBe(0);
    // Standing throughout with 100 ms dips to the floor: jitter, no rep.
    const dips = (t: number) => (t % 2000 > 1000 && t % 2000 < 1100 ? 0 : 1);
    expect(repCounts(feed(sampled(10000, dips), turnAround)).total).toBe(0);
    // The lockout still needs the full dwell: a 200 ms touch of the top is no rep.
    const touch = (t: number) => (t < 1000 ? 0 : t < 1200 ? 1 : 0);
    expect(repCounts(feed(sampled(3000, touch), turnAround)).total).toBe(0);
    // Three ordinary pulls from the floor keep their count.
    expect(
      repCounts(feed(sampled(1000 + 6000 + 1000, repsSignal(2000, 3)), turnAround)).total,
    ).toBe(3);
  });

  it('counts per side for alternating exercises', () => {
    const signal = repsSignal(2000, 6);
    const side = (t: number) => (Math.floor((t - 1000) / 2000) % 2 === 0 ? 'left' : 'right');
    const state = feed(sampled(1000 + 2000 * 6 + 1000, signal, (t) => ({ side: side(t) })));
    expect(repCounts(state)).toMatchObject({ total: 6, left: 3, right: 3 });
    expect(state.reps.map((rep) => rep.side)).toEqual([
      'left',
      'right',
      'left',
      'right',
      'left',
      'right',
    ]);
  });

  it('records the faults seen during each rep', () => {
    const signal = repsSignal(2000, 3);
    const inSecondRep = (t: number) => t > 3500 && t < 4000;
    const state = feed(
      sampled(1000 + 2000 * 3 + 1000, signal, (t) => ({
        faults: inSecondRep(t) ? ['glute-bridge.over-arched', 'glute-bridge.over-arched'] : [],
      })),
    );
    expect(state.reps.map((rep) => rep.faults)).toEqual([[], ['glute-bridge.over-arched'], []]);
    expect(repCounts(state).clean).toBe(2);
  });

  it('counts a fault seen at the floor against the pull counted at the top', () => {
    const atTop: RepCounterConfig = { ...CONFIG, countsAt: 'top' };
    // Standing, then 3 lowers and rises (a deadlift touching the floor); the back is rounded only
    // while at the floor of the second (the signal under 0.3, before its rise), and at the top of
    // the first lockout, which belongs to no later pull.
    const fromStanding = (t: number) => 1 - repsSignal(2000, 3)(t);
    const atSecondFloor = (t: number) => t > 3800 && t < 4200;
    const atFirstLockout = (t: number) => t > 3000 && t < 3300;
    const state = feed(
      sampled(1000 + 6000 + 1000, fromStanding, (t) => ({
        faults: atSecondFloor(t)
          ? ['glute-bridge.over-arched']
          : atFirstLockout(t)
            ? ['glute-bridge.hips-low']
            : [],
      })),
      atTop,
    );
    expect(fromStanding(4000)).toBeLessThan(CONFIG.exitTopBelow);
    expect(fromStanding(3300)).toBeGreaterThan(CONFIG.enterTopAbove);
    expect(state.reps.map((rep) => rep.faults)).toEqual([[], ['glute-bridge.over-arched'], []]);
  });

  it('abandons a rep when the signal is lost for longer than the gap limit', () => {
    const signal = repsSignal(4000, 2);
    // Lost from 2.5 s to 4 s: across the top of the first rep.
    const state = feed(
      sampled(1000 + 8000 + 1000, (t) => (t > 2500 && t < 4000 ? null : signal(t))),
    );
    expect(repCounts(state).total).toBe(1);
  });

  it('ignores repeated, backwards and non-finite timestamps', () => {
    const samples = sampled(1000 + 2000 * 3 + 1000, repsSignal(2000, 3));
    const messy = samples.flatMap((sample) => [
      sample,
      { ...sample, signal: 0 },
      { ...sample, timestampMs: sample.timestampMs - 500, signal: 1 },
      { ...sample, timestampMs: Number.NaN, signal: 1 },
    ]);
    expect(repCounts(feed(messy)).total).toBe(3);
  });

  it('never throws or counts from garbage, and ignores an invalid config', () => {
    const random = seededRandom(13);
    let state = initialRepCounterState<Fault>();
    for (let i = 0; i < 5000; i += 1) {
      state = stepRepCounter(
        state,
        { timestampMs: nastyNumber(random), signal: nastyNumber(random), side: null, faults: [] },
        CONFIG,
      );
    }
    expect(
      state.reps.every((rep) => Number.isFinite(rep.minSignal) && Number.isFinite(rep.maxSignal)),
    ).toBe(true);
    const inverted = { ...CONFIG, enterTopAbove: 0.3, exitTopBelow: 0.7 };
    expect(isValidRepConfig(inverted)).toBe(false);
    expect(repCounts(feed(sampled(8000, repsSignal(2000, 3)), inverted)).total).toBe(0);
  });

  it('never mutates its state', () => {
    const state = feed(sampled(2000, repsSignal(2000, 1)));
    const copy = structuredClone(state);
    stepRepCounter(state, { timestampMs: 5000, signal: 1, side: 'left', faults: [] }, CONFIG);
    expect(state).toEqual(copy);
  });
});

describe('stepRepCounter at a slow camera', () => {
  const atTop: RepCounterConfig = { ...CONFIG, countsAt: 'top' };
  /**
   * Frames `frameMs` apart, at the floor but for `topFrames` frames at the top from 1 s; the frame
   * at `unseenMs` reads nothing, the one at `droppedMs` never comes.
   */
  const pullSeenOn = (
    topFrames: number,
    frameMs: number,
    { unseenMs, droppedMs }: { unseenMs?: number; droppedMs?: number } = {},
  ) => {
    const atTheTop = (t: number) =>
      t > 1000 - frameMs / 2 && t < 1000 + (topFrames - 0.5) * frameMs;
    const frames = sampled(
      3000,
      (t) => (t === unseenMs ? null : atTheTop(t) ? 1 : 0),
      () => ({}),
      frameMs,
    ).filter((sample) => sample.timestampMs !== droppedMs);
    return repCounts(feed(frames, atTop)).total;
  };

  it('counts a top seen on two frames 200 ms apart (5 a second), never on one', () => {
    // Its crossing lies halfway back to the frame before: there some 300 ms, past the dwell.
    expect(pullSeenOn(2, 200)).toBe(1);
    // One frame at the top reads as 100 ms there: a spike, whatever the camera's rate.
    expect(pullSeenOn(1, 200)).toBe(0);
  });

  it('credits nothing after an unseen frame or a gap longer than the dwell', () => {
    expect(pullSeenOn(2, 200, { unseenMs: 800 })).toBe(0);
    expect(pullSeenOn(2, 200, { droppedMs: 800 })).toBe(0);
  });

  it('needs as many frames at 15 a second as without it: 5 for the 250 ms dwell', () => {
    expect(pullSeenOn(4, 1000 / 15)).toBe(0);
    expect(pullSeenOn(5, 1000 / 15)).toBe(1);
  });
});

describe('settleAtSignalEnd', () => {
  const atTop: RepCounterConfig = { ...CONFIG, countsAt: 'top' };
  const settledTotal = (samples: readonly RepSample<Fault>[], config: RepCounterConfig) =>
    repCounts(settleAtSignalEnd(feed(samples, config), config)).total;
  /** At the floor, then at the top from 1 s until the signal ends `heldMs` later. */
  const pullEndingAtLockout = (heldMs: number) => sampled(1000 + heldMs, (t) => (t < 1000 ? 0 : 1));
  const halfDwellMs = DEFAULT_REP_MIN_DWELL_MS * END_OF_SIGNAL_DWELL_FRACTION;

  it('counts a lockout the clip ended on once it held half the dwell, never a shorter one', () => {
    // Two frames past half the dwell at the top when the frames end: stepping alone counts nothing.
    const ended = pullEndingAtLockout(halfDwellMs + 2 * FRAME_MS);
    expect(repCounts(feed(ended, atTop)).total).toBe(0);
    expect(settledTotal(ended, atTop)).toBe(1);
    // Three frames (66 ms): what a landmark spike lasts, no rep.
    expect(settledTotal(pullEndingAtLockout(halfDwellMs - FRAME_MS), atTop)).toBe(0);
  });

  it('counts a rep counted on its return once it is back at rest for half the dwell', () => {
    // Up, held, and back at the bottom 165 ms (frames at 2013-2178 ms) before the end.
    const signal = (t: number) => (t < 1000 ? 0 : t < 2000 ? 1 : 0);
    expect(repCounts(feed(sampled(2200, signal))).total).toBe(0);
    expect(settledTotal(sampled(2200, signal), CONFIG)).toBe(1);
    // Still at the top when the frames end: not back, no rep.
    expect(settledTotal(sampled(1900, signal), CONFIG)).toBe(0);
  });

  it('changes nothing settled, nor a rep the camera lost before the end', () => {
    const whole = feed(sampled(1000 + 2000 * 3 + 1000, repsSignal(2000, 3)));
    expect(settleAtSignalEnd(whole, CONFIG)).toBe(whole);
    // At the top for 165 ms, then unseen for longer than the gap rule until the frames end.
    const lost = sampled(1200 + DEFAULT_REP_MAX_GAP_MS + 100, (t) =>
      t < 1000 ? 0 : t <= 1200 ? 1 : null,
    );
    expect(settledTotal(lost, atTop)).toBe(0);
    // Unseen for less than that: the lockout it reached still counts.
    expect(settledTotal(lost.slice(0, -10), atTop)).toBe(1);
  });
});
