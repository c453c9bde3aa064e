import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addSnapshot, openPlumblineDb, type PlumblineDb } from '../../storage';
import { makeSnapshot } from '../../storage/testing';
import {
  CHECKLIST_ITEM_IDS,
  MOVEMENT_PATTERNS,
  POSTURE_RESET_DAYS_PER_WEEK,
  POSTURE_RESETS_PER_DAY,
  withHandTick,
} from './checklist';
import { addDays } from './dates';
import { loadPlan, tickByHand } from './plan-store';
import { COACHED_BY } from './programme';
import { noon, train } from './testing';

/** A Monday, and the Wednesday of the same week. */
const MONDAY = '2025-03-03';
const WEDNESDAY = '2025-03-05';

let db: PlumblineDb;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openPlumblineDb();
});

afterEach(() => {
  db.close();
});

async function entry(id: string, on = WEDNESDAY) {
  const found = (await loadPlan(db, noon(on), [])).checklist.find((item) => item.id === id);
  if (!found) throw new Error(`no checklist item ${id}`);
  return found;
}

describe('the weekly checklist', () => {
  it('lists the seed checklist for the week starting Monday, nothing ticked yet', async () => {
    const plan = await loadPlan(db, noon(WEDNESDAY), []);
    expect(plan.weekStart).toBe(MONDAY);
    expect(plan.checklist.map((item) => item.id)).toEqual(CHECKLIST_ITEM_IDS);
    expect(plan.checklist.some((item) => item.done)).toBe(false);
  });

  it('ticks the sessions item from two training days this week, naming them', async () => {
    await train(db, MONDAY, 'plank');
    expect((await entry('sessions')).done).toBe(false);
    await train(db, WEDNESDAY, 'bird-dog');
    // Last week's workouts and posture resets are not training days of this week.
    await train(db, addDays(MONDAY, -2), 'plank');
    await train(db, MONDAY, 'wall-posture');
    expect(await entry('sessions')).toMatchObject({
      done: true,
      byHand: false,
      evidence: { item: 'sessions', ticked: true, days: [MONDAY, WEDNESDAY] },
    });
  });

  it('ticks movement patterns at three different patterns, not three exercises', async () => {
    await train(db, MONDAY, 'plank');
    await train(db, MONDAY, 'dead-bug');
    await train(db, MONDAY, 'wall-posture');
    await train(db, MONDAY, 'bird-dog');
    expect(await entry('movement-patterns')).toMatchObject({
      done: false,
      evidence: { patterns: ['anti-extension', 'anti-rotation'] },
    });
    await train(db, WEDNESDAY, 'glute-bridge');
    expect((await entry('movement-patterns')).done).toBe(true);
  });

  it('counts the loaded lifts the app coaches as the hinge, one pattern however many', async () => {
    await train(db, MONDAY, 'rdl');
    await train(db, MONDAY, 'kb-swing');
    await train(db, MONDAY, 'deadlift');
    expect(await entry('movement-patterns')).toMatchObject({
      done: false,
      evidence: { patterns: ['hinge'] },
    });
    await train(db, WEDNESDAY, 'superman');
    await train(db, WEDNESDAY, 'bird-dog');
    expect(await entry('movement-patterns')).toMatchObject({
      done: true,
      evidence: { patterns: ['anti-rotation', 'back-extension', 'hinge'] },
    });
  });

  it('has a movement pattern for every exercise the Plan coaches, so each counts', () => {
    for (const exercise of Object.values(COACHED_BY)) {
      if (exercise !== null) expect(MOVEMENT_PATTERNS[exercise], exercise).not.toBeNull();
    }
  });

  it(`ticks posture resets once ${POSTURE_RESETS_PER_DAY}+ a day were seen on ${POSTURE_RESET_DAYS_PER_WEEK} days`, async () => {
    const days = Array.from({ length: POSTURE_RESET_DAYS_PER_WEEK }, (_, i) => addDays(MONDAY, i));
    for (const [index, day] of days.entries()) {
      // Two snapshots and one wall-posture workout: three resets that day.
      await addSnapshot(db, makeSnapshot({ id: `a${index}`, takenAt: noon(day).toISOString() }));
      await addSnapshot(db, makeSnapshot({ id: `b${index}`, takenAt: noon(day).toISOString() }));
      if (index > 0) await train(db, day, 'wall-posture');
    }
    const friday = days.at(-1) ?? MONDAY;
    expect(await entry('posture-resets', friday)).toMatchObject({
      done: false,
      evidence: { days: days.slice(1) },
    });
    await train(db, MONDAY, 'wall-posture');
    expect((await entry('posture-resets', friday)).done).toBe(true);
  });

  it('keeps a tick by hand across loads, for that week only, and can untick it', async () => {
    const plan = await loadPlan(db, noon(WEDNESDAY), []);
    await tickByHand(db, plan.weekStart, 'breathing', true);
    expect(await entry('breathing')).toMatchObject({ done: true, byHand: true, evidence: null });
    expect((await entry('breathing', addDays(MONDAY, 7))).done).toBe(false);
    await tickByHand(db, plan.weekStart, 'breathing', false);
    expect((await entry('breathing')).done).toBe(false);
  });
});

describe('a hand tick shown while it saves', () => {
  it('changes only that item, and an item the app saw stays ticked when unticked by hand', async () => {
    await train(db, MONDAY, 'plank');
    await train(db, WEDNESDAY, 'plank');
    const { checklist } = await loadPlan(db, noon(WEDNESDAY), []);
    const ticked = withHandTick(checklist, 'footwear', true);
    expect(ticked.filter((e) => e.done).map((e) => e.id)).toEqual(['sessions', 'footwear']);
    const unticked = withHandTick(ticked, 'sessions', false);
    expect(unticked.find((e) => e.id === 'sessions')?.done).toBe(true);
  });
});
