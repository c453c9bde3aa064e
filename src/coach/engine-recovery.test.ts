import { describe, expect, it } from 'vitest';
import {
  AUTO_RESTART_WINDOW_MS,
  MAX_AUTO_RESTARTS,
  mayRestartAfterCrash,
  otherEngine,
  outlineEngineOffer,
} from './engine-recovery';

describe('mayRestartAfterCrash', () => {
  it('restarts the first crash', () => {
    expect(mayRestartAfterCrash([], 1000)).toBe(true);
  });

  it('stops restarting after MAX_AUTO_RESTARTS crashes within the window', () => {
    const crashes = Array.from({ length: MAX_AUTO_RESTARTS }, (_, i) => i * 1000);
    expect(mayRestartAfterCrash(crashes, MAX_AUTO_RESTARTS * 1000)).toBe(false);
    expect(mayRestartAfterCrash(crashes.slice(1), MAX_AUTO_RESTARTS * 1000)).toBe(true);
  });

  it('forgets crashes older than the window', () => {
    const crashes = Array.from({ length: MAX_AUTO_RESTARTS }, () => 0);
    expect(mayRestartAfterCrash(crashes, AUTO_RESTART_WINDOW_MS - 1)).toBe(false);
    expect(mayRestartAfterCrash(crashes, AUTO_RESTART_WINDOW_MS)).toBe(true);
  });
});

describe('otherEngine', () => {
  it('offers MoveNet for MediaPipe and MediaPipe for MoveNet, whatever the model', () => {
    expect(otherEngine({ engine: 'mediapipe', model: 'heavy' }).engine).toBe('movenet');
    expect(otherEngine({ engine: 'movenet', model: 'thunder' }).engine).toBe('mediapipe');
  });
});

describe('outlineEngineOffer', () => {
  const moveNet = { engine: 'movenet', model: 'lightning' } as const;

  it('offers MediaPipe once a check this workout needed the outline MoveNet cannot trace', () => {
    expect(outlineEngineOffer(['needs-body-outline'], moveNet)).toEqual({
      engine: 'mediapipe',
      model: 'full',
    });
  });

  it('offers nothing for other limits, or once MediaPipe is in use', () => {
    expect(outlineEngineOffer([], moveNet)).toBeNull();
    expect(outlineEngineOffer(['needs-side-view'], moveNet)).toBeNull();
    expect(
      outlineEngineOffer(['needs-body-outline'], { engine: 'mediapipe', model: 'lite' }),
    ).toBeNull();
  });
});
