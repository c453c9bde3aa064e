import { useRef } from 'react';
import type { HistoryChartConfig } from '../../history/charts';
import { useChart } from '../../hooks/useChart';

/** One chart; `config` must keep its identity between renders (memoise it) or it is redrawn. */
export function HistoryChart({
  config,
  label,
  testId,
}: {
  readonly config: HistoryChartConfig;
  readonly label: string;
  readonly testId: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useChart(canvasRef, config);
  return (
    <div className="history-chart">
      <canvas ref={canvasRef} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
