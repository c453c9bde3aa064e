import { describe, expect, it } from 'vitest';
import { makeRep, makeSession, makeSet, makeSnapshot } from '../../storage/testing';
import { summariseNewestFirst, summariseSession } from './summary';
import { angleTrends, faultsMostSeen, weekStartOf, weeklyByExercise, weeksBetween } from './weekly';

/** Noon local time on a calendar day, as stored (ISO, UTC): no time zone moves it to another day. */
function at(year: number, month: number, day: number, hour = 12): string {
  return new Date(year, month - 1, day, hour).toISOString();
}

describe('summariseSession', () => {
  it('counts reps per side, clean and faulted reps, and the range of motion', () => {
    const summary = summariseSession(
      makeSession({
        sets: [
          makeSet(0, {
            reps: [
              makeRep({ side: 'left', rangeOfMotion: { min: 10, max: 70 } }),
              makeRep({ side: 'right', faults: ['bird-dog.hip-rotation'] }),
              makeRep({
                side: 'left',
                faults: ['bird-dog.hip-rotation', 'bird-dog.hip-rotation', 'bird-dog.short-reach'],
                rangeOfMotion: { min: 20, max: 100 },
              }),
            ],
          }),
          makeSet(1, { reps: [makeRep({ side: null, rangeOfMotion: { min: 5, max: 65 } })] }),
        ],
      }),
    );
    expect(summary).toMatchObject({
      sets: 2,
      reps: 4,
      leftReps: 2,
      rightReps: 1,
      bothSidesReps: 1,
      cleanReps: 2,
      faultedReps: 2,
      goodFormShare: 0.5,
      finished: true,
      // A fault seen twice in one rep marks that rep once.
      repFaults: { 'bird-dog.hip-rotation': 2, 'bird-dog.short-reach': 1 },
    });
    // Spans 60, 75.5 (makeRep's 12.5..88), 80 and 60 degrees.
    expect(summary.range?.meanSpan).toBeCloseTo((60 + 75.5 + 80 + 60) / 4);
    expect(summary.range).toMatchObject({ lowest: 5, highest: 100 });
  });

  it('takes a hold’s share over the time in position, not the mean of its sets', () => {
    const summary = summariseSession(
      makeSession({
        exercise: 'plank',
        endedAt: null,
        sets: [
          // 30 s good of 40 s in position, then 10 s good of 40 s.
          makeSet(0, { reps: [], holdSeconds: 30, goodFormShare: 0.75 }),
          makeSet(1, { reps: [], holdSeconds: 10, goodFormShare: 0.25 }),
        ],
      }),
    );
    expect(summary.holdSeconds).toBe(40);
    expect(summary.positionSeconds).toBeCloseTo(80);
    expect(summary.goodFormShare).toBeCloseTo(0.5);
    expect(summary.range).toBeNull();
    expect(summary.finished).toBe(false);
  });

  it('has no share when there was nothing to judge', () => {
    const summary = summariseSession(
      makeSession({ sets: [makeSet(0, { reps: [], holdSeconds: 0, goodFormShare: 0 })] }),
    );
    expect(summary.goodFormShare).toBeNull();
    expect(summary.reps).toBe(0);
  });

  it('lists sessions newest first', () => {
    const list = summariseNewestFirst([
      makeSession({ id: 'a', startedAt: at(2025, 3, 3) }),
      makeSession({ id: 'c', startedAt: at(2025, 3, 20) }),
      makeSession({ id: 'b', startedAt: at(2025, 3, 10) }),
    ]);
    expect(list.map((s) => s.id)).toEqual(['c', 'b', 'a']);
  });
});

describe('weeks', () => {
  it('starts weeks on the local Monday', () => {
    expect(weekStartOf(at(2025, 3, 3))).toBe('2025-03-03'); // a Monday
    expect(weekStartOf(at(2025, 3, 9, 23))).toBe('2025-03-03'); // the Sunday after, late
    expect(weekStartOf(at(2025, 3, 10, 0))).toBe('2025-03-10'); // the next Monday, just after midnight
    expect(weekStartOf(at(2025, 1, 1))).toBe('2024-12-30'); // across a year
  });

  it('lists every Monday between two, across daylight-saving changes', () => {
    expect(weeksBetween('2025-03-24', '2025-04-07')).toEqual([
      '2025-03-24',
      '2025-03-31',
      '2025-04-07',
    ]);
    expect(weeksBetween('2025-10-20', '2025-11-03')).toHaveLength(3);
  });
});

