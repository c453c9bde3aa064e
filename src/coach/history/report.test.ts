import { describe, expect, it } from 'vitest';
import { repsOfClip } from '../../../tests/support/clip-reps';
import { repRecordOf } from '../workout/log';
import {
  makeEnduranceRecord,
  makeRep,
  makeSession,
  makeSet,
  makeSnapshot,
} from '../../storage/testing';
import { REPORT_FAULTS, REPORT_WEEKS, buildReport } from './report';
import { summariseSession } from './summary';
import { REPORT, formatRepMeasures } from '../../content/history';

function at(year: number, month: number, day: number): string {
  return new Date(year, month - 1, day, 12).toISOString();
}

/** A bird-dog session of `clean` good reps and `faulted` reps with a hip rotation. */
function birdDog(id: string, startedAt: string, clean: number, faulted: number) {
  return makeSession({
    id,
    startedAt,
    sets: [
      makeSet(0, {
        startedAt,
        reps: [
          ...Array.from({ length: clean }, () => makeRep()),
          ...Array.from({ length: faulted }, () => makeRep({ faults: ['bird-dog.hip-rotation'] })),
        ],
      }),
    ],
  });
}

describe('buildReport', () => {
  it('gives the period, sessions, weekly trend, bests, faults and posture angles', () => {
    const report = buildReport({
      sessions: [
        birdDog('b1', at(2025, 3, 4), 4, 4),
        birdDog('b2', at(2025, 3, 11), 6, 2),
        { ...birdDog('b3', at(2025, 3, 19), 9, 1), endedAt: null },
        makeSession({
          id: 'b4',
          startedAt: at(2025, 3, 20),
          sets: [makeSet(0, { reps: [], endedBy: 'pain' })],
        }),
        makeSession({
          id: 'p1',
          exercise: 'plank',
          startedAt: at(2025, 3, 12),
          sets: [makeSet(0, { reps: [], holdSeconds: 40, goodFormShare: 0.8 })],
        }),
      ],
      snapshots: [
        makeSnapshot({ id: 's1', takenAt: at(2025, 3, 3), metrics: { forwardHeadLeanDeg: 16 } }),
        makeSnapshot({ id: 's2', takenAt: at(2025, 3, 21), metrics: { forwardHeadLeanDeg: 10 } }),
      ],
      programme: { startedOn: '2025-03-03', week: 3, paused: false, completedSessionIds: [] },
    });
    expect(report.period).toEqual({ from: '2025-03-03', to: '2025-03-21' });
    expect(report.programme).toEqual({ startedOn: '2025-03-03', week: 3, paused: false });
    expect(report).toMatchObject({
      sessions: 5,
      finishedSessions: 4,
      activeWeeks: 3,
      painStops: 1,
    });
    expect(report.exercises.map((e) => e.exercise)).toEqual(['bird-dog', 'plank']);
    const [birdDogReport, plankReport] = report.exercises;
    expect(birdDogReport).toMatchObject({ sessions: 4, reps: 26, cleanReps: 19 });
    expect(birdDogReport?.weeks.map((w) => w.goodFormShare)).toEqual([0.5, 0.75, 0.9]);
    expect(plankReport).toMatchObject({ sessions: 1, reps: 0, holdSeconds: 40 });
    expect(plankReport?.goodFormShare).toBeCloseTo(0.8);
    expect(birdDogReport?.bests.mostCleanRepsInSet?.value).toBe(9);
    expect(plankReport?.bests.longestHoldSeconds?.value).toBe(40);
    expect(report.faults).toEqual([
      { fault: 'bird-dog.hip-rotation', reps: 7, snapshots: 0, seconds: 0 },
      { fault: 'posture.forward-head', reps: 0, snapshots: 2, seconds: 0 },
    ]);
    expect(report.snapshots).toBe(2);
    expect(report.angles[0]).toMatchObject({ metric: 'forwardHeadLeanDeg', change: -6 });
  });

  it('keeps the last weeks with training and the faults seen most, to fit one page', () => {
    const sessions = Array.from({ length: REPORT_WEEKS + 3 }, (_, week) =>
      birdDog(`w${week}`, at(2025, 1, 6 + 7 * week), week, 1),
    );
    const faults = [
      'plank.hips-sagging',
      'plank.hips-piked',
      'plank.head-dropping',
      'posture.forward-head',
      'posture.head-tilt',
      'posture.hips-uneven',
    ];
    const snapshots = faults.map((fault, i) =>
      makeSnapshot({ id: `s${i}`, takenAt: at(2025, 2, 1 + i), faults: [fault] }),
    );
    const report = buildReport({ sessions, snapshots, programme: null });
    const weeks = report.exercises[0]?.weeks ?? [];
    expect(weeks).toHaveLength(REPORT_WEEKS);
    expect(weeks.at(-1)?.cleanReps).toBe(REPORT_WEEKS + 2);
    expect(report.faults).toHaveLength(REPORT_FAULTS);
    expect(report.faults[0]?.fault).toBe('bird-dog.hip-rotation');
    expect(report.programme).toBeNull();
  });

  it('is empty with no data', () => {
    const report = buildReport({ sessions: [], snapshots: [], programme: null });
    expect(report).toMatchObject({
      period: null,
      sessions: 0,
      exercises: [],
      faults: [],
      angles: [],
      activeWeeks: 0,
      endurance: [],
    });
  });

  it('carries the endurance tests of the last weeks with one, with their ratios', () => {
    const weeks = Array.from({ length: REPORT_WEEKS + 2 }, (_, week) => [
      makeEnduranceRecord({
        id: `f${week}`,
        takenAt: at(2025, 3, 4 + 7 * week),
        test: 'flexor',
        heldSeconds: 60 + week,
      }),
      makeEnduranceRecord({
        id: `e${week}`,
        takenAt: at(2025, 3, 4 + 7 * week),
        test: 'extensor',
        heldSeconds: 50,
      }),
    ]).flat();
    const report = buildReport({
      sessions: [],
      snapshots: [],
      programme: null,
      endurance: weeks,
    });
    expect(report.endurance).toHaveLength(REPORT_WEEKS);
    const last = report.endurance.at(-1);
    expect(last?.best).toEqual({ flexor: 60 + REPORT_WEEKS + 1, extensor: 50 });
    // Flexors holding longer than extensors: outside the reference (below 1.0).
    expect(last?.ratios.map((r) => [r.id, r.inRange])).toEqual([['flexor-extensor', false]]);
  });
});

