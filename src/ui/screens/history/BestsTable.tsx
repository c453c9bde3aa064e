import type { Best, PersonalBests } from '../../../storage';
import { HISTORY, exerciseName, formatSeconds } from '../../../content/history';

const C = HISTORY.columns;

function bestText(best: Best | null, value: (n: number) => string): string {
  return best === null ? HISTORY.none : HISTORY.bestOn(value(best.value), best.at);
}

/** Each exercise's bests and when they were set. */
export function BestsTable({ bests }: { readonly bests: readonly PersonalBests[] }) {
  return (
    <table className="history-table" data-testid="history-bests">
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
            <td>{bestText(b.mostRepsInSet, String)}</td>
            <td>{bestText(b.mostCleanRepsInSet, String)}</td>
            <td>{bestText(b.longestHoldSeconds, formatSeconds)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
