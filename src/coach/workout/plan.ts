/**
 * What one exercise's workout is: how many sets, how many reps (or seconds held) in each, and the
 * rest between sets. Pure; the numbers come from seed 003 (docs/seeds.md).
 */
import type { Exercise } from '../../pose/exercises/types';

export interface RepsPlan {
  readonly kind: 'reps';
  readonly sets: number;
  /** Reps per set; for exercises that alternate sides, reps per side. */
  readonly reps: number;
  readonly restSeconds: number;
}

export interface HoldPlan {
  readonly kind: 'hold';
  readonly sets: number;
  /** Good-form seconds per set. */
  readonly holdSeconds: number;
  readonly restSeconds: number;
}

export type SetPlan = RepsPlan | HoldPlan;

/** Seeds: "3-4 sets of 8-12 reps for each exercise"; three sets is the beginner end. */
export const DEFAULT_SETS = 3;
export const MIN_SETS = 1;
export const MAX_SETS = 6;
/** Seeds: 8-12 reps, e.g. "3 sets of 10 reps per arm". */
export const DEFAULT_REPS = 10;
export const MIN_REPS = 1;
export const MAX_REPS = 30;
/** Seeds: a 30-second hold (the posture reset); planks are usually built up from 20-30 s. */
export const DEFAULT_HOLD_SECONDS = 30;
export const MIN_HOLD_SECONDS = 5;
export const MAX_HOLD_SECONDS = 180;
/** Seeds: "about 60-90 seconds of rest between each set". */
export const REST_CHOICES_SECONDS = [60, 75, 90] as const;
export const DEFAULT_REST_SECONDS = 60;

export const DEFAULT_REPS_PLAN: RepsPlan = {
  kind: 'reps',
  sets: DEFAULT_SETS,
  reps: DEFAULT_REPS,
  restSeconds: DEFAULT_REST_SECONDS,
};

export const DEFAULT_HOLD_PLAN: HoldPlan = {
  kind: 'hold',
  sets: DEFAULT_SETS,
  holdSeconds: DEFAULT_HOLD_SECONDS,
  restSeconds: DEFAULT_REST_SECONDS,
};

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.round(value)));
}

function restOf(value: unknown): number {
  return REST_CHOICES_SECONDS.find((choice) => choice === value) ?? DEFAULT_REST_SECONDS;
}

/** A reps plan from anything (stored settings, a form), with every number in range. */
export function toRepsPlan(value: unknown): RepsPlan {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<RepsPlan>;
  return {
    kind: 'reps',
    sets: clampInt(raw.sets, MIN_SETS, MAX_SETS, DEFAULT_SETS),
    reps: clampInt(raw.reps, MIN_REPS, MAX_REPS, DEFAULT_REPS),
    restSeconds: restOf(raw.restSeconds),
  };
}

export function toHoldPlan(value: unknown): HoldPlan {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Partial<HoldPlan>;
  return {
    kind: 'hold',
    sets: clampInt(raw.sets, MIN_SETS, MAX_SETS, DEFAULT_SETS),
    holdSeconds: clampInt(
      raw.holdSeconds,
      MIN_HOLD_SECONDS,
      MAX_HOLD_SECONDS,
      DEFAULT_HOLD_SECONDS,
    ),
    restSeconds: restOf(raw.restSeconds),
  };
}

/** The plan that fits an exercise: reps for rep exercises, a hold for timed ones. */
export function planFor(
  exercise: Pick<Exercise, 'kind'>,
  plans: { readonly reps: RepsPlan; readonly hold: HoldPlan },
): SetPlan {
  return exercise.kind === 'reps' ? plans.reps : plans.hold;
}
