import { describe, expect, it } from 'vitest';
import { exerciseChart, postureChart } from './charts';
import type { MetricTrend, WeekTotals } from '../../coach/history/weekly';

function week(weekStart: string, totals: Partial<WeekTotals>): WeekTotals {
  return {
    weekStart,
    sessions: 1,
    reps: 0,
    cleanReps: 0,
    holdSeconds: 0,
    positionSeconds: 0,
    goodFormShare: null,
    ...totals,
  };
}

describe('exerciseChart', () => {
  it('stacks good reps and reps with a fault, with the share as a percentage line', () => {
    const config = exerciseChart([
      week('2025-03-03', { reps: 10, cleanReps: 6, goodFormShare: 0.6 }),
      week('2025-03-10', { sessions: 0 }),
      week('2025-03-17', { reps: 12, cleanReps: 9, goodFormShare: 0.75 }),
    ]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Good reps', [6, 0, 9]],
      ['Reps with a fault', [4, 0, 3]],
      ['Good form %', [60, null, 75]],
    ]);
    expect(config.data.labels).toHaveLength(3);
  });

  it('charts good-form seconds for a hold', () => {
    const config = exerciseChart([
      week('2025-03-03', { holdSeconds: 44.6, positionSeconds: 50, goodFormShare: 0.892 }),
    ]);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Good-form seconds', [45]],
      ['Good form %', [89]],
    ]);
  });
});

describe('postureChart', () => {
  it('lines each angle up on every snapshot time, with gaps where it was not measured', () => {
    const trends: MetricTrend[] = [
      {
        metric: 'forwardHeadLeanDeg',
        points: [
          { takenAt: '2025-03-04T12:00:00.000Z', value: 15 },
          { takenAt: '2025-03-20T12:00:00.000Z', value: 9 },
        ],
        first: 15,
        last: 9,
        change: -6,
      },
      {
        metric: 'shoulderTiltDeg',
        points: [{ takenAt: '2025-03-20T12:00:00.000Z', value: 2 }],
        first: 2,
        last: 2,
        change: 0,
      },
    ];
    const config = postureChart(trends);
    expect(config.data.labels).toHaveLength(2);
    expect(config.data.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Forward head (°)', [15, 9]],
      ['Level shoulders (°)', [null, 2]],
    ]);
  });
});
