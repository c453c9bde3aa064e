import type { Best, PersonalBests } from '../../../storage';
import { HISTORY, exerciseName, formatSeconds } from '../../content/history';

const C = HISTORY.columns;

function bestText(best: Best | null, value: (n: number) => string): string {
  return best === null ? HISTORY.none : HISTORY.bestOn(value(best.value), best.at);
}

/** Each exercise's bests and when they were set; `compact` leaves out the dates (the report). */
export function BestsTable({
  bests,
  compact = false,
  testId,
}: {
  readonly bests: readonly PersonalBests[];
  readonly compact?: boolean;
  readonly testId: string;
}) {
  const show = (best: Best | null, value: (n: number) => string): string =>
    compact ? (best === null ? HISTORY.none : value(best.value)) : bestText(best, value);
  return (
    <table className="history-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{C.exercise}</th>
          <th scope="col">{C.mostReps}</th>
          <th scope="col">{C.mostClean}</th>
          <th scope="col">{C.longestHold}</th>
        </tr>
      </thead>
      <tbody>
        {bests.map((b) => (
          <tr key={b.exercise}>
            <th scope="row">{exerciseName(b.exercise)}</th>
            <td>{show(b.mostRepsInSet, String)}</td>
            <td>{show(b.mostCleanRepsInSet, String)}</td>
            <td>{show(b.longestHoldSeconds, formatSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
