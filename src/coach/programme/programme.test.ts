import { describe, expect, it } from 'vitest';
import { EQUIPMENT, type Equipment } from '../../storage';
import { doseText, insteadOfText } from '../../content/plan';
import { coachedExercises, programmeWeek, type ProgrammeWeek } from './programme';

/**
 * What a person sees for one week: each item's name, its sets and reps as the seed writes them,
 * "Start" or "on your own", and what a substitute replaces.
 */
function shown(week: ProgrammeWeek): string[] {
  return week.items.map((item) => {
    const how = item.coached ? `Start ${item.coached.exercise}` : 'on your own';
    const instead = item.replaces ? ` (${insteadOfText(item.replaces)})` : '';
    return `${item.name}: ${doseText(item.movement, item.dose)} · ${how}${instead}`;
  });
}

const planFor = (equipment: readonly Equipment[]): string[][] =>
  [1, 2, 3, 4].map((week) => shown(programmeWeek(week, equipment)));

/** Every combination of the equipment choices, nothing included. */
const EVERY_KIT: readonly (readonly Equipment[])[] = Array.from(
  { length: 2 ** EQUIPMENT.length },
  (_, mask) => EQUIPMENT.filter((_kind, bit) => (mask & (1 << bit)) !== 0),
);

// The seeds' table (seed 003, "Sample Weekly Back Strengthening Progression"), as written:
//   1 Foundation & Form     Bodyweight Squats, Bird-Dog, Glute Bridges, Light Dumbbell Rows   3 sets of 12-15 reps
//   2 Adding Resistance     Goblet Squats, Romanian Deadlifts (light), Bent-Over Rows         3 sets of 10-12 reps
//   3 Increasing Intensity  Kettlebell Swings, Dumbbell Rows, Back Extensions                 3-4 sets of 8-10 reps
//   4 Building Power        Heavier Kettlebell Swings, Pull-Ups (assisted), Deadlifts (light) 4 sets of 6-8 reps
// with "about 60-90 seconds of rest between each set" and rows "per arm".
describe("the Plan follows the seeds' table", () => {
  it('for a person with dumbbells: every lift as written but the kettlebell swings', () => {
    expect(planFor(['dumbbells'])).toEqual([
      [
        'Bodyweight squats: 3 × 12–15 reps, rest 60–90 s · Start squat',
        'Bird-dog: 3 × 12–15 reps per side, rest 60–90 s · Start bird-dog',
        'Glute bridges: 3 × 12–15 reps, rest 60–90 s · Start glute-bridge',
        'Light dumbbell rows: 3 × 12–15 reps per arm, rest 60–90 s · Start row',
      ],
      [
        'Goblet squats: 3 × 10–12 reps, rest 60–90 s · Start squat',
        'Romanian deadlifts (light): 3 × 10–12 reps, rest 60–90 s · Start rdl',
        'Bent-over rows: 3 × 10–12 reps per arm, rest 60–90 s · Start row',
      ],
      [
        'Glute bridge: 3–4 × 8–10 reps, rest 60–90 s · Start glute-bridge (instead of the kettlebell swing, which needs a kettlebell)',
        'Dumbbell rows: 3–4 × 8–10 reps per arm, rest 60–90 s · Start row',
        'Back extensions: 3–4 × 8–10 reps, rest 60–90 s · on your own',
      ],
      [
        'Glute bridge: 4 × 6–8 reps, rest 60–90 s · Start glute-bridge (instead of the heavier kettlebell swing, which needs a kettlebell)',
        'Superman: 4 × 6–8 reps, rest 60–90 s · Start superman (instead of the assisted pull-up, which needs a pull-up bar with a band to help, or a cable machine)',
        'Deadlifts (light): 4 × 6–8 reps, rest 60–90 s · Start deadlift',
      ],
    ]);
  });

  it('for a person with a kettlebell: the swings as written, and the lifts a kettlebell allows', () => {
    const plan = planFor(['kettlebell']);
    expect(plan[1]).toEqual([
      'Goblet squats: 3 × 10–12 reps, rest 60–90 s · Start squat',
      'Romanian deadlifts (light): 3 × 10–12 reps, rest 60–90 s · Start rdl',
      'Bent-over rows: 3 × 10–12 reps per arm, rest 60–90 s · Start row',
    ]);
    expect(plan[2]).toEqual([
      'Kettlebell swings: 3–4 × 8–10 reps, rest 60–90 s · Start kb-swing',
      'Dumbbell rows: 3–4 × 8–10 reps per arm, rest 60–90 s · Start row',
      'Back extensions: 3–4 × 8–10 reps, rest 60–90 s · on your own',
    ]);
    expect(plan[3]).toEqual([
      'Heavier kettlebell swings: 4 × 6–8 reps, rest 60–90 s · Start kb-swing',
      'Superman: 4 × 6–8 reps, rest 60–90 s · Start superman (instead of the assisted pull-up, which needs a pull-up bar with a band to help, or a cable machine)',
      'Deadlifts (light): 4 × 6–8 reps, rest 60–90 s · Start deadlift',
    ]);
  });

  it('for a person with nothing: a bodyweight move for each lift, saying what it replaces', () => {
    expect(planFor([])).toEqual([
      [
        'Bodyweight squats: 3 × 12–15 reps, rest 60–90 s · Start squat',
        'Bird-dog: 3 × 12–15 reps per side, rest 60–90 s · Start bird-dog',
        'Glute bridges: 3 × 12–15 reps, rest 60–90 s · Start glute-bridge',
        'Superman: 3 × 12–15 reps, rest 60–90 s · Start superman (instead of the light dumbbell row, which needs a dumbbell, a kettlebell, a barbell, or a band or cable)',
      ],
      [
        'Bodyweight squats: 3 × 10–12 reps, rest 60–90 s · Start squat (instead of the goblet squat, which needs a dumbbell or a kettlebell)',
        'Glute bridge: 3 × 10–12 reps, rest 60–90 s · Start glute-bridge (instead of the Romanian deadlift, which needs a dumbbell, a kettlebell, or a barbell)',
        'Superman: 3 × 10–12 reps, rest 60–90 s · Start superman (instead of the bent-over row, which needs a dumbbell, a kettlebell, a barbell, or a band or cable)',
      ],
      [
        'Glute bridge: 3–4 × 8–10 reps, rest 60–90 s · Start glute-bridge (instead of the kettlebell swing, which needs a kettlebell)',
        'Superman: 3–4 × 8–10 reps, rest 60–90 s · Start superman (instead of the dumbbell row, which needs a dumbbell, a kettlebell, a barbell, or a band or cable)',
        'Back extensions: 3–4 × 8–10 reps, rest 60–90 s · on your own',
      ],
      [
        'Glute bridge: 4 × 6–8 reps, rest 60–90 s · Start glute-bridge (instead of the heavier kettlebell swing, which needs a kettlebell)',
        'Superman: 4 × 6–8 reps, rest 60–90 s · Start superman (instead of the assisted pull-up, which needs a pull-up bar with a band to help, or a cable machine)',
        'Bird-dog: 4 × 6–8 reps per side, rest 60–90 s · Start bird-dog (instead of the deadlift, which needs a dumbbell, a kettlebell, or a barbell)',
      ],
    ]);
  });

  it('opens a coached item with the low end of the seed’s sets and reps and its longest rest', () => {
    const week3 = programmeWeek(3, ['kettlebell']);
    expect(week3.items[0]?.coached).toEqual({
      exercise: 'kb-swing',
      plan: { kind: 'reps', sets: 3, reps: 8, restSeconds: 90 },
    });
  });

  it('offers seed 000’s functional moves as extras only with their equipment', () => {
    const extras = (equipment: readonly Equipment[]) =>
      programmeWeek(1, equipment).extras.map((item) => item.name);
    expect(extras([])).toEqual(['Dead bug']);
    expect(extras(['dumbbells'])).toEqual([
      "Farmer's carry",
      'Single-arm suitcase deadlift',
      'Dead bug',
    ]);
    expect(extras(['band-or-cable'])).toEqual(['Pallof press', 'Dead bug']);
    const carry = programmeWeek(1, ['kettlebell']).extras[0] ?? fail();
    expect(doseText(carry.movement, carry.dose)).toBe('3 × 30–60 s, rest 60–90 s');
  });

  it('has, whatever the equipment, a coached item every week and no exercise twice in a week', () => {
    for (const kit of EVERY_KIT) {
      for (const week of [1, 2, 3, 4]) {
        const coached = coachedExercises(programmeWeek(week, kit));
        expect(
          coached.length,
          `${kit.join('+') || 'nothing'}, week ${String(week)}`,
        ).toBeGreaterThan(0);
        expect(new Set(coached).size).toBe(coached.length);
      }
    }
  });
});

function fail(): never {
  throw new Error('missing');
}
