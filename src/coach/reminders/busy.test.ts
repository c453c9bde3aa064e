import { describe, expect, it } from 'vitest';
import { keepsMoving } from './busy';

describe('a workout and the reminders', () => {
  it('holds them back while the person is placing, training or resting between sets', () => {
    expect(keepsMoving('placing')).toBe(true);
    expect(keepsMoving('counting')).toBe(true);
    expect(keepsMoving('resting')).toBe(true);
  });

  it('lets them through before, after, and when the workout is paused', () => {
    expect(keepsMoving('idle')).toBe(false);
    expect(keepsMoving('finished')).toBe(false);
    expect(keepsMoving('paused')).toBe(false);
  });
});
