import { describe, expect, it } from 'vitest';
import { torsoLengthPx } from '../body';
import { deviationBelowLine } from '../geometry/lines';
import type { Pose } from '../pose';
import { gatherLandmarks } from '../requirements';
import { exerciseContractViolations } from '../testing/exercise-contract';
import { translatePose } from '../testing/make-pose';
import { FIXTURE_IMAGE, plankSide, standingFront } from '../testing/poses';
import { estimateView } from '../view';
import type { EvaluateContext, Exercise, FaultOfExercise, FormResult } from './types';
import { EMPTY_RESULT } from './result-parts';
import { initialSessionState, stepSession } from './session';

/**
 * A toy checker written only against the public core, to show the interface carries a real check
 * end to end. Not a real exercise: the real ones live in their own files.
 */
const HIP_LINE_REQUIREMENTS = {
  shoulder: { nearSide: 'shoulder' },
  hip: { nearSide: 'hip' },
  ankle: { nearSide: 'ankle' },
} as const;

interface ToyThresholds {
  readonly sagDeg: number;
}

function judgeHipLine(
  pose: Pose | null,
  context: EvaluateContext,
  sagDeg: number,
): FormResult<'holding', FaultOfExercise<'plank'>> {
  if (!pose) return { ...EMPTY_RESULT, status: 'no-person', view: 'unknown' };
  const view = estimateView(pose, context.imageSize).view;
  if (view !== 'side')
    return { ...EMPTY_RESULT, status: 'wrong-view', view, viewAdvice: 'setup.turn-sideways' };
  const seen = gatherLandmarks(pose, HIP_LINE_REQUIREMENTS, { imageSize: context.imageSize });
  if (!seen.ok) return { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: seen.unseen };
  const { shoulder, hip, ankle } = seen.points;
  const deviation = deviationBelowLine(hip, shoulder, ankle);
  const torso = torsoLengthPx(pose, { imageSize: context.imageSize });
  if (!deviation || torso === null)
    return { ...EMPTY_RESULT, status: 'cannot-see', view, unseen: ['hips'] };
  const faults = deviation.deviationDeg > sagDeg ? (['plank.hips-sagging'] as const) : [];
  return {
    ...EMPTY_RESULT,
    status: 'ok',
    phase: 'holding',
    view,
    faults,
    confidence: Math.min(shoulder.visibility, hip.visibility, ankle.visibility),
    evidence: [{ kind: 'line', from: shoulder, to: ankle, about: null }],
    metrics: { hipDeviationDeg: deviation.deviationDeg },
    // Hip height above the ankle in torso lengths: high at the top of a bridge-like lift.
    repSignal: (ankle.y - hip.y) / torso,
    activeSide: seen.side,
  };
}

const toyHold: Exercise<'holding', FaultOfExercise<'plank'>, null, ToyThresholds> = {
  id: 'plank',
  name: 'Toy hip line',
  kind: 'hold',
  views: ['side'],
  requiredLandmarks: HIP_LINE_REQUIREMENTS,
  phases: ['holding'],
  setupPhase: null,
  holdPhases: ['holding'],
  faults: ['plank.hips-sagging'],
  thresholds: { beginner: { sagDeg: 15 }, advanced: { sagDeg: 10 } },
  decisions: [],
  alternatesSides: false,
  initialState: () => null,
  evaluate(pose, state, context) {
    return {
      result: judgeHipLine(pose, context, this.thresholds[context.strictness].sagDeg),
      state,
    };
  },
};

const toyReps: Exercise<'holding', FaultOfExercise<'plank'>, null, ToyThresholds> = {
  ...toyHold,
  kind: 'reps',
  repSignal: 'hip height above the ankles, torso lengths',
  repCounter: {
    beginner: { enterTopAbove: 0.5, exitTopBelow: 0.35, minDwellMs: 250, maxGapMs: 1000 },
    advanced: { enterTopAbove: 0.6, exitTopBelow: 0.35, minDwellMs: 250, maxGapMs: 1000 },
  },
};

function context(timestampMs: number): EvaluateContext {
  return { timestampMs, strictness: 'advanced', imageSize: FIXTURE_IMAGE };
}

describe('stepSession', () => {
  it('drives a hold exercise: good seconds count, sagging pauses', () => {
    let state = initialSessionState(toyHold);
    for (let t = 0; t <= 3000; t += 33) {
      const pose = t < 2000 ? plankSide() : plankSide(60);
      state = stepSession(toyHold, state, pose, context(t)).state;
    }
    expect(state.hold.goodMs).toBeGreaterThan(1900);
    expect(state.hold.goodMs).toBeLessThan(2100);
    expect(state.hold.phase).toBe('paused-fault');
  });

  it('reports what it cannot see and the view it needs', () => {
    const state = initialSessionState(toyHold);
    const wrongView = stepSession(toyHold, state, standingFront(), context(0)).result;
    expect(wrongView).toMatchObject({
      status: 'wrong-view',
      viewAdvice: 'setup.turn-sideways',
      faults: [],
    });
    const hipsOut = stepSession(
      toyHold,
      state,
      translatePose(plankSide(), 0, 400),
      context(0),
    ).result;
    expect(hipsOut.status).not.toBe('ok');
  });

  it('drives a rep exercise from the generic repSignal', () => {
    let state = initialSessionState(toyReps);
    // The hips lift 0.8 torso lengths (about 97 px) and lower, 4 times, 2 s each, after 1 s still.
    for (let t = 0; t <= 10000; t += 33) {
      const inRep = t - 1000;
      const lift =
        inRep < 0 || inRep > 8000 ? 0 : ((1 - Math.cos((2 * Math.PI * inRep) / 2000)) / 2) * 97;
      state = stepSession(toyReps, state, plankSide(-lift), context(t)).state;
    }
    expect(state.reps.reps).toHaveLength(4);
  });

  it('the toy exercises honour the exercise contract', () => {
    expect(exerciseContractViolations(toyHold, plankSide())).toEqual([]);
    expect(exerciseContractViolations(toyReps, plankSide())).toEqual([]);
  });
});
