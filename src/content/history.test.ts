import { describe, expect, it } from 'vitest';
import { DATA, measureLabel, exerciseName, faultName, formatRange, formatSeconds } from './history';

describe('history wording', () => {
  it('names exercises, faults and angles, and keeps unknown ids readable', () => {
    expect(exerciseName('bird-dog')).toBe('Bird-dog');
    expect(exerciseName('kettlebell-swing')).toBe('kettlebell-swing');
    expect(faultName('bird-dog.hip-rotation')).toBe('Hips twisting (Bird-dog)');
    expect(faultName('posture.forward-head')).toBe('Head forward (Posture)');
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
    };
    expect(DATA.imported(summary, 'merge')).toBe(
      'Imported 1 workout, 3 posture snapshots, 0 checklist weeks and settings, added to your data.',
    );
    expect(DATA.imported({ ...summary, enduranceResults: 4 }, 'merge')).toBe(
      'Imported 1 workout, 3 posture snapshots, 0 checklist weeks, 4 endurance test results and settings, added to your data.',
    );
  });
});
