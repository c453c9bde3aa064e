import type { WorkoutView } from '../../coach/workout/present';
import './scene-note.css';

interface Props {
  readonly view: WorkoutView;
}

/** Big text over the video, readable from a few metres away: the one cue, the count, the rest. */
export function StageOverlay({ view }: Props) {
  const { headline, progress, restLeft, placementProgress } = view;
  return (
    <div className="overlay" data-testid="stage-overlay">
      {headline && (
        <p
          className={`overlay__headline overlay__headline--${headline.tone}`}
          data-testid="headline"
          data-tone={headline.tone}
        >
          {headline.text}
        </p>
      )}
      {view.note && (
        <p className="overlay__note" data-testid="scene-note">
          {view.note}
        </p>
      )}
      {placementProgress !== null && (
        <progress
          className="overlay__hold"
          max={1}
          value={placementProgress}
          aria-label="Holding the start position"
        />
      )}
      <div className="overlay__bottom">
        {progress && restLeft === null && (
          <p className="overlay__count" data-testid="big-count">
            <strong>{progress.value}</strong> <span>{progress.target}</span>
          </p>
        )}
        {restLeft !== null && (
          <p className="overlay__count" data-testid="rest-timer">
            <strong>{restLeft} s</strong> <span>rest · N to skip</span>
          </p>
        )}
        {view.setLabel && <p className="overlay__set">{view.setLabel}</p>}
      </div>
    </div>
  );
}
