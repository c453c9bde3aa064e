import { HISTORY, angleName, formatChange, formatDegrees } from '../../content/history';
import type { MetricTrend } from '../../history/weekly';

const C = HISTORY.columns;

/** Each posture angle: first, latest, the change, and how many snapshots measured it. */
export function AngleTable({ trends }: { readonly trends: readonly MetricTrend[] }) {
  return (
    <table className="history-table" data-testid="history-angles">
      <thead>
        <tr>
          <th scope="col">{C.angle}</th>
          <th scope="col">{C.first}</th>
          <th scope="col">{C.latest}</th>
          <th scope="col">{C.change}</th>
          <th scope="col">{C.snapshots}</th>
        </tr>
      </thead>
      <tbody>
        {trends.map((t) => (
          <tr key={t.metric}>
            <th scope="row">{angleName(t.metric)}</th>
            <td>{formatDegrees(t.first)}</td>
            <td>{formatDegrees(t.last)}</td>
            <td>{formatChange(t.change)}</td>
            <td>{t.points.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
