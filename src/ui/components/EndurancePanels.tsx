import type { EnduranceTestId } from '../../coach/endurance/battery';
import {
  BATTERY_REST_SECONDS,
  ENDURANCE_TESTS,
  MCGILL_1999_MEAN_SECONDS,
  ratiosOf,
} from '../../coach/endurance/battery';
import type { EnduranceResult } from '../../coach/endurance/run';
import { currentTest } from '../../coach/endurance/run';
import {
  ENDURANCE,
  TEST_NAMES,
  TEST_SETUP,
  normText,
  ratioText,
  stopReason,
} from '../../content/endurance';
import type { EnduranceControls } from '../hooks/useEndurance';

/** The entry on the workout screen: the whole battery, or one of its tests. */
export function EnduranceEntry({
  onStart,
  disabled,
}: {
  readonly onStart: (tests: readonly EnduranceTestId[]) => void;
  readonly disabled: boolean;
}) {
  return (
    <section className="card endurance" data-testid="endurance-entry" aria-label={ENDURANCE.title}>
      <h2 className="card__title">{ENDURANCE.title}</h2>
      <p>{ENDURANCE.intro}</p>
      <button
        type="button"
        className="button"
        data-testid="endurance-run-all"
        disabled={disabled}
        onClick={() => {
          onStart(ENDURANCE_TESTS);
        }}
      >
        {ENDURANCE.runAll}
      </button>
      <p className="endurance__one">{ENDURANCE.runOne}</p>
      <div className="endurance__tests">
        {ENDURANCE_TESTS.map((test) => (
          <button
            key={test}
            type="button"
            className="button button--small"
            data-testid={`endurance-run-${test}`}
            disabled={disabled}
            onClick={() => {
              onStart([test]);
            }}
          >
            {TEST_NAMES[test]}
          </button>
        ))}
      </div>
    </section>
  );
}

function ResultList({ results }: { readonly results: readonly EnduranceResult[] }) {
  const times = Object.fromEntries(results.map((r) => [r.test, r.heldSeconds]));
  const ratios = ratiosOf(times);
  return (
    <>
      <h3>{ENDURANCE.resultsTitle}</h3>
      <ul className="endurance__results" data-testid="endurance-results">
        {results.map((result) => (
          <li key={result.test} data-testid={`endurance-result-${result.test}`}>
            <strong>{TEST_NAMES[result.test]}</strong>: {ENDURANCE.held(result.heldSeconds)} —{' '}
            {ENDURANCE.stoppedBecause(stopReason(result.test, result.stop))}{' '}
            <small>({normText(MCGILL_1999_MEAN_SECONDS[result.test])})</small>
          </li>
        ))}
      </ul>
      {ratios.length > 0 && (
        <>
          <h3>{ENDURANCE.ratiosTitle}</h3>
          <ul data-testid="endurance-ratios">
            {ratios.map((ratio) => (
              <li key={ratio.id}>{ratioText(ratio)}</li>
            ))}
          </ul>
        </>
      )}
      <p className="endurance__note" data-testid="endurance-note">
        {ENDURANCE.compareNote}
      </p>
    </>
  );
}

/** The battery under way: the test, its timer and why it stopped, the rest, the results. */
export function EndurancePanel({ endurance }: { readonly endurance: EnduranceControls }) {
  const { run } = endurance;
  const hold = run.hold;
  const test = currentTest(run);
  const restLeft =
    run.phase === 'resting' && run.restEndsAtMs !== null
      ? Math.min(
          BATTERY_REST_SECONDS,
          Math.max(0, Math.ceil((run.restEndsAtMs - endurance.nowMs) / 1000)),
        )
      : null;
  const last = run.results.at(-1);
  return (
    <section
      className="card endurance"
      data-testid="endurance-panel"
      data-phase={run.phase}
      data-hold={hold.phase}
      aria-label={ENDURANCE.title}
    >
      <h2 className="card__title">
        {ENDURANCE.title}
        {test !== null && (
          <>
            {' '}
            <span data-testid="endurance-test">
              {run.index + 1}/{run.tests.length}: {TEST_NAMES[test]}
            </span>
          </>
        )}
      </h2>
      {run.phase === 'testing' && test !== null && (
        <>
          <p>{TEST_SETUP[test]}</p>
          <p className="endurance__status" aria-live="polite" data-testid="endurance-status">
            {hold.phase === 'waiting'
              ? hold.wrongSide
                ? ENDURANCE.wrongSide
                : ENDURANCE.waiting
              : ENDURANCE.holding}
          </p>
          <p className="endurance__timer" data-testid="endurance-held">
            {ENDURANCE.held(hold.heldMs / 1000)}
          </p>
        </>
      )}
      {run.phase !== 'testing' && last !== undefined && (
        <p className="endurance__stopped" role="status" data-testid="endurance-stopped">
          {TEST_NAMES[last.test]}: {ENDURANCE.held(last.heldSeconds)}.{' '}
          {ENDURANCE.stoppedBecause(stopReason(last.test, last.stop))}
        </p>
      )}
      {restLeft !== null && test !== null && (
        <>
          <p data-testid="endurance-rest">
            {ENDURANCE.rest(restLeft)} {ENDURANCE.nextUp(TEST_NAMES[test])}
          </p>
          <button type="button" className="button" onClick={endurance.skipRest}>
            {ENDURANCE.skipRest}
          </button>
        </>
      )}
      {run.phase === 'done' && <p data-testid="endurance-done">{ENDURANCE.done}</p>}
      {endurance.saveError !== null && (
        <p className="history-notice history-notice--error" role="alert">
          {endurance.saveError}
        </p>
      )}
      {run.results.length > 0 && <ResultList results={run.results} />}
      <button
        type="button"
        className="button"
        data-testid="endurance-close"
        onClick={endurance.stop}
      >
        {run.phase === 'done' ? ENDURANCE.close : ENDURANCE.stop}
      </button>
    </section>
  );
}
