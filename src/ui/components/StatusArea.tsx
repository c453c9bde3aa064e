import type { EngineModel } from '../../pose/pose';
import { otherEngineButtonText } from '../../content/robustness';
import { RESTART_ENGINE, percent } from '../../content/messages';
import type { Status } from '../../coach/status';

interface Props {
  readonly status: Status;
  readonly onRestartEngine: () => void;
  /** Switches engine without a reload; the button shows when the status offers another engine. */
  readonly onUseEngine?: (engine: EngineModel) => void;
}

/** The one place where the page says what is going on and what to do next. */
export function StatusArea({ status, onRestartEngine, onUseEngine }: Props) {
  const other = status.otherEngine;
  return (
    <div
      className={`status status--${status.tone}`}
      data-testid="status"
      data-tone={status.tone}
      role={status.tone === 'error' ? 'alert' : 'status'}
    >
      <p className="status__text">{status.text}</p>
      {status.next && <p className="status__next">{status.next}</p>}
      {status.progress !== undefined && (
        <div className="status__progress">
          <progress max={1} value={status.progress} aria-label="Loading the pose engine" />
          <span data-testid="load-progress">{percent(status.progress)}</span>
        </div>
      )}
      {other && onUseEngine && (
        <button
          type="button"
          className="button button--small"
          data-testid="use-other-engine"
          onClick={() => {
            onUseEngine(other);
          }}
        >
          {otherEngineButtonText(other)}
        </button>
      )}
      {status.canRestartEngine && (
        <button type="button" className="button button--small" onClick={onRestartEngine}>
          {RESTART_ENGINE}
        </button>
      )}
    </div>
  );
}
