import { describe, expect, it } from 'vitest';
import { repsOfClip } from '../../tests/support/clip-reps';
import { SIDE_IMBALANCE_SHARE, medianTempo, rangeMeter, sideBalance } from './measures';

/** The 8 lifts (4 a side) of a real bird-dog clip, as the worker counts them. */
const birdDogReps = () => repsOfClip('bird-dog', 'bird_dog/bird_dog_legtoohigh_video_01.mp4');

const NO_HOLD = { left: 0, right: 0 };

describe('rangeMeter', () => {
  it('puts the target at two thirds of the bar, rest at one third, and clamps the fill', () => {
    const meter = rangeMeter({ value: 8, enterTopAbove: 8, exitTopBelow: 3 });
    expect(meter.targetAt).toBeCloseTo(2 / 3);
    expect(meter.restAt).toBeCloseTo(1 / 3);
    expect(meter.fill).toBeCloseTo(2 / 3);
    expect(meter.reached).toBe(false);
    expect(rangeMeter({ value: 40, enterTopAbove: 8, exitTopBelow: 3 })).toMatchObject({
      fill: 1,
      reached: true,
    });
    expect(rangeMeter({ value: -30, enterTopAbove: 8, exitTopBelow: 3 }).fill).toBe(0);
  });
});

describe('medianTempo', () => {
  it('takes each part over the reps that timed it', () => {
    expect(
      medianTempo([
        { lowerMs: null, pauseMs: null, liftMs: 400 },
        { lowerMs: 900, pauseMs: 500, liftMs: 600 },
        { lowerMs: 700, pauseMs: 300, liftMs: 500 },
        undefined,
      ]),
    ).toEqual({ lowerMs: 800, pauseMs: 400, liftMs: 500 });
    expect(medianTempo([undefined, null])).toBeNull();
  });
});

describe('sideBalance on a real bird-dog set', () => {
  const reps = birdDogReps();

  it('finds 4 reps a side reaching alike: nothing uneven', () => {
    const balance = sideBalance(reps, NO_HOLD);
    expect(balance?.reps).toEqual({ left: 4, right: 4 });
    expect(balance?.imbalanced).toEqual([]);
  });

  it('calls the range uneven when the left reaches a fifth less (the same skeletons, left lower)', () => {
    const weakLeft = reps.map((rep) =>
      rep.side === 'left' ? { ...rep, maxSignal: rep.maxSignal * 0.8 } : rep,
    );
    expect(sideBalance(weakLeft, NO_HOLD)?.imbalanced).toEqual(['range']);
    // Within the threshold it stays even.
    const slightlyWeak = reps.map((rep) =>
      rep.side === 'left'
        ? { ...rep, maxSignal: rep.maxSignal * (1 - SIDE_IMBALANCE_SHARE / 2) }
        : rep,
    );
    expect(sideBalance(slightlyWeak, NO_HOLD)?.imbalanced).toEqual([]);
  });

  it('calls the reps uneven only past one rep apart', () => {
    const oneLeftLess = reps.filter((rep, i) => i !== reps.findIndex((r) => r.side === 'left'));
    expect(sideBalance(oneLeftLess, NO_HOLD)?.imbalanced).toEqual([]);
    const halfTheLeft = reps.filter((rep, i) => rep.side === 'right' || i > 4);
    expect(sideBalance(halfTheLeft, NO_HOLD)?.imbalanced).toContain('reps');
  });

  it('compares hold seconds of side planks, and says nothing with one side only', () => {
    expect(sideBalance([], { left: 30, right: 24 })?.imbalanced).toEqual(['hold']);
    expect(sideBalance([], { left: 30, right: 29 })?.imbalanced).toEqual([]);
    expect(sideBalance([], { left: 30, right: 0 })).toBeNull();
    expect(
      sideBalance(
        reps.filter((rep) => rep.side === 'right'),
        NO_HOLD,
      ),
    ).toBeNull();
  });
});
