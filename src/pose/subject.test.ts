import { describe, expect, it } from 'vitest';
import { SUBJECT_REACQUIRE_MS, distinctPeople, selectSubject } from './subject';
import { makePose } from './testing/make-pose';
import type { Pose } from './pose';

/** A person on all fours, side-on: as long as a standing one is tall, about half as high. */
function onAllFours(offsetX: number, scale = 1): Pose {
  const at = (x: number, y: number): [number, number] => [offsetX + x * scale, y * scale];
  return makePose({
    nose: at(-120, 100),
    left_shoulder: at(-90, 110),
    right_shoulder: at(-90, 110),
    left_wrist: at(-90, 230),
    left_hip: at(60, 110),
    right_hip: at(60, 110),
    left_knee: at(60, 230),
    right_knee: at(60, 230),
    left_ankle: at(140, 230),
    right_ankle: at(140, 230),
  });
}

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

  it('takes a person on all fours over a standing one as tall: by the area they cover', () => {
    const exercising = onAllFours(200);
    const bystander = standing(600, 1.1);
    expect(selectSubject([bystander, exercising], null).subject).toBe(exercising);
  });

  it('keeps following the person the set started with', () => {
    const first = standing(100);
    const newcomer = standing(500, 1.5);
    const choice = selectSubject([newcomer, standing(104)], {
      pose: first,
      unseenForMs: 67,
      others: [],
    });
    expect(choice.peopleInView).toBe(2);
    expect(choice.subject?.landmarks[0]?.x).toBe(104);
  });

  it('hands the set to nobody else when the person followed is missed for a moment', () => {
    const followed = { pose: standing(100), unseenForMs: 67, others: [] };
    const choice = selectSubject([standing(500)], followed);
    expect(choice).toEqual({ subject: null, peopleInView: 1, others: [] });
  });

  it('follows the nearest again once the person followed has been unseen a while', () => {
    const elsewhere = standing(500);
    const followed = { pose: standing(100), unseenForMs: SUBJECT_REACQUIRE_MS, others: [] };
    expect(selectSubject([elsewhere], followed).subject).toBe(elsewhere);
  });

  it('never takes someone else in view for the person followed come back', () => {
    // Someone sat at 500 while the person followed was at 100; they walked out of view.
    const sofa = standing(500);
    const followed = {
      pose: standing(100),
      unseenForMs: 10 * SUBJECT_REACQUIRE_MS,
      others: [sofa],
    };
    const stillThere = standing(505);
    expect(selectSubject([stillThere], followed)).toEqual({
      subject: null,
      peopleInView: 1,
      others: [stillThere],
    });
    // The person followed walks back in at the other side: followed again.
    const back = standing(1100);
    expect(selectSubject([stillThere, back], followed)).toMatchObject({
      subject: back,
      others: [stillThere],
    });
  });

  it('is empty when nobody is in view', () => {
    expect(selectSubject([], null)).toEqual({ subject: null, peopleInView: 0, others: [] });
  });
});
