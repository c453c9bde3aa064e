import type { EvaluateContext, Exercise, FormResult } from '../exercises/types';
import type { Pose } from '../pose';
import { FIXTURE_IMAGE } from './poses';
import { nastyNumber, nastyPose, seededRandom } from './random';

/** Frames of garbage each exercise is fed; enough to hit NaN, Infinity and absent mixes often. */
const GARBAGE_FRAMES = 1000;

function resultViolations(result: FormResult, exercise: Exercise): string[] {
  const problems: string[] = [];
  if (result.status !== 'ok' && result.faults.length > 0) {
    problems.push(`faults ${result.faults.join(',')} with status ${result.status}`);
  }
  if ((result.status === 'cannot-see') !== result.unseen.length > 0) {
    problems.push(`unseen [${result.unseen.join(',')}] with status ${result.status}`);
  }
  if (!(result.confidence >= 0 && result.confidence <= 1)) {
    problems.push(`confidence ${result.confidence}`);
  }
  for (const [name, value] of Object.entries(result.metrics)) {
    if (!Number.isFinite(value)) problems.push(`metric ${name} = ${value}`);
  }
  if (result.repSignal !== null && !Number.isFinite(result.repSignal)) {
    problems.push(`repSignal ${result.repSignal}`);
  }
  if (result.status !== 'ok' && result.undecided.length > 0) {
    problems.push(`undecided faults with status ${result.status}`);
  }
  if (result.undecided.some(({ fault }) => result.faults.includes(fault))) {
    problems.push('a fault both shown and undecided');
  }
  if (result.faults.some((fault) => !exercise.faults.includes(fault))) {
    problems.push(`a fault not among ${exercise.id}'s in ${result.faults.join(',')}`);
  }
  return problems;
}

/** The pose with every landmark absent or given a NaN or infinite coordinate. */
function allCorrupted(pose: Pose, random: () => number): Pose {
  const bad = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  const pick = () => bad[Math.floor(random() * bad.length)] ?? Number.NaN;
  return {
    ...pose,
    landmarks: pose.landmarks.map((p) => {
      const roll = random();
      if (!p || roll < 1 / 3) return null;
      return roll < 2 / 3 ? { ...p, x: pick() } : { ...p, y: pick() };
    }),
  };
}

/**
 * What every exercise must honour, as a list of broken rules (empty = fine): it never throws; with
 * no person it says 'no-person'; faults and undecided ones only with status 'ok', never both for
 * one fault; `unseen` filled iff 'cannot-see'; finite metrics; confidence 0-1; and from garbage
 * (random, NaN, infinite, absent landmarks, garbage timestamps) or a pose whose every landmark is
 * corrupted, never a fault.
 */
export function exerciseContractViolations(exercise: Exercise, samplePose: Pose): string[] {
  const problems: string[] = [];
  if (exercise.views.length === 0) problems.push('judges no view');
  const context = (timestampMs: number): EvaluateContext => ({
    timestampMs,
    strictness: 'advanced',
    imageSize: FIXTURE_IMAGE,
  });
  try {
    const empty = exercise.evaluate(null, exercise.initialState(), context(0)).result;
    if (empty.status !== 'no-person') problems.push(`null pose gave status ${empty.status}`);
    const random = seededRandom(1234);
    let state = exercise.initialState();
    for (let i = 0; i < GARBAGE_FRAMES; i += 1) {
      const pose = random() < 0.5 ? nastyPose(random) : allCorrupted(samplePose, random);
      const t = random() < 0.2 ? nastyNumber(random) : i * 33;
      const step = exercise.evaluate(pose, state, context(t));
      state = step.state;
      problems.push(...resultViolations(step.result, exercise));
      if (step.result.faults.length > 0) problems.push(`fault from garbage at frame ${i}`);
    }
  } catch (error) {
    problems.push(`threw ${String(error)}`);
  }
  return [...new Set(problems)];
}
