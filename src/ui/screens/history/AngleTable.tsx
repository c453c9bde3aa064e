import { HISTORY } from '../../../content/history';
import { MEASURE_WORDING, formatChange, formatMeasure } from '../../../content/posture-check';
import type { MetricTrend } from '../../../coach/history/weekly';

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
            <th scope="row">{MEASURE_WORDING[t.metric].name}</th>
            <td>{formatMeasure(t.metric, t.first)}</td>
            <td>{formatMeasure(t.metric, t.last)}</td>
            <td>{formatChange(t.metric, t.change)}</td>
            <td>{t.points.length}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