describe('weeklyByExercise', () => {
  const sessions = [
    makeSession({ id: 'p1', exercise: 'plank', startedAt: at(2025, 3, 4) }),
    makeSession({ id: 'b1', exercise: 'bird-dog', startedAt: at(2025, 3, 5) }),
    makeSession({ id: 'b2', exercise: 'bird-dog', startedAt: at(2025, 3, 7) }),
    // No training in the week of 10 March.
    makeSession({ id: 'b3', exercise: 'bird-dog', startedAt: at(2025, 3, 18) }),
  ].map((s) =>
    s.exercise === 'plank'
      ? summariseSession({
          ...s,
          sets: [makeSet(0, { reps: [], holdSeconds: 45, goodFormShare: 0.9 })],
        })
      : summariseSession(s),
  );

  it('totals each exercise per week on one shared run of weeks, gaps included', () => {
    const weekly = weeklyByExercise(sessions);
    expect(weekly.weekStarts).toEqual(['2025-03-03', '2025-03-10', '2025-03-17']);
    expect(weekly.exercises.map((e) => e.exercise)).toEqual(['bird-dog', 'plank']);
    const birdDog = weekly.exercises[0];
    // makeSet has one clean and one faulted rep.
    expect(birdDog?.weeks.map((w) => [w.sessions, w.reps, w.cleanReps, w.goodFormShare])).toEqual([
      [2, 4, 2, 0.5],
      [0, 0, 0, null],
      [1, 2, 1, 0.5],
    ]);
    const plank = weekly.exercises[1];
    expect(plank?.weeks.map((w) => w.holdSeconds)).toEqual([45, 0, 0]);
    expect(plank?.weeks[0]?.goodFormShare).toBeCloseTo(0.9);
  });

  it('keeps only the last weeks asked for, and drops exercises with none in them', () => {
    const weekly = weeklyByExercise(sessions, 2);
    expect(weekly.weekStarts).toEqual(['2025-03-10', '2025-03-17']);
    expect(weekly.exercises.map((e) => e.exercise)).toEqual(['bird-dog']);
  });

  it('is empty with no sessions', () => {
    expect(weeklyByExercise([])).toEqual({ weekStarts: [], exercises: [] });
  });
});

describe('angleTrends', () => {
  it('follows each angle over time, oldest first, leaving out non-angles', () => {
    const trends = angleTrends([
      makeSnapshot({
        id: 's2',
        takenAt: at(2025, 3, 20),
        metrics: { forwardHeadLeanDeg: 9, forwardHeadJudged: 1 },
      }),
      makeSnapshot({
        id: 's1',
        takenAt: at(2025, 3, 4),
        metrics: { forwardHeadLeanDeg: 15, shoulderTiltDeg: -2, forwardHeadJudged: 1 },
      }),
    ]);
    expect(trends.map((t) => t.metric)).toEqual(['forwardHeadLeanDeg', 'shoulderTiltDeg']);
    expect(trends[0]).toMatchObject({ first: 15, last: 9, change: -6 });
    expect(trends[0]?.points.map((p) => p.value)).toEqual([15, 9]);
    expect(trends[1]).toMatchObject({ first: -2, last: -2, change: 0 });
  });
});

describe('faultsMostSeen', () => {
  it('ranks faults by reps and snapshots together, then by the seconds a hold’s fault was cued', () => {
    const summaries = [
      summariseSession(makeSession()), // one rep with bird-dog.hip-rotation
      summariseSession(
        makeSession({
          id: 'x',
          sets: [makeSet(0, { reps: [makeRep({ faults: ['bird-dog.leg-too-high'] })] })],
        }),
      ),
      summariseSession(
        makeSession({
          id: 'plank',
          exercise: 'plank',
          sets: [
            makeSet(0, { reps: [], faultSeconds: { 'plank.hips-sagging': 12.5 } }),
            makeSet(1, {
              reps: [],
              faultSeconds: { 'plank.hips-sagging': 3, 'plank.hips-piked': 1 },
            }),
          ],
        }),
      ),
    ];
    const snapshots = [
      makeSnapshot({ id: 'a', faults: ['posture.forward-head'] }),
      makeSnapshot({ id: 'b', faults: ['posture.forward-head', 'posture.forward-head'] }),
    ];
    expect(faultsMostSeen(summaries, snapshots)).toEqual([
      { fault: 'posture.forward-head', reps: 0, snapshots: 2, seconds: 0 },
      { fault: 'bird-dog.hip-rotation', reps: 1, snapshots: 0, seconds: 0 },
      { fault: 'bird-dog.leg-too-high', reps: 1, snapshots: 0, seconds: 0 },
      { fault: 'plank.hips-sagging', reps: 0, snapshots: 0, seconds: 15.5 },
      { fault: 'plank.hips-piked', reps: 0, snapshots: 0, seconds: 1 },
    ]);
    expect(faultsMostSeen(summaries, snapshots, 1)).toHaveLength(1);
  });
});
