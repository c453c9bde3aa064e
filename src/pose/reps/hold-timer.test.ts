import { describe, expect, it } from 'vitest';
import { nastyNumber, seededRandom } from '../testing/random';
import type { HoldSample, HoldTimerState } from './hold-timer';
import { HOLD_MAX_GAP_MS, initialHoldTimerState, stepHoldTimer } from './hold-timer';

const FRAME_MS = 100;

function feed(samples: readonly HoldSample[]): HoldTimerState {
  return samples.reduce(stepHoldTimer, initialHoldTimerState());
}

function frames(
  fromMs: number,
  toMs: number,
  kind: 'good' | 'fault' | 'unseen' | 'setup',
  stepMs = FRAME_MS,
): HoldSample[] {
  const samples: HoldSample[] = [];
  for (let t = fromMs; t <= toMs; t += stepMs) {
    samples.push({
      timestampMs: t,
      status: kind === 'unseen' ? 'cannot-see' : 'ok',
      inPosition: kind !== 'setup',
      faults: kind === 'fault' ? ['plank.hips-sagging'] : [],
    });
  }
  return samples;
}

describe('stepHoldTimer', () => {
  it('does not count time spent getting into position', () => {
    expect(feed(frames(0, 3000, 'setup')).goodMs).toBe(0);
    expect(feed([...frames(0, 3000, 'setup'), ...frames(3100, 4100, 'good')]).goodMs).toBe(1000);
  });

  it('counts seconds in good form', () => {
    const state = feed(frames(0, 10000, 'good'));
    expect(state.goodMs).toBe(10000);
    expect(state.streakMs).toBe(10000);
    expect(state.phase).toBe('holding');
  });

  it('pauses on a fault and resumes after it, with a new streak', () => {
    const state = feed([
      ...frames(0, 3000, 'good'),
      ...frames(3100, 5000, 'fault'),
      ...frames(5100, 7100, 'good'),
    ]);
    expect(state.goodMs).toBe(5000);
    expect(state.streakMs).toBe(2000);
    expect(state.longestStreakMs).toBe(3000);
    expect(feed([...frames(0, 3000, 'good'), ...frames(3100, 3200, 'fault')]).phase).toBe(
      'paused-fault',
    );
  });

  it('bridges a short unseen gap but not a long one', () => {
    const short = feed([
      ...frames(0, 2000, 'good'),
      ...frames(2100, 2300, 'unseen'),
      ...frames(2400, 4000, 'good'),
    ]);
    expect(short.goodMs).toBe(4000);
    expect(short.streakMs).toBe(4000);

    const long = feed([
      ...frames(0, 2000, 'good'),
      ...frames(2100, 2000 + HOLD_MAX_GAP_MS + 400, 'unseen'),
      ...frames(3000, 4000, 'good'),
    ]);
    expect(long.goodMs).toBe(3000);
    expect(long.streakMs).toBe(1000);
    expect(feed([...frames(0, 2000, 'good'), ...frames(2100, 2200, 'unseen')]).phase).toBe(
      'paused-unseen',
    );
  });

  it('bridges dropped frames within the gap limit', () => {
    expect(feed(frames(0, 3000, 'good', 400)).goodMs).toBe(2800);
    expect(feed(frames(0, 3000, 'good', HOLD_MAX_GAP_MS + 100)).goodMs).toBe(0);
  });

  it('never counts time from garbage timestamps or bad form', () => {
    const random = seededRandom(21);
    let state = initialHoldTimerState();
    for (let i = 0; i < 5000; i += 1) {
      state = stepHoldTimer(state, {
        timestampMs: nastyNumber(random),
        status: random() < 0.5 ? 'cannot-see' : 'no-person',
        inPosition: true,
        faults: [],
      });
    }
    expect(state.goodMs).toBe(0);
    expect(feed(frames(0, 5000, 'fault')).goodMs).toBe(0);
    expect(Number.isFinite(state.goodMs)).toBe(true);
  });

  it('ignores repeated and backwards timestamps', () => {
    const samples = frames(0, 2000, 'good').flatMap((s) => [
      s,
      { ...s, timestampMs: s.timestampMs - 50 },
    ]);
    expect(feed(samples).goodMs).toBe(2000);
  });
});
