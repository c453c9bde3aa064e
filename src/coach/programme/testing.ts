/** Workouts written through the real storage layer, for the Plan tests. Not used by the app. */
import type { ExerciseId } from '../../pose/exercises/types';
import {
  appendRep,
  endSession,
  endSet,
  startSession,
  startSet,
  type PlumblineDb,
} from '../../storage';
import { makeRep } from '../../storage/testing';
import { EXERCISE_CONTENT } from '../../content/exercises';

/** Noon, local time, on a YYYY-MM-DD day: the same local day in every time zone. */
export function noon(day: string): Date {
  return new Date(`${day}T12:00:00`);
}

export interface TrainOptions {
  /** Share of clean reps (or of good-form hold time), 0..1. */
  readonly goodFormShare?: number;
  readonly sets?: number;
}

/** Reps per set in these workouts: 4 gives shares of 0, 0.25, 0.5, 0.75 and 1. */
const REPS_PER_SET = 4;

/** One stored workout of `exercise` at noon on `day`, with sets of real reps or holds. */
export async function train(
  db: PlumblineDb,
  day: string,
  exercise: ExerciseId,
  { goodFormShare = 1, sets = 3 }: TrainOptions = {},
): Promise<string> {
  const at = noon(day).toISOString();
  const session = await startSession(db, {
    exercise,
    strictness: 'beginner',
    plan: null,
    startedAt: at,
  });
  const kind = EXERCISE_CONTENT[exercise].kind;
  for (let set = 0; set < sets; set += 1) {
    const index = await startSet(db, session.id, at);
    if (kind === 'hold') {
      await endSet(db, session.id, index, {
        endedAt: at,
        hold: { holdSeconds: 30 * goodFormShare, goodFormShare },
      });
      continue;
    }
    const clean = Math.round(goodFormShare * REPS_PER_SET);
    for (let rep = 0; rep < REPS_PER_SET; rep += 1) {
      await appendRep(
        db,
        session.id,
        index,
        makeRep({ faults: rep < clean ? [] : ['bird-dog.hip-rotation'] }),
      );
    }
    await endSet(db, session.id, index, { endedAt: at });
  }
  await endSession(db, session.id, at);
  return session.id;
}
