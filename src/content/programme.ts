/**
 * The seeds' 4-week programme as written (docs/seeds.md): the progression table of "How to
 * strengthen back muscles" (seed 003), week by week with its exercises, sets and reps, the seed's
 * "60-90 seconds of rest between each set", and the bodyweight move that stands in for a loaded one
 * when the person lacks its equipment; and the functional movements of "Holistic back strength"
 * (seed 000), offered as optional extras. Facts and words only: which of these movements the camera
 * coaches is src/coach/programme/programme.ts's one table.
 *
 * The table ("Sample Weekly Back Strengthening Progression"):
 *   1 Foundation & Form     Bodyweight Squats, Bird-Dog, Glute Bridges, Light Dumbbell Rows  3 × 12-15
 *   2 Adding Resistance     Goblet Squats, Romanian Deadlifts (light), Bent-Over Rows        3 × 10-12
 *   3 Increasing Intensity  Kettlebell Swings, Dumbbell Rows, Back Extensions                3-4 × 8-10
 *   4 Building Power        Heavier Kettlebell Swings, Pull-Ups (assisted), Deadlifts (light) 4 × 6-8
 */
import type { Equipment } from '../storage/schema';

/**
 * A movement the plan names, whatever its load: "Goblet squats" and "Bodyweight squats" are both
 * `squat`, every row is `row`.
 */
export type PlanMovement =
  | 'squat'
  | 'bird-dog'
  | 'glute-bridge'
  | 'row'
  | 'rdl'
  | 'kb-swing'
  | 'back-extension'
  | 'pull-up'
  | 'deadlift'
  | 'superman'
  | 'dead-bug'
  | 'farmers-carry'
  | 'suitcase-deadlift'
  | 'pallof-press';

export type WeekFocus = 'foundation' | 'resistance' | 'intensity' | 'power';

/** A range as the seed writes it ("12-15"); min equals max for a single number. */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
}

export type Dose =
  | { readonly kind: 'reps'; readonly sets: NumberRange; readonly reps: NumberRange }
  | { readonly kind: 'hold'; readonly sets: NumberRange; readonly seconds: NumberRange };

/**
 * Movements whose reps count per side (the bird-dog and dead bug "switch sides"), whichever
 * entry's sets and reps they take.
 */
export const PER_SIDE: ReadonlySet<PlanMovement> = new Set<PlanMovement>([
  'bird-dog',
  'dead-bug',
  'suitcase-deadlift',
  'pallof-press',
]);
/** Movements whose reps count per arm: the row (seed 003: "3 sets of 10 reps per arm"). */
export const PER_ARM: ReadonlySet<PlanMovement> = new Set<PlanMovement>(['row']);

/** A bodyweight move, done when the person has none of the equipment a loaded one needs. */
export interface Substitute {
  readonly movement: PlanMovement;
  readonly name: string;
}

/** What someone with none of an entry's equipment does, and how it says what it replaces. */
export interface WithoutEquipment {
  readonly substitute: Substitute;
  /** "the Romanian deadlift". */
  readonly insteadOf: string;
  /** What it needs, where the list of `needs` alone would not say it right. */
  readonly needsText?: string;
}

export interface PlanEntry {
  readonly movement: PlanMovement;
  /** As the seed names it. */
  readonly name: string;
  readonly dose: Dose;
  /** Any one of these is enough; empty: bodyweight. */
  readonly needs: readonly Equipment[];
  /** Absent for bodyweight entries and the optional extras (left out without their equipment). */
  readonly withoutEquipment?: WithoutEquipment;
}

export interface TableWeek {
  readonly week: number;
  readonly focus: WeekFocus;
  readonly entries: readonly PlanEntry[];
}

/** Seed 003: "about 60-90 seconds of rest between each set". */
export const REST_SECONDS: NumberRange = { min: 60, max: 90 };

function range(min: number, max = min): NumberRange {
  return { min, max };
}

function reps(sets: NumberRange, count: NumberRange): Dose {
  return { kind: 'reps', sets, reps: count };
}

/** Seed 003 adds resistance with "dumbbells, kettlebells, or even simple resistance bands". */
const ROW_LOADS: readonly Equipment[] = ['dumbbells', 'kettlebell', 'barbell', 'band-or-cable'];
/** A hinge under load: a pair of dumbbells, a kettlebell or a barbell. */
const HINGE_LOADS: readonly Equipment[] = ['dumbbells', 'kettlebell', 'barbell'];
/** Held at the chest ("goblet"), or in the hands at the sides: a dumbbell or a kettlebell. */
const HAND_LOADS: readonly Equipment[] = ['dumbbells', 'kettlebell'];

/**
 * Seed 003: the superman strengthens "everything from your upper back down to your glutes", and
 * "movements like the Bird-Dog and Superman fire up the exact muscles" the loaded exercises target.
 */
const SUPERMAN_FOR_ROWS: Substitute = {
  movement: 'superman',
  name: 'Superman',
};
/** Seed 003: the glute bridge wakes up the glutes, "powerful partners for your lower back". */
const GLUTE_BRIDGE_FOR_HINGE: Substitute = {
  movement: 'glute-bridge',
  name: 'Glute bridge',
};

/** An entry with a load, and what stands in for it without any of `needs`. */
function loaded(
  movement: PlanMovement,
  name: string,
  dose: Dose,
  needs: readonly Equipment[],
  withoutEquipment: WithoutEquipment,
): PlanEntry {
  return { movement, name, dose, needs, withoutEquipment };
}

function row(name: string, insteadOf: string, dose: Dose): PlanEntry {
  return loaded('row', name, dose, ROW_LOADS, { substitute: SUPERMAN_FOR_ROWS, insteadOf });
}

