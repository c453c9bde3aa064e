import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROGRAMME_KEY, getProgramme, openPlumblineDb, type PlumblineDb } from '../../storage';
import { MIN_GOOD_FORM_SHARE_TO_ADVANCE, PAIN_RESUME_WEEK } from '../../content/programme';
import { addDays } from './dates';
import { loadPlan, recordProgrammeEvent, startProgramme, stopProgramme } from './plan-store';
import { coachedExercises, programmeWeek } from './programme';
import { noon, train, type TrainOptions } from './testing';

/**
 * Bodyweight only: the week's camera-coached items are then bird-dog, glute bridge and superman in
 * week 1 (the squat is on your own), so most of a session is two of them.
 */
const NOTHING = [] as const;

/** A Monday; the programme starts on it in most tests. */
const DAY_1 = '2025-03-03';
const day = (n: number): string => addDays(DAY_1, n - 1);

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
});

afterEach(() => {
  db.close();
});

/** Every camera-coached exercise of `week` on day `n` of the programme. */
async function session(n: number, week: number, options: TrainOptions = {}): Promise<void> {
  for (const exercise of coachedExercises(programmeWeek(week, NOTHING)))
    await train(db, day(n), exercise, options);
}

async function planOn(n: number) {
  const plan = await loadPlan(db, noon(day(n)), NOTHING);
  if (!plan.programme) throw new Error('no programme');
  return plan.programme;
}

