/**
 * The 4-week programme for one person: the seeds' table as written (src/content/programme.ts,
 * docs/seeds.md) with their equipment, a bodyweight substitute only where they lack what an entry
 * needs, and which items the camera coaches. Pure.
 */
import type { ExerciseId } from '../../pose/exercises/types';
import type { Equipment } from '../../storage/schema';
import { PROGRAMME_WEEKS } from '../../storage/schema';
import {
  FUNCTIONAL_EXTRAS,
  PROGRAMME_TABLE,
  REST_SECONDS,
  type Dose,
  type PlanEntry,
  type PlanMovement,
  type WeekFocus,
} from '../../content/programme';
import type { HoldPlan, SetPlan } from '../workout/plan';

/**
 * THE table: the exercise the camera coaches for each plan movement; null where the app has no
 * checker for it yet, and the item is done on your own. Wiring a new checker is one line here.
 */
export const COACHED_BY: Readonly<Record<PlanMovement, ExerciseId | null>> = {
  squat: 'squat',
  'bird-dog': 'bird-dog',
  'glute-bridge': 'glute-bridge',
  row: 'row',
  rdl: 'rdl',
  'kb-swing': 'kb-swing',
  'back-extension': null,
  'pull-up': null,
  deadlift: 'deadlift',
  superman: 'superman',
  'dead-bug': 'dead-bug',
  'farmers-carry': 'farmers-carry',
  'suitcase-deadlift': 'suitcase-deadlift',
  'pallof-press': 'pallof-press',
};

/** What the person does for one entry of the table. */
export interface PlanItem {
  readonly movement: PlanMovement;
  readonly name: string;
  readonly dose: Dose;
  /** The camera coaches it: Start opens this exercise with `plan`. Null: done on your own. */
  readonly coached: { readonly exercise: ExerciseId; readonly plan: SetPlan } | null;
  /** The table's entry this bodyweight move stands in for; null when it is the entry itself. */
  readonly replaces: PlanEntry | null;
}

export interface ProgrammeWeek {
  /** 1 to PROGRAMME_WEEKS. */
  readonly week: number;
  readonly focus: WeekFocus;
  /** Every session of the week, in the table's order. */
  readonly items: readonly PlanItem[];
  /** Seed 000's functional movements the person has the equipment for, optional. */
  readonly extras: readonly PlanItem[];
}

/**
 * What Start opens: the low end of the seed's ranges (seed 003: master the movement first; "the
 * last couple of reps … should feel difficult"), and the top of its rest, "so you can maintain good
 * form on the next round".
 */
function setPlanOf(dose: Dose): SetPlan {
  return dose.kind === 'reps'
    ? { kind: 'reps', sets: dose.sets.min, reps: dose.reps.min, restSeconds: REST_SECONDS.max }
    : {
        kind: 'hold',
        sets: dose.sets.min,
        holdSeconds: dose.seconds.min,
        restSeconds: REST_SECONDS.max,
      };
}

function itemOf(
  movement: PlanMovement,
  name: string,
  dose: Dose,
  replaces: PlanEntry | null,
): PlanItem {
  const exercise = COACHED_BY[movement];
  return {
    movement,
    name,
    dose,
    coached: exercise === null ? null : { exercise, plan: setPlanOf(dose) },
    replaces,
  };
}

function hasAny(equipment: readonly Equipment[], needs: readonly Equipment[]): boolean {
  return needs.length === 0 || needs.some((kind) => equipment.includes(kind));
}

/** The entry itself, or its bodyweight substitute when the person has none of what it needs. */
function itemFor(entry: PlanEntry, equipment: readonly Equipment[]): PlanItem {
  const without = entry.withoutEquipment;
  if (hasAny(equipment, entry.needs) || without === undefined) {
    return itemOf(entry.movement, entry.name, entry.dose, null);
  }
  return itemOf(without.substitute.movement, without.substitute.name, entry.dose, entry);
}

/**
 * The week's plan for someone with `equipment` (empty: bodyweight only); `week` is clamped to the
 * programme (storage keeps it in 1..4 anyway).
 */
export function programmeWeek(week: number, equipment: readonly Equipment[]): ProgrammeWeek {
  const index = Math.min(PROGRAMME_WEEKS, Math.max(1, Math.round(week))) - 1;
  const found = PROGRAMME_TABLE[index];
  if (found === undefined) throw new RangeError(`no programme week ${String(week)}`);
  return {
    week: found.week,
    focus: found.focus,
    items: found.entries.map((entry) => itemFor(entry, equipment)),
    extras: FUNCTIONAL_EXTRAS.filter((entry) => hasAny(equipment, entry.needs)).map((entry) =>
      itemFor(entry, equipment),
    ),
  };
}

/** The camera-coached exercises of the week's sessions (the optional extras are not counted). */
export function coachedExercises(week: ProgrammeWeek): readonly ExerciseId[] {
  return week.items.flatMap((item) => (item.coached ? [item.coached.exercise] : []));
}

/** Seed 000's posture reset: "Hold for 30 seconds"; one at a time, so its rest never comes up. */
const POSTURE_RESET_PLAN: HoldPlan = {
  kind: 'hold',
  sets: 1,
  holdSeconds: 30,
  restSeconds: REST_SECONDS.max,
};

/**
 * Seed 000's daily posture reset ("Hold for 30 seconds … Repeat every 2–3 hours"), offered on rest
 * days as the day's active recovery (seed 003: "On your off days … light activity").
 */
export const POSTURE_RESET = {
  exercise: 'wall-posture',
  plan: POSTURE_RESET_PLAN,
} as const satisfies { exercise: ExerciseId; plan: SetPlan };
