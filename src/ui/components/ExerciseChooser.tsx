import { memo } from 'react';
import type { ExerciseFacts, ExerciseId, Strictness } from '../../pose/exercises/types';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { NO_EXERCISES, STRICTNESS_LABELS, planText, repsLabel } from '../../content/workout';
import { repsCountedPer } from '../../coach/workout/workout';
import {
  MAX_HOLD_SECONDS,
  MAX_REPS,
  MAX_SETS,
  MIN_HOLD_SECONDS,
  MIN_REPS,
  MIN_SETS,
  REST_CHOICES_SECONDS,
  toHoldPlan,
  toRepsPlan,
} from '../../coach/workout/plan';
import type { SetPlan } from '../../coach/workout/plan';

interface Props {
  readonly exercises: readonly ExerciseFacts[];
  readonly selected: ExerciseFacts | null;
  readonly onSelect: (id: ExerciseId) => void;
  readonly plan: SetPlan | null;
  readonly onPlan: (plan: SetPlan) => void;
  readonly strictness: Strictness;
  readonly onStrictness: (strictness: Strictness) => void;
}

/**
 * Every registered exercise, how to do it, its common mistakes, and the plan for the sets.
 * Memoised, as its inputs would otherwise be set again on every analysed frame while the camera
 * runs (PrivacyViewSwitch says why).
 */
export const ExerciseChooser = memo(function ExerciseChooser(props: Props) {
  const { exercises, selected, onSelect, plan, onPlan, strictness, onStrictness } = props;
  if (exercises.length === 0) {
    return (
      <p className="card card--muted" data-testid="no-exercises">
        {NO_EXERCISES}
      </p>
    );
  }
  const content = selected ? EXERCISE_CONTENT[selected.id] : null;
  const number = (value: string): number => Number.parseInt(value, 10);
  return (
    <section className="card chooser" aria-label="Choose an exercise">
      <h2 className="card__title">Exercise</h2>
      <div className="chooser__list" role="radiogroup" aria-label="Exercise">
        {exercises.map((exercise) => (
          <label key={exercise.id} className="chooser__item">
            <input
              type="radio"
              name="exercise"
              value={exercise.id}
              data-testid={`exercise-${exercise.id}`}
              checked={selected?.id === exercise.id}
              onChange={() => {
                onSelect(exercise.id);
              }}
            />
            <span>{EXERCISE_CONTENT[exercise.id].title}</span>
          </label>
        ))}
      </div>
      {selected && content && (
        <div className="chooser__details" data-testid="exercise-details">
          <p className="chooser__purpose">{content.purpose}</p>
          <p className="chooser__camera">Camera: {content.camera}</p>
          <details open>
            <summary>How to do it</summary>
            <ol>
              {content.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </details>
          <details>
            <summary>Common mistakes</summary>
            <ul>
              {content.mistakes.map((mistake) => (
                <li key={mistake}>{mistake}</li>
              ))}
            </ul>
          </details>
        </div>
      )}
      {plan && selected && (
        <fieldset className="chooser__plan">
          <legend>Plan: {planText(plan, repsCountedPer(selected))}</legend>
          <label>
            Sets
            <input
              type="number"
              data-testid="plan-sets"
              min={MIN_SETS}
              max={MAX_SETS}
              value={plan.sets}
              onChange={(event) => {
                const sets = number(event.target.value);
                onPlan(
                  plan.kind === 'reps'
                    ? toRepsPlan({ ...plan, sets })
                    : toHoldPlan({ ...plan, sets }),
                );
              }}
            />
          </label>
          {plan.kind === 'reps' ? (
            <label>
              {repsLabel(repsCountedPer(selected))}
              <input
                type="number"
                data-testid="plan-reps"
                min={MIN_REPS}
                max={MAX_REPS}
                value={plan.reps}
                onChange={(event) => {
                  onPlan(toRepsPlan({ ...plan, reps: number(event.target.value) }));
                }}
              />
            </label>
          ) : (
            <label>
              Hold (s)
              <input
                type="number"
                data-testid="plan-hold"
                min={MIN_HOLD_SECONDS}
                max={MAX_HOLD_SECONDS}
                step={5}
                value={plan.holdSeconds}
                onChange={(event) => {
                  onPlan(toHoldPlan({ ...plan, holdSeconds: number(event.target.value) }));
                }}
              />
            </label>
          )}
          <label>
            Rest
            <select
              data-testid="plan-rest"
              value={plan.restSeconds}
              onChange={(event) => {
                const restSeconds = number(event.target.value);
                onPlan(
                  plan.kind === 'reps'
                    ? toRepsPlan({ ...plan, restSeconds })
                    : toHoldPlan({ ...plan, restSeconds }),
                );
              }}
            >
              {REST_CHOICES_SECONDS.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds} s
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      )}
      <fieldset className="chooser__strictness">
        <legend>Strictness</legend>
        {(['beginner', 'advanced'] as const).map((level) => (
          <label key={level}>
            <input
              type="radio"
              name="strictness"
              value={level}
              data-testid={`strictness-${level}`}
              checked={strictness === level}
              onChange={() => {
                onStrictness(level);
              }}
            />
            {STRICTNESS_LABELS[level].label} <small>({STRICTNESS_LABELS[level].hint})</small>
          </label>
        ))}
      </fieldset>
    </section>
  );
});