describe('following the programme', () => {
  it('starts today as day 1 of week 1 with a session due', async () => {
    await startProgramme(db, noon(DAY_1));
    const plan = await planOn(1);
    expect(plan.progress).toMatchObject({ status: 'running', week: 1 });
    expect(plan.today).toMatchObject({ kind: 'due', plan: programmeWeek(1, NOTHING) });
  });

  it('marks today done after the session, rests the next day, and is due again after', async () => {
    await startProgramme(db, noon(DAY_1));
    await session(1, 1);
    expect((await planOn(1)).today.kind).toBe('done');
    expect((await planOn(2)).today).toMatchObject({
      kind: 'rest',
      reason: 'after-session',
      nextSessionOn: day(3),
    });
    expect((await planOn(3)).today.kind).toBe('due');
  });

  it('counts a day as a session only when most of its coached exercises were done', async () => {
    await startProgramme(db, noon(DAY_1));
    await train(db, day(1), 'bird-dog');
    const today = (await planOn(1)).today;
    expect(today.kind).toBe('due');
    if (today.kind === 'due') expect([...today.doneToday]).toEqual(['bird-dog']);
    // A plank is not in the seeds' week 1: it is training, not the week's session.
    await train(db, day(1), 'plank');
    expect((await planOn(1)).today.kind).toBe('due');
    await train(db, day(1), 'glute-bridge');
    const done = (await planOn(1)).today;
    expect(done.kind).toBe('done');
    if (done.kind === 'done') expect([...done.doneToday]).toEqual(['bird-dog', 'glute-bridge']);
  });

  it('rests for the rest of the week once three sessions are done, then moves to week 2', async () => {
    await startProgramme(db, noon(DAY_1));
    await session(1, 1);
    await session(3, 1);
    await session(5, 1);
    expect((await planOn(6)).today).toMatchObject({
      kind: 'rest',
      reason: 'week-complete',
      nextSessionOn: day(8),
    });
    const week2 = await planOn(8);
    expect(week2.progress.week).toBe(2);
    expect(week2.progress.runs[0]).toMatchObject({
      outcome: 'passed',
      sessionDays: [day(1), day(3), day(5)],
    });
    expect(week2.today).toMatchObject({ kind: 'due', plan: programmeWeek(2, NOTHING) });
    // The stored programme now says week 2, with the workouts that counted: each session's.
    const stored = (await getProgramme(db)).value;
    expect(stored?.week).toBe(2);
    const perSession = coachedExercises(programmeWeek(1, NOTHING)).length;
    expect(perSession).toBeGreaterThan(0);
    expect(stored?.completedSessionIds).toHaveLength(3 * perSession);
  });

  it('repeats a missed week rather than skipping ahead, however long the gap', async () => {
    await startProgramme(db, noon(DAY_1));
    const plan = await planOn(22);
    expect(plan.progress.week).toBe(1);
    expect(plan.progress.runs.map((run) => run.outcome)).toEqual([
      'missed',
      'missed',
      'missed',
      null,
    ]);
    expect(plan.progress.runs.at(-1)?.start).toBe(day(22));
  });

  it('repeats a week with a single session', async () => {
    await startProgramme(db, noon(DAY_1));
    await session(2, 1);
    const plan = await planOn(8);
    expect(plan.progress.week).toBe(1);
    expect(plan.progress.runs[0]?.outcome).toBe('too-few');
  });

  it('repeats a week whose sessions were done with a low good-form share', async () => {
    await startProgramme(db, noon(DAY_1));
    const low = { goodFormShare: 0.5 };
    expect(low.goodFormShare).toBeLessThan(MIN_GOOD_FORM_SHARE_TO_ADVANCE);
    await session(1, 1, low);
    await session(3, 1, low);
    await session(5, 1, low);
    const plan = await planOn(8);
    expect(plan.progress.week).toBe(1);
    expect(plan.progress.runs[0]).toMatchObject({ outcome: 'low-form', goodFormShare: 0.5 });
  });

  it('respects a pain stop: no session until resumed, then back to the foundation week', async () => {
    await startProgramme(db, noon(DAY_1));
    for (const n of [1, 3, 5]) await session(n, 1);
    await session(8, 2);
    await recordProgrammeEvent(db, 'pain', noon(day(9)));
    const stopped = await planOn(12);
    expect(stopped.progress.status).toBe('pain');
    expect(stopped.today.kind).toBe('pain');
    expect(stopped.progress.runs[1]).toMatchObject({ week: 2, outcome: 'pain', end: day(9) });
    await recordProgrammeEvent(db, 'resume', noon(day(13)));
    const resumed = await planOn(13);
    expect(resumed.progress).toMatchObject({ status: 'running', week: PAIN_RESUME_WEEK });
    expect(resumed.progress.runs.at(-1)?.start).toBe(day(13));
    expect(resumed.today.kind).toBe('due');
  });

  it('resumes a paused week from the resume day, at the same week', async () => {
    await startProgramme(db, noon(DAY_1));
    for (const n of [1, 3, 5]) await session(n, 1);
    await recordProgrammeEvent(db, 'pause', noon(day(10)));
    expect((await planOn(20)).today.kind).toBe('paused');
    await recordProgrammeEvent(db, 'resume', noon(day(21)));
    const plan = await planOn(21);
    expect(plan.progress).toMatchObject({ status: 'running', week: 2 });
    expect(plan.progress.runs.map((run) => run.outcome)).toEqual(['passed', 'paused', null]);
  });

  it('completes after four passed weeks, and restarts or stops on request', async () => {
    await startProgramme(db, noon(DAY_1));
    for (let week = 1; week <= 4; week += 1) {
      const first = 1 + (week - 1) * 7;
      for (const n of [first, first + 2, first + 4]) await session(n, week);
    }
    expect((await planOn(28)).progress.status).toBe('running');
    const done = await planOn(29);
    expect(done.progress.status).toBe('complete');
    expect(done.today.kind).toBe('complete');
    await startProgramme(db, noon(day(30)));
    expect((await planOn(30)).progress).toMatchObject({ status: 'running', week: 1 });
    await stopProgramme(db);
    expect((await loadPlan(db, noon(day(30)), NOTHING)).programme).toBeNull();
  });

  it('reports a damaged stored programme as none, with a message, and can start afresh', async () => {
    await db.put('programme', { startedOn: 'yesterday' } as never, PROGRAMME_KEY);
    const plan = await loadPlan(db, noon(DAY_1), NOTHING);
    expect(plan.programme).toBeNull();
    expect(plan.corrupt.map((report) => report.error.code)).toEqual(['CORRUPT_RECORD']);
    await startProgramme(db, noon(DAY_1));
    expect((await loadPlan(db, noon(DAY_1), NOTHING)).corrupt).toEqual([]);
  });
});
