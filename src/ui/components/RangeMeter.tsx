import type { WorkoutView } from '../../coach/workout/present';

interface Props {
  readonly meter: NonNullable<WorkoutView['rangeMeter']>;
}

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

/**
 * The rep signal now as a vertical bar filling as the person lifts, the target line marked, so the
 * rep is seen to fill up between cues. The shares come from the worker's reading (src/coach/measures).
 */
export function RangeMeter({ meter }: Props) {
  return (
    <div
      className="range-meter"
      data-testid="range-meter"
      data-fill={meter.fill.toFixed(3)}
      data-reached={meter.reached ? 'yes' : 'no'}
      role="meter"
      aria-label="Range of motion"
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={meter.fill}
      aria-valuetext={`${meter.valueText}, target ${meter.targetText}`}
    >
      <div className="range-meter__bar">
        <div
          className={`range-meter__fill${meter.reached ? ' range-meter__fill--reached' : ''}`}
          style={{ height: percent(meter.fill) }}
        />
        <div className="range-meter__line" style={{ bottom: percent(meter.targetAt) }} />
        <div
          className="range-meter__line range-meter__line--rest"
          style={{ bottom: percent(meter.restAt) }}
        />
      </div>
      <p className="range-meter__text">
        <span data-testid="range-value">{meter.valueText}</span>
        <small>target {meter.targetText}</small>
      </p>
    </div>
  );
}
