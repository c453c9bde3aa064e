import type { ExerciseId } from '../../pose/exercises/types';
import { ITEM_WORDS, PLAN_WORDS, doseText, insteadOfText } from '../../content/plan';
import type { PlanItem } from '../../coach/programme/programme';
import type { SetPlan } from '../../coach/workout/plan';

export type StartExercise = (exercise: ExerciseId, plan: SetPlan) => void;

interface Props {
  readonly items: readonly PlanItem[];
  /** Exercises already done today. */
  readonly done: ReadonlySet<ExerciseId>;
  readonly onStartExercise: StartExercise;
}

/**
 * A week's items as the seed gives them: Start for those the camera coaches, "On your own" for the
 * rest, and under a bodyweight substitute what it replaces and why.
 */
export function PlanItemList({ items, done, onStartExercise }: Props) {
  return (
    <ul className="plan__exercises">
      {items.map((item) => (
        <li
          key={item.movement}
          className="plan__exercise"
          data-testid={`plan-item-${item.movement}`}
          data-coached={item.coached ? 'yes' : 'no'}
        >
          <span className="plan__exercise-name">{item.name}</span>
          <span className="plan__exercise-plan">{doseText(item.movement, item.dose)}</span>
          {/* Always there, so the Start buttons line up in their column. */}
          <span className="plan__done">
            {item.coached && done.has(item.coached.exercise) ? PLAN_WORDS.doneToday : ''}
          </span>
          {item.coached ? (
            <button
              type="button"
              className="button button--small button--primary"
              data-testid={`plan-start-${item.coached.exercise}`}
              onClick={() => {
                if (item.coached) onStartExercise(item.coached.exercise, item.coached.plan);
              }}
            >
              {PLAN_WORDS.startExercise}
            </button>
          ) : (
            <span className="plan__own" title={ITEM_WORDS.onYourOwnHint}>
              {ITEM_WORDS.onYourOwn}
            </span>
          )}
          {item.replaces && (
            <small className="plan__instead" data-testid={`plan-instead-${item.movement}`}>
              — {insteadOfText(item.replaces)}
            </small>
          )}
          {!item.coached && <small className="plan__instead">{ITEM_WORDS.onYourOwnHint}</small>}
        </li>
      ))}
    </ul>
  );
}
