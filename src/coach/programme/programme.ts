/**
 * The 4-week programme as data, from the seeds: the progression table of "How to strengthen back
 * muscles" (docs/seeds.md, seed 003) mapped onto the exercises Plumbline can coach. Pure.
 *
 * The table ("Sample Weekly Back Strengthening Progression"):
 *   1 Foundation & Form     Bodyweight Squats, Bird-Dog, Glute Bridges, Light Dumbbell Rows  3 × 12-15
 *   2 Adding Resistance     Goblet Squats, Romanian Deadlifts (light), Bent-Over Rows        3 × 10-12
 *   3 Increasing Intensity  Kettlebell Swings, Dumbbell Rows, Back Extensions                3-4 × 8-10
 *   4 Building Power        Heavier Kettlebell Swings, Pull-Ups (assisted), Deadlifts (light) 4 × 6-8
 * Plumbline sees bodyweight movements only, so the loaded lifts are replaced by the seed's own
 * bodyweight and core exercises: bird-dog and glute bridge (week 1 of the table), the dead bug
 * (seed 000: "Dead Bugs with Resistance Band"), the superman for "Back Extensions" (seed 003: it
 * builds "back extensor endurance"), and the plank and side plank the seeds name as the
 * anti-movement core work ("planks, side planks, and dead bugs that stabilize rather than flex").
 * Without added weight, intensity grows the ways seed 003 lists under "Progressing Safely":
 * "Increasing Reps", "Increasing Sets", "Decreasing Rest Time".
 */
import type { ExerciseId } from '../../pose/exercises/types';
import { PROGRAMME_WEEKS } from '../../storage/schema';
import type { HoldPlan, RepsPlan, SetPlan } from '../workout/plan';

export type WeekFocus = 'foundation' | 'resistance' | 'intensity' | 'power';

export interface PlannedExercise {
  readonly exercise: ExerciseId;
  readonly plan: SetPlan;
}

export interface ProgrammeWeek {
  /** 1 to PROGRAMME_WEEKS. */
  readonly week: number;
  readonly focus: WeekFocus;
  /** Every session of the week, in the order to do them. */
  readonly exercises: readonly PlannedExercise[];
}

/** Seed 003: "about 60-90 seconds of rest between each set"; shortened week by week. */
const REST_WEEKS_1_2_SECONDS = 90;
const REST_WEEK_3_SECONDS = 75;
const REST_WEEK_4_SECONDS = 60;

function reps(sets: number, count: number, restSeconds: number): RepsPlan {
  return { kind: 'reps', sets, reps: count, restSeconds };
}

function hold(sets: number, holdSeconds: number, restSeconds: number): HoldPlan {
  return { kind: 'hold', sets, holdSeconds, restSeconds };
}

/**
 * Holds: the seeds give 30 s for the posture reset and "30–60 seconds" for the farmer's carry (the
 * one loaded hold they time), so planks build from 30 s to 60 s over the month.
 */
export const PROGRAMME: readonly ProgrammeWeek[] = [
  {
    // Table week 1, "3 sets of 12-15 reps": the low end while the movement is learnt.
    week: 1,
    focus: 'foundation',
    exercises: [
      { exercise: 'bird-dog', plan: reps(3, 12, REST_WEEKS_1_2_SECONDS) },
      { exercise: 'glute-bridge', plan: reps(3, 12, REST_WEEKS_1_2_SECONDS) },
      { exercise: 'plank', plan: hold(3, 30, REST_WEEKS_1_2_SECONDS) },
    ],
  },
  {
    // Table week 2, "3 sets of 10-12 reps"; the dead bug joins (seed 000's "resistance" move).
    week: 2,
    focus: 'resistance',
    exercises: [
      { exercise: 'bird-dog', plan: reps(3, 12, REST_WEEKS_1_2_SECONDS) },
      { exercise: 'dead-bug', plan: reps(3, 10, REST_WEEKS_1_2_SECONDS) },
      { exercise: 'glute-bridge', plan: reps(3, 12, REST_WEEKS_1_2_SECONDS) },
      { exercise: 'plank', plan: hold(3, 40, REST_WEEKS_1_2_SECONDS) },
    ],
  },
  {
    // Table week 3, "3-4 sets of 8-10 reps" with "Back Extensions": the superman; 4 sets.
    week: 3,
    focus: 'intensity',
    exercises: [
      { exercise: 'superman', plan: reps(4, 10, REST_WEEK_3_SECONDS) },
      { exercise: 'dead-bug', plan: reps(4, 10, REST_WEEK_3_SECONDS) },
      { exercise: 'side-plank', plan: hold(3, 30, REST_WEEK_3_SECONDS) },
      { exercise: 'plank', plan: hold(4, 45, REST_WEEK_3_SECONDS) },
    ],
  },
  {
    // Table week 4, "4 sets of 6-8 reps": the top of the range, shortest rest, longest holds.
    week: 4,
    focus: 'power',
    exercises: [
      { exercise: 'superman', plan: reps(4, 8, REST_WEEK_4_SECONDS) },
      { exercise: 'glute-bridge', plan: reps(4, 8, REST_WEEK_4_SECONDS) },
      { exercise: 'side-plank', plan: hold(4, 45, REST_WEEK_4_SECONDS) },
      { exercise: 'plank', plan: hold(4, 60, REST_WEEK_4_SECONDS) },
    ],
  },
];

/** The week's plan; `week` is clamped to the programme (storage keeps it in 1..4 anyway). */
export function programmeWeek(week: number): ProgrammeWeek {
  const index = Math.min(PROGRAMME_WEEKS, Math.max(1, Math.round(week))) - 1;
  const found = PROGRAMME[index];
  if (found === undefined) throw new RangeError(`no programme week ${String(week)}`);
  return found;
}

/**
 * Seed 000's daily posture reset ("Hold for 30 seconds … Repeat every 2–3 hours"), offered on rest
 * days as the day's active recovery (seed 003: "On your off days … light activity").
 */
export const POSTURE_RESET: PlannedExercise = {
  exercise: 'wall-posture',
  plan: hold(1, 30, REST_WEEKS_1_2_SECONDS),
};
