import { useState } from 'react';
import type { ExerciseId } from '../../pose/exercises/types';
import { EXERCISE_CONTENT } from '../../content/exercises';
import {
  FOCUS_WORDING,
  PLAN_WORDS,
  TODAY_WORDS,
  ITEM_WORDS,
  nextSessionText,
  postureResetText,
  runHeading,
  runOutcomeText,
  weekHeading,
  weekProgressText,
} from '../../content/plan';
import { SAFETY } from '../../content/workout';
import { usePlan, type PlanActions } from '../hooks/usePlan';
import type { StorageState } from '../hooks/useStorage';
import type { Equipment } from '../../storage';
import type { PlanData } from '../../coach/programme/plan-store';
import { POSTURE_RESET } from '../../coach/programme/programme';
import { dayOfWeekRun, type Today } from '../../coach/programme/schedule';
import type { SetPlan } from '../../coach/workout/plan';
import { PlanChecklist } from './PlanChecklist';
import { EquipmentPicker } from './EquipmentPicker';
import { PlanItemList, type StartExercise } from './PlanItemList';
import { PlanOverview } from './PlanOverview';
import './plan.css';

/** Start, with the programme week the exercise belongs to (saved with the workout). */
type StartPlannedExercise = (exercise: ExerciseId, plan: SetPlan, programmeWeek: number) => void;

interface Props {
  readonly storage: StorageState;
  /** What the person trains with (a setting); the plan follows it. */
  readonly equipment: readonly Equipment[];
  readonly onEquipmentChange: (equipment: readonly Equipment[]) => void;
  /** Opens the Workout tab with this exercise and set plan selected. */
  readonly onStartExercise: StartPlannedExercise;
}

/** The equipment question, the 4-week programme, today's session and the weekly checklist. */
export function PlanScreen({ storage, equipment, onEquipmentChange, onStartExercise }: Props) {
  const { state, actionError, actions } = usePlan(storage, equipment);
  return (
    <main className="screen plan" data-testid="plan-screen" aria-busy={state.status === 'loading'}>
      <h2>{PLAN_WORDS.title}</h2>
      {actionError && (
        <p className="plan__error" role="alert" data-testid="plan-error">
          {actionError}
        </p>
      )}
      {state.status === 'loading' && <p>{PLAN_WORDS.loading}</p>}
      {state.status === 'error' && (
        <p className="plan__error" role="alert" data-testid="plan-error">
          {state.message}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          {state.data.corrupt.map((report) => (
            <p key={`${report.store}:${report.key}`} className="plan__error" role="alert">
              {report.error.message}
            </p>
          ))}
          <div className="plan__columns">
            <div className="plan__main">
              <EquipmentPicker equipment={equipment} onChange={onEquipmentChange} />
              <Programme
                data={state.data}
                equipment={equipment}
                actions={actions}
                onStartExercise={onStartExercise}
              />
            </div>
            <PlanChecklist
              weekStart={state.data.weekStart}
              entries={state.data.checklist}
              onTick={actions.tick}
            />
          </div>
        </>
      )}
    </main>
  );
}

interface ProgrammeProps {
  readonly data: PlanData;
  readonly equipment: readonly Equipment[];
  readonly actions: PlanActions;
  readonly onStartExercise: StartPlannedExercise;
}

