import { describe, expect, it } from 'vitest';
import {
  DATA,
  measureLabel,
  exerciseName,
  faultName,
  formatBalance,
  formatRange,
  formatRepMeasures,
  formatSeconds,
  formatSetTempos,
} from './history';
import { repMeasuresText } from './workout';

describe('history wording', () => {
  it('writes each set’s tempo and left against right in the exercise’s unit', () => {
    expect(
      formatSetTempos([
        { lowerMs: 933, pauseMs: 1800, liftMs: 1067 },
        null,
        { lowerMs: null, pauseMs: null, liftMs: 400 },
      ]),
    ).toBe('Set 1: down 0.9 s · pause 1.8 s · up 1.1 s; Set 3: down – · pause – · up 0.4 s');
    expect(formatSetTempos([null])).toBeNull();
    const uneven = {
      reps: { left: 4, right: 4 },
      range: { left: 0.92, right: 1.14 },
      holdSeconds: null,
      imbalanced: ['range' as const],
      limitShare: 0.1,
    };
    expect(formatBalance('bird-dog', uneven)).toBe(
      'Left / right: reps 4 / 4, range 0.92 / 1.14 lift. Uneven (over 10 % apart): range.',
    );
    expect(
      formatBalance('side-plank', {
        ...uneven,
        range: null,
        holdSeconds: { left: 30, right: 29 },
        imbalanced: [],
      }),
    ).toBe('Left / right: reps 4 / 4, hold 30 s / 29 s. Even within 10 %.');
    expect(formatBalance('bird-dog', null)).toBeNull();
  });

  it("words what a squat's reps kept: the depth against parallel, the back signed", () => {
    expect(repMeasuresText({ repBottomThighDeg: -8.6, backRoundingDeg: 3.2 })).toBe(
      'thighs 9° below parallel · lower back curved 3°',
    );
    expect(repMeasuresText({ repBottomThighDeg: 4.4 })).toBe('thighs 4° above parallel');
    expect(repMeasuresText({ repBottomThighDeg: 0.3 })).toBe('thighs at parallel');
    expect(repMeasuresText({})).toBeNull();
    expect(
      formatRepMeasures([
        { metric: 'repBottomThighDeg', reps: 8, median: -3.4, extreme: -9 },
        { metric: 'backRoundingDeg', reps: 8, median: 2, extreme: -4 },
      ]),
    ).toBe('Per rep: depth 3° below parallel (9° below parallel), lower back +2° (−4°)');
  });

  it('names exercises, faults and angles, and keeps unknown ids readable', () => {
    expect(exerciseName('bird-dog')).toBe('Bird-dog');
    expect(exerciseName('kettlebell-swing')).toBe('kettlebell-swing');
    expect(faultName('bird-dog.hip-rotation')).toBe('Hips twisting (Bird-dog)');
    expect(faultName('posture.forward-head')).toBe('Head forward (Posture)');
    expect(faultName('hinge.rounded-back')).toBe('Back rounding (Hip hinge)');
    expect(faultName('plank.new-fault')).toBe('plank.new-fault');
    expect(measureLabel('forwardHeadLeanDeg')).toBe('Forward head (°)');
    expect(measureLabel('weightShiftPctTorso')).toMatch(/\(%\)$/);
  });

  it('writes numbers as a person reads them', () => {
    expect(formatSeconds(45.4)).toBe('45 s');
    expect(formatSeconds(89)).toBe('1 min 29 s');
    expect(formatSeconds(119.7)).toBe('2 min 0 s');
  });

  it('gives each exercise’s range of motion in its own unit', () => {
    expect(formatRange('glute-bridge', 14.6, -20, -4)).toBe('15 avg (-20 to -4°)');
    expect(formatRange('bird-dog', 0.62, 0.2, 0.95)).toBe('0.62 avg (0.20 to 0.95 lift)');
    expect(formatRange('dead-bug', 0.4, -0.9, -0.3)).toBe(
      '0.40 avg (-0.90 to -0.30 torso lengths)',
    );
    expect(formatRange('kettlebell-swing', 1, 0, 1)).toBe('1.00 avg (0.00 to 1.00)');
  });

  it('says what an import brought in', () => {
    const summary = {
      sessions: 1,
      snapshots: 3,
      checklistWeeks: 0,
      settings: true,
      programme: false,
      enduranceResults: 0,
      replays: 0,
      replaysSkipped: 0,
    };
    expect(DATA.imported(summary, 'merge')).toBe(
      'Imported 1 workout, 3 posture snapshots, 0 checklist weeks and settings, added to your data.',
    );
    expect(DATA.imported({ ...summary, enduranceResults: 4 }, 'merge')).toBe(
      'Imported 1 workout, 3 posture snapshots, 0 checklist weeks, 4 endurance test results and settings, added to your data.',
    );
    expect(DATA.imported({ ...summary, replays: 2, replaysSkipped: 1 }, 'replace')).toBe(
      'Imported 1 workout, 3 posture snapshots, 0 checklist weeks, 2 set replays and settings; your data now is exactly the file’s. ' +
        '1 set replay in the file could not be read and was left out; nothing else was.',
    );
  });
});