describe('tempo and left/right in the history and the report, from real reps', () => {
  // The 8 lifts (4 a side) of a real bird-dog clip, and the 6 of a real dead bug.
  const birdDogReps = repsOfClip('bird-dog', 'bird_dog/bird_dog_legtoohigh_video_01.mp4').map(
    repRecordOf,
  );
  const deadBugReps = repsOfClip('dead-bug', 'dead_bug/dead_bug_good_video_03.mp4').map(
    repRecordOf,
  );
  const even = makeSession({
    id: 'even',
    exercise: 'bird-dog',
    startedAt: at(2025, 3, 4),
    sets: [
      makeSet(0, { reps: birdDogReps.slice(0, 4) }),
      makeSet(1, { reps: birdDogReps.slice(4) }),
    ],
  });
  // The same skeletons, the left arm and leg reaching a fifth less.
  const weakLeft = makeSession({
    id: 'weak-left',
    exercise: 'bird-dog',
    startedAt: at(2025, 3, 11),
    sets: [
      makeSet(0, {
        reps: birdDogReps.map((rep) =>
          rep.side === 'left'
            ? { ...rep, rangeOfMotion: { ...rep.rangeOfMotion, max: rep.rangeOfMotion.max * 0.8 } }
            : rep,
        ),
      }),
    ],
  });

  it('gives each set of a session its median tempo', () => {
    const summary = summariseSession(even);
    expect(summary.setTempos).toHaveLength(2);
    for (const tempo of summary.setTempos) {
      expect(tempo?.lowerMs).toBeGreaterThan(200);
      expect(tempo?.pauseMs).toBeGreaterThan(300);
      expect(tempo?.liftMs).toBeGreaterThan(200);
    }
    const dead = summariseSession(
      makeSession({ exercise: 'dead-bug', sets: [makeSet(0, { reps: deadBugReps })] }),
    );
    // The six lowerings of the dead bug measured 400-1000 ms: the median is 400-533 ms.
    expect(dead.tempo?.lowerMs).toBeGreaterThanOrEqual(400);
    expect(dead.tempo?.lowerMs).toBeLessThanOrEqual(533.4);
  });

  it('compares left and right per session: even, then uneven in reach', () => {
    expect(summariseSession(even).balance).toMatchObject({
      reps: { left: 4, right: 4 },
      imbalanced: [],
    });
    expect(summariseSession(weakLeft).balance?.imbalanced).toEqual(['range']);
    const older = makeSession({
      id: 'older',
      exercise: 'bird-dog',
      sets: [makeSet(0, { reps: [makeRep()] })],
    });
    expect(summariseSession(older)).toMatchObject({
      tempo: null,
      setTempos: [null],
      balance: null,
    });
  });

  it('puts the median tempo, the period’s balance and the uneven sessions in the report', () => {
    const report = buildReport({ sessions: [even, weakLeft], snapshots: [], programme: null });
    const birdDog = report.exercises[0];
    expect(birdDog?.tempo?.lowerMs).toBeGreaterThan(200);
    expect(birdDog?.balance?.reps).toEqual({ left: 8, right: 8 });
    expect(birdDog?.unevenSessions).toBe(1);
  });
});

