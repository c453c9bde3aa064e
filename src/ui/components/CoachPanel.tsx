import type { EngineModel } from '../../pose/pose';
import { otherEngineButtonText } from '../../content/robustness';
import { OUTLINE_ENGINE_OFFER } from '../../content/undecided';
import { BUTTONS } from '../../content/workout';
import { REPLAY } from '../../content/replay';
import type { WorkoutView } from '../../coach/workout/present';
import { RangeMeter } from './RangeMeter';
import type { WorkoutState } from '../../coach/workout/workout';

interface Props {
  readonly state: WorkoutState;
  readonly view: WorkoutView;
  readonly title: string;
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onEndSet: () => void;
  readonly onSkipRest: () => void;
  readonly onNewWorkout: () => void;
  /** An engine that traces the body's outline, offered while a check needs it; else null. */
  readonly outlineEngine: EngineModel | null;
  readonly onUseEngine: (engine: EngineModel) => void;
  /** Opens a finished set's replay (by its 1-based number). */
  readonly onReplay: (set: number) => void;
  /** The set's stored replay was deleted (from its replay view). */
  readonly replayDeleted: (set: number) => boolean;
}

/**
 * Takes the focus when nothing holds it. A set's "Replay deleted" note comes in as its replay view
 * goes, with the Delete pressed in it, and the Replay button the note replaces: without this the
 * keyboard and a screen reader would start again at the top of the page. A panel drawn again later
 * (another mode and back) finds the focus held, and leaves it where it is.
 */
function focusIfDropped(element: HTMLElement | null): void {
  const focused = document.activeElement;
  if (element !== null && (focused === null || focused === document.body)) element.focus();
}

/** The running workout in the side panel: set, counters, controls and the summaries. */
export function CoachPanel({ state, view, title, outlineEngine, replayDeleted, ...on }: Props) {
  const phase = state.phase;
  return (
    <section
      className="card coach"
      data-testid="coach-panel"
      data-phase={phase}
      aria-label="Workout"
    >
      <h2 className="card__title">
        {title} <span data-testid="set-label">{view.setLabel}</span>
      </h2>
      {view.counters.length > 0 && (
        <dl className="coach__counters">
          {view.counters.map((counter) => (
            <div key={counter.id}>
              <dt>{counter.label}</dt>
              <dd data-testid={`count-${counter.id}`}>{counter.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.rangeMeter && <RangeMeter meter={view.rangeMeter} />}
      {view.lastTempo !== null && (
        <p className="coach__tempo" data-testid="last-tempo">
          Last rep: {view.lastTempo}
        </p>
      )}
      {view.lastRepMeasures !== null && (
        <p className="coach__tempo" data-testid="last-rep-measures">
          Last rep: {view.lastRepMeasures}
        </p>
      )}
      <p
        className="coach__cue"
        data-testid="cue"
        aria-live="polite"
        data-fault={view.cue?.fault ?? ''}
      >
        {view.cue?.text ?? ''}
      </p>
      {view.backCheck !== null && (
        <p className="coach__back" data-testid="back-check">
          {view.backCheck}
        </p>
      )}
      {outlineEngine && (
        <div className="coach__offer" data-testid="outline-engine-offer">
          <p>{OUTLINE_ENGINE_OFFER}</p>
          <button
            type="button"
            className="button button--small"
            data-testid="use-outline-engine"
            onClick={() => {
              on.onUseEngine(outlineEngine);
            }}
          >
            {otherEngineButtonText(outlineEngine)}
          </button>
        </div>
      )}
      <div className="coach__buttons">
        {(phase === 'placing' || phase === 'counting') && (
          <button type="button" className="button" data-testid="pause-button" onClick={on.onPause}>
            {BUTTONS.pause} <small>Space</small>
          </button>
        )}
        {phase === 'paused' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="resume-button"
            onClick={on.onResume}
          >
            {BUTTONS.resume} <small>Space</small>
          </button>
        )}
        {(phase === 'placing' || phase === 'counting' || phase === 'paused') && (
          <button
            type="button"
            className="button"
            data-testid="end-set-button"
            onClick={on.onEndSet}
          >
            {BUTTONS.endSet} <small>E</small>
          </button>
        )}
        {phase === 'resting' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="skip-rest-button"
            onClick={on.onSkipRest}
          >
            {BUTTONS.skipRest} <small>N</small>
          </button>
        )}
        {(phase === 'finished' || phase === 'resting' || phase === 'paused') && (
          <button
            type="button"
            className="button"
            data-testid="new-workout-button"
            onClick={on.onNewWorkout}
          >
            {BUTTONS.newWorkout}
          </button>
        )}
      </div>
      {state.sets.length > 0 && (
        <div className="coach__summary" data-testid="set-summary">
          <h3>{phase === 'finished' ? 'Workout summary' : 'Sets done'}</h3>
          <ol>
            {view.setLines.map((line) => (
              <li key={line.set} data-testid={`summary-set-${line.set}`}>
                {line.text}
                {replayDeleted(line.set) ? (
                  <span
                    className="coach__replay"
                    role="status"
                    tabIndex={-1}
                    ref={focusIfDropped}
                    data-testid={`replay-deleted-${line.set}`}
                  >
                    {REPLAY.deleted}
                  </span>
                ) : (
                  state.sets.some((set) => set.set === line.set && set.replay !== null) && (
                    <button
                      type="button"
                      className="button button--small coach__replay"
                      data-testid={`replay-set-${line.set}`}
                      aria-label={REPLAY.openSet(line.set)}
                      onClick={() => {
                        on.onReplay(line.set);
                      }}
                    >
                      {REPLAY.open}
                    </button>
                  )
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
