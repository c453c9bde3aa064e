import { describe, expect, it } from 'vitest';
import { initialFaultPersistence, stepFaultPersistence } from './fault-persistence';
import type { FaultId } from './types';

function run(frames: readonly (readonly FaultId[])[], frameMs = 66): (readonly FaultId[])[] {
  let state = initialFaultPersistence();
  return frames.map((faults, index) => {
    const step = stepFaultPersistence(state, faults, index * frameMs);
    state = step.state;
    return step.shown;
  });
}

describe('fault persistence', () => {
  it('shows a fault held for longer than the delay', () => {
    const shown = run(Array.from({ length: 10 }, () => ['plank.hips-sagging'] as const));
    expect(shown[0]).toEqual([]);
    expect(shown[9]).toEqual(['plank.hips-sagging']);
  });

  it('never shows a single-frame blip', () => {
    const frames: FaultId[][] = Array.from({ length: 20 }, (_, i) =>
      i % 5 === 0 ? ['plank.hips-piked'] : [],
    );
    expect(run(frames).flat()).toEqual([]);
  });

  it('bridges one missing frame in a long run', () => {
    const frames: FaultId[][] = Array.from({ length: 12 }, (_, i) =>
      i === 5 ? [] : ['plank.hips-sagging'],
    );
    expect(run(frames)[11]).toEqual(['plank.hips-sagging']);
  });

  it('shows a fault judged per rep at once, and only those', () => {
    const faults: FaultId[] = ['hinge.torso-rising', 'hinge.rounded-back'];
    const step = stepFaultPersistence(initialFaultPersistence(), faults, 0, false, [
      'hinge.torso-rising',
    ]);
    expect(step.shown).toEqual(['hinge.torso-rising']);
  });

  it('shows a still photo at once', () => {
    const step = stepFaultPersistence(initialFaultPersistence(), ['posture.forward-head'], 0, true);
    expect(step.shown).toEqual(['posture.forward-head']);
  });

  it('ignores a frame without a usable time', () => {
    const step = stepFaultPersistence(
      initialFaultPersistence(),
      ['plank.hips-sagging'],
      Number.NaN,
    );
    expect(step.shown).toEqual([]);
  });

  it('shows only the faults of this frame, even on a frame stamped with the same time', () => {
    // Found by the coach property test: a fault held past the delay, then a frame with none (the
    // person turned away) carrying the last frame's time.
    let state = initialFaultPersistence();
    for (let t = 0; t <= 660; t += 66) {
      state = stepFaultPersistence(state, ['squat.knees-caving'], t).state;
    }
    expect(stepFaultPersistence(state, ['squat.knees-caving'], 660).shown).toEqual([
      'squat.knees-caving',
    ]);
    expect(stepFaultPersistence(state, [], 660).shown).toEqual([]);
  });
});
