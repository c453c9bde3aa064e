import { describe, expect, it } from 'vitest';
import type { FaultId, Undecided } from '../pose/exercises/types';
import { undecidedText } from './undecided';

const PLANK = { id: 'plank', kind: 'hold' } as const;
const DEADLIFT = { id: 'deadlift', kind: 'reps' } as const;
const SQUAT = { id: 'squat', kind: 'reps' } as const;

function needSide(...faults: FaultId[]): Undecided[] {
  return faults.map((fault) => ({ fault, reason: 'needs-side-view' }));
}

describe('the headline while form needs a side view', () => {
  it('names the lower back for a plank at three-quarter, its hips and head judged, and counts no reps', () => {
    expect(undecidedText(needSide('plank.hips-sagging'), PLANK)).toBe(
      'Turn sideways so I can check your lower back too.',
    );
  });

  it('names the back once where the knees are judged and both back faults are not', () => {
    // The deadlift at three-quarter once its knees are judged there: "lower back" is the back's.
    expect(undecidedText(needSide('hinge.rounded-back', 'hinge.hyperextension'), DEADLIFT)).toBe(
      'Counting. Turn sideways so I can check your back too.',
    );
  });

  it('says "your form" when none of the exercise’s faults is judged from here', () => {
    const all = needSide('hinge.rounded-back', 'hinge.knees-too-bent', 'hinge.hyperextension');
    expect(undecidedText(all, DEADLIFT)).toBe(
      'Counting. Turn sideways so I can check your form too.',
    );
    // The squat at three-quarter: its knees need the front, the rest the side.
    const squat: Undecided[] = [
      ...needSide('squat.heels-rising', 'squat.rounded-back', 'squat.too-shallow'),
      { fault: 'squat.knees-caving', reason: 'needs-front-view' },
    ];
    expect(undecidedText(squat, SQUAT)).toBe(
      'Counting. Turn sideways so I can check your form too.',
    );
  });

  it('counts a fault that could not tell here as judged from here', () => {
    // The squat from the front: its knees measured (at their threshold), the rest left to the side.
    const squat: Undecided[] = [
      ...needSide('squat.heels-rising', 'squat.rounded-back', 'squat.too-shallow'),
      { fault: 'squat.knees-caving', reason: 'ambiguous' },
    ];
    expect(undecidedText(squat, SQUAT)).toBe(
      'Counting. Turn sideways so I can check your heels, back and depth too.',
    );
  });

  it('keeps standing posture’s own sentence', () => {
    expect(
      undecidedText(needSide('posture.forward-head'), { id: 'wall-posture', kind: 'hold' }),
    ).toBe('Good from the front. Side-on also checks head and back.');
  });
});

describe('the headline while a part is out of the picture', () => {
  it('keeps counting and asks for a step back to check that part', () => {
    const heels: Undecided[] = [
      { fault: 'squat.heels-rising', reason: 'out-of-frame' },
      { fault: 'squat.knees-caving', reason: 'needs-front-view' },
    ];
    expect(undecidedText(heels, SQUAT)).toBe('Counting. Step back so I can check your heels too.');
  });

  it('says a part hidden by the weight is hidden, not to be checked by stepping back', () => {
    const knees: Undecided[] = [{ fault: 'hinge.knees-too-bent', reason: 'hidden' }];
    expect(undecidedText(knees, DEADLIFT)).toBe('Knees: hidden from here');
  });
});