function Programme({ data, equipment, actions, onStartExercise }: ProgrammeProps) {
  const [confirming, setConfirming] = useState<'stop' | 'restart' | null>(null);
  const programme = data.programme;
  if (!programme) {
    return (
      <section className="card plan__programme" data-testid="plan-intro">
        <p>{PLAN_WORDS.intro}</p>
        <ul>
          {PLAN_WORDS.rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <button
          type="button"
          className="button button--primary button--big"
          data-testid="plan-start"
          onClick={actions.start}
        >
          {PLAN_WORDS.start}
        </button>
        <PlanOverview equipment={equipment} current={null} />
      </section>
    );
  }
  const { progress, today, week } = programme;
  const run = progress.runs.at(-1);
  return (
    <section className="card plan__programme" data-testid="plan-programme">
      <h3 className="card__title" data-testid="plan-week">
        {weekHeading(week.week, week.focus)}
      </h3>
      <p className="plan__about">{FOCUS_WORDING[week.focus].about}</p>
      {progress.status === 'running' && run && (
        <p className="plan__progress">{weekProgressText(run, dayOfWeekRun(run, data.today))}</p>
      )}
      <TodayPanel
        today={today}
        actions={actions}
        onStartExercise={(exercise, plan) => {
          onStartExercise(exercise, plan, progress.week);
        }}
      />
      <PlanOverview equipment={equipment} current={week.week} />
      <h4>{PLAN_WORDS.weeksTitle}</h4>
      <ol className="plan__runs" data-testid="plan-runs">
        {progress.runs.map((r) => (
          <li key={r.start} data-outcome={r.outcome ?? 'current'}>
            <strong>{runHeading(r)}</strong>: {runOutcomeText(r)}
          </li>
        ))}
      </ol>
      {confirming ? (
        <div className="plan__confirm" role="group">
          <span>{confirming === 'stop' ? PLAN_WORDS.confirmStop : PLAN_WORDS.confirmRestart}</span>
          <button
            type="button"
            className="button button--small"
            data-testid="plan-confirm"
            onClick={() => {
              setConfirming(null);
              if (confirming === 'stop') actions.stop();
              else actions.start();
            }}
          >
            {PLAN_WORDS.confirmYes}
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setConfirming(null);
            }}
          >
            {PLAN_WORDS.confirmNo}
          </button>
        </div>
      ) : (
        <div className="plan__actions">
          {progress.status === 'running' && (
            <button
              type="button"
              className="button button--small"
              data-testid="plan-pause"
              onClick={() => {
                actions.event('pause');
              }}
            >
              {PLAN_WORDS.pause}
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            data-testid="plan-restart"
            onClick={() => {
              setConfirming('restart');
            }}
          >
            {PLAN_WORDS.restart}
          </button>
          <button
            type="button"
            className="button button--small"
            data-testid="plan-stop"
            onClick={() => {
              setConfirming('stop');
            }}
          >
            {PLAN_WORDS.stop}
          </button>
        </div>
      )}
    </section>
  );
}

interface TodayProps {
  readonly today: Today;
  readonly actions: PlanActions;
  readonly onStartExercise: StartExercise;
}

function TodayPanel({ today, actions, onStartExercise }: TodayProps) {
  const resume = (label: string) => (
    <button
      type="button"
      className="button button--primary"
      data-testid="plan-resume"
      onClick={() => {
        actions.event('resume');
      }}
    >
      {label}
    </button>
  );
  switch (today.kind) {
    case 'due':
    case 'done':
      return (
        <div className="plan__today" data-testid="plan-today" data-kind={today.kind}>
          <h4>{TODAY_WORDS.due}</h4>
          <p>{today.kind === 'due' ? TODAY_WORDS.dueHint : TODAY_WORDS.done}</p>
          <PlanItemList
            items={today.plan.items}
            done={today.doneToday}
            onStartExercise={onStartExercise}
          />
          {today.plan.extras.length > 0 && (
            <div className="plan__extras" data-testid="plan-extras">
              <h4>{ITEM_WORDS.extrasTitle}</h4>
              <p>{ITEM_WORDS.extrasHint}</p>
              <PlanItemList
                items={today.plan.extras}
                done={today.doneToday}
                onStartExercise={onStartExercise}
              />
            </div>
          )}
        </div>
      );
    case 'rest':
      return (
        <div className="plan__today" data-testid="plan-today" data-kind="rest">
          <h4>{TODAY_WORDS.restTitle}</h4>
          <p>
            {today.reason === 'after-session' ? TODAY_WORDS.afterSession : TODAY_WORDS.weekComplete}{' '}
            {nextSessionText(today.nextSessionOn)}
          </p>
          <p>{TODAY_WORDS.recovery}</p>
          <PostureReset onStartExercise={onStartExercise} />
        </div>
      );
    case 'paused':
      return (
        <div className="plan__today" data-testid="plan-today" data-kind="paused">
          <h4>{TODAY_WORDS.pausedTitle}</h4>
          <p>{TODAY_WORDS.paused}</p>
          {resume(PLAN_WORDS.resume)}
        </div>
      );
    case 'pain':
      return (
        <div className="plan__today plan__today--pain" data-testid="plan-today" data-kind="pain">
          <h4>{TODAY_WORDS.painTitle}</h4>
          {SAFETY.advice.map((line) => (
            <p key={line}>{line}</p>
          ))}
          {resume(PLAN_WORDS.resumeAfterPain)}
        </div>
      );
    case 'complete':
      return (
        <div className="plan__today" data-testid="plan-today" data-kind="complete">
          <h4>{TODAY_WORDS.completeTitle}</h4>
          <p>{TODAY_WORDS.complete}</p>
        </div>
      );
  }
}

/** The rest day's optional posture reset, with its Start button. */
function PostureReset({ onStartExercise }: { readonly onStartExercise: StartExercise }) {
  const { exercise, plan } = POSTURE_RESET;
  return (
    <ul className="plan__exercises">
      <li className="plan__exercise" data-testid={`plan-exercise-${exercise}`}>
        <span className="plan__exercise-name">{EXERCISE_CONTENT[exercise].title}</span>
        <span className="plan__exercise-plan">{postureResetText(plan.holdSeconds)}</span>
        <span className="plan__done" />
        <button
          type="button"
          className="button button--small button--primary"
          data-testid={`plan-start-${exercise}`}
          onClick={() => {
            onStartExercise(exercise, plan);
          }}
        >
          {PLAN_WORDS.startExercise}
        </button>
      </li>
    </ul>
  );
}
