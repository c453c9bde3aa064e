import { describe, expect, it } from 'vitest';
import { distinctPeople, selectSubject } from './subject';
import { makePose } from './testing/make-pose';
import type { Pose } from './pose';

function standing(offsetX: number, scale = 1): Pose {
  const at = (x: number, y: number): [number, number] => [offsetX + x * scale, y * scale];
  return makePose({
    nose: at(0, 0),
    left_shoulder: at(20, 40),
    right_shoulder: at(-20, 40),
    left_hip: at(15, 120),
    right_hip: at(-15, 120),
    left_knee: at(15, 180),
    right_knee: at(-15, 180),
    left_ankle: at(15, 240),
    right_ankle: at(-15, 240),
  });
}

describe('distinctPeople', () => {
  it('merges two near-identical copies of one person', () => {
    const copy = standing(102);
    expect(distinctPeople([standing(100), copy])).toHaveLength(1);
  });

  it('keeps two people standing apart', () => {
    expect(distinctPeople([standing(100), standing(400)])).toHaveLength(2);
  });

  it('drops poses with nothing visible', () => {
    expect(distinctPeople([makePose({})])).toHaveLength(0);
  });
});

describe('selectSubject', () => {
  it('takes the largest person when starting', () => {
    const small = standing(100, 0.5);
    const large = standing(400, 1.2);
    expect(selectSubject([small, large], null).subject).toBe(large);
  });

  it('keeps following the person the set started with', () => {
    const first = standing(100);
    const newcomer = standing(500, 1.5);
    const choice = selectSubject([newcomer, standing(104)], first);
    expect(choice.peopleInView).toBe(2);
    expect(choice.subject?.landmarks[0]?.x).toBe(104);
  });

  it('is empty when nobody is in view', () => {
    expect(selectSubject([], null)).toEqual({ subject: null, peopleInView: 0 });
  });
});