describe("what the hinge's reps kept, in the history", () => {
  // Real pulls side-on: three good lifters and two rounded; and one pull filmed from the front
  // three-quarter, whose back and hips are not read.
  const pulls = [
    'deadlift_good_side_video_01',
    'deadlift_good_side_video_20',
    'deadlift_good_side_video_21',
    'deadlift_roundedback_side_video_01',
    'deadlift_roundedback_side_video_03',
    'deadlift_good_threequarter_video_03',
  ].flatMap((name) => repsOfClip('deadlift', `deadlift/${name}.mp4`).map(repRecordOf));
  const session = makeSession({
    exercise: 'deadlift',
    startedAt: at(2025, 3, 4),
    sets: [makeSet(0, { reps: pulls })],
  });

  it('gives each kept measure its median and extreme over the reps that read it', () => {
    expect(pulls).toHaveLength(6);
    const kept = summariseSession(session).repMeasures;
    const byMetric = Object.fromEntries(kept.map((summary) => [summary.metric, summary]));
    expect(Object.keys(byMetric)).toEqual([
      'hipAngleDeg',
      'backRoundingDeg',
      'upperBackRoundingDeg',
    ]);
    const curves = pulls.flatMap((rep) => rep.measures?.backRoundingDeg ?? []);
    expect(curves).toHaveLength(5);
    expect(byMetric.backRoundingDeg).toMatchObject({ reps: 5, extreme: Math.max(...curves) });
    // The rounded pulls curve past the cue's 20°, the middle of the five is a good one's.
    expect(byMetric.backRoundingDeg?.extreme).toBeGreaterThan(20);
    expect(byMetric.backRoundingDeg?.median).toBeLessThan(9);
    const hips = pulls.flatMap((rep) => rep.measures?.hipAngleDeg ?? []);
    expect(byMetric.hipAngleDeg).toMatchObject({ reps: 5, extreme: Math.min(...hips) });
    expect(formatRepMeasures(kept)).toBe(
      `Per rep: hip angle 42° (${Math.round(Math.min(...hips))}°), lower back +2° (+26°), upper back +7° (+24°)`,
    );
  });

  it("puts the lower back's curve over the period on the report, for the exercises that kept it", () => {
    const report = buildReport({
      sessions: [session, birdDog('b', at(2025, 3, 5), 2, 0)],
      snapshots: [],
      programme: null,
    });
    const byExercise = Object.fromEntries(report.exercises.map((e) => [e.exercise, e]));
    const lowerBack = byExercise.deadlift?.lowerBack;
    if (!lowerBack) throw new Error('the deadlift kept no lower back curve');
    expect(lowerBack).toEqual(
      summariseSession(session).repMeasures.find(({ metric }) => metric === 'backRoundingDeg'),
    );
    const tempo = { lowerMs: 1200, pauseMs: 800, liftMs: 900 };
    expect(REPORT.tempoAndBackText(tempo, lowerBack)).toBe('1.2/0.8/0.9 s · back +2° (+26°)');
    expect(REPORT.tempoAndBackText(null, lowerBack)).toBe('back +2° (+26°)');
    expect(REPORT.tempoAndBackText(null, null)).toBe('—');
    expect(byExercise['bird-dog']?.lowerBack).toBeNull();
  });

  it('says nothing of them for reps that kept none', () => {
    const kept = summariseSession(birdDog('b', at(2025, 3, 4), 2, 0)).repMeasures;
    expect(kept).toEqual([]);
    expect(formatRepMeasures(kept)).toBeNull();
  });
});