function swing(name: string, insteadOf: string, dose: Dose): PlanEntry {
  return loaded('kb-swing', name, dose, ['kettlebell'], {
    substitute: GLUTE_BRIDGE_FOR_HINGE,
    insteadOf,
  });
}

function bodyweight(movement: PlanMovement, name: string, dose: Dose): PlanEntry {
  return { movement, name, dose, needs: [] };
}

const WEEK_1 = reps(range(3), range(12, 15));
const WEEK_2 = reps(range(3), range(10, 12));
const WEEK_3 = reps(range(3, 4), range(8, 10));
const WEEK_4 = reps(range(4), range(6, 8));

export const PROGRAMME_TABLE: readonly TableWeek[] = [
  {
    week: 1,
    focus: 'foundation',
    entries: [
      bodyweight('squat', 'Bodyweight squats', WEEK_1),
      bodyweight('bird-dog', 'Bird-dog', WEEK_1),
      bodyweight('glute-bridge', 'Glute bridges', WEEK_1),
      row('Light dumbbell rows', 'the light dumbbell row', WEEK_1),
    ],
  },
  {
    week: 2,
    focus: 'resistance',
    entries: [
      // Without a weight, the table's own week 1 squat: the same movement, unloaded.
      loaded('squat', 'Goblet squats', WEEK_2, HAND_LOADS, {
        substitute: { movement: 'squat', name: 'Bodyweight squats' },
        insteadOf: 'the goblet squat',
      }),
      loaded('rdl', 'Romanian deadlifts (light)', WEEK_2, HINGE_LOADS, {
        substitute: GLUTE_BRIDGE_FOR_HINGE,
        insteadOf: 'the Romanian deadlift',
      }),
      row('Bent-over rows', 'the bent-over row', WEEK_2),
    ],
  },
  {
    week: 3,
    focus: 'intensity',
    entries: [
      swing('Kettlebell swings', 'the kettlebell swing', WEEK_3),
      row('Dumbbell rows', 'the dumbbell row', WEEK_3),
      // On a back-extension bench, a gym ball, or face down on the floor: no equipment choice.
      bodyweight('back-extension', 'Back extensions', WEEK_3),
    ],
  },
  {
    week: 4,
    focus: 'power',
    entries: [
      swing('Heavier kettlebell swings', 'the heavier kettlebell swing', WEEK_4),
      loaded('pull-up', 'Pull-ups (assisted)', WEEK_4, ['band-or-cable'], {
        substitute: SUPERMAN_FOR_ROWS,
        insteadOf: 'the assisted pull-up',
        needsText: 'a pull-up bar with a band to help, or a cable machine',
      }),
      // Seed 003: the bird-dog trains the erector spinae and multifidus along the spine, as the
      // deadlift does.
      loaded('deadlift', 'Deadlifts (light)', WEEK_4, HINGE_LOADS, {
        substitute: { movement: 'bird-dog', name: 'Bird-dog' },
        insteadOf: 'the deadlift',
      }),
    ],
  },
];

/**
 * Seed 000's "Key Functional Exercises for Back Resilience": optional, with the equipment they
 * need and no substitute. Seed 000 gives the carry's time ("Walk 30–60 seconds"); the rest take
 * seed 003's "3-4 sets of 8-12 reps" for strength, at its low end.
 */
const FUNCTIONAL_REPS = reps(range(3), range(8, 12));
export const FUNCTIONAL_EXTRAS: readonly PlanEntry[] = [
  {
    movement: 'farmers-carry',
    name: "Farmer's carry",
    dose: { kind: 'hold', sets: range(3), seconds: range(30, 60) },
    needs: HAND_LOADS,
  },
  {
    movement: 'suitcase-deadlift',
    name: 'Single-arm suitcase deadlift',
    dose: FUNCTIONAL_REPS,
    needs: HAND_LOADS,
  },
  {
    movement: 'pallof-press',
    name: 'Pallof press',
    dose: FUNCTIONAL_REPS,
    needs: ['band-or-cable'],
  },
  // Seed 000: "Dead Bugs with Resistance Band"; without a band it is the seed 003 dead bug.
  bodyweight('dead-bug', 'Dead bug', FUNCTIONAL_REPS),
];

// ---------------------------------------------------------------------------------------------
// The programme's rules, from the seeds; src/coach/programme/schedule.ts applies them and the
// Plan screen states them (src/content/plan.ts).

/** A programme week is a run of 7 days from the day it starts (day 1 is the start day). */
export const DAYS_PER_PROGRAMME_WEEK = 7;
/** Seed 003: "Aim for two to three dedicated back and core strengthening sessions per week". */
export const SESSIONS_PER_WEEK_TARGET = 3;
/** The low end of seed 003's "two to three": fewer and the week is repeated, not skipped ahead. */
export const MIN_SESSIONS_TO_PASS_WEEK = 2;
/**
 * A week whose work was mostly faulty is repeated. Seed 003: "start with mastering the movement,
 * then gradually introduce and increase the load"; "If you can't complete the set with perfect
 * technique … drop it down". 0.7 (not 1) leaves room for the odd false cue from the camera.
 */
export const MIN_GOOD_FORM_SHARE_TO_ADVANCE = 0.7;
/**
 * After a stop for sharp pain the programme resumes at week 1. Seed 003: "If any exercise causes a
 * sharp, shooting, or radiating pain, stop immediately. It's wise to stick to foundational
 * movements like the bird-dog and glute bridges" (week 1's exercises).
 */
export const PAIN_RESUME_WEEK = 1;
