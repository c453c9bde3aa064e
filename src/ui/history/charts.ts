/**
 * Chart.js configurations for the History screen, built from the pure weekly and posture numbers.
 * Pure (types only from Chart.js): `useChart` draws them.
 */
import type { ChartConfiguration, ChartDataset, LegendItem } from 'chart.js';
import { CHART, formatShortDateTime, measureLabel, weekLabel } from '../../content/history';
import type { MetricTrend, WeekTotals } from '../../coach/history/weekly';

/** The app's accent, ok and warning colours (app.css), and a few more for extra posture lines. */
const COLOURS = {
  good: '#2b8a3e',
  fault: '#e67700',
  hold: '#0b7285',
  share: '#1c2430',
  lines: ['#0b7285', '#c2255c', '#5f3dc4', '#e67700', '#2b8a3e', '#1971c2', '#862e9c', '#5c940d'],
} as const;

const PERCENT = 100;

/** Weeks charted: half a year keeps one bar per week readable on a laptop-wide chart. */
export const CHART_WEEKS = 26;

/** Chart.js draws lower `order` on top: the share line over the bars. */
const LINE_ORDER = 0;
const BARS_ORDER = 1;

export type HistoryChartConfig = ChartConfiguration<'bar' | 'line', (number | null)[], string>;

/** Shared by every chart: no animation (it would print half-drawn) and a fixed-height box. */
const BASE_OPTIONS = {
  animation: false,
  responsive: true,
  maintainAspectRatio: false,
  // The legend in dataset order (Chart.js would sort it by drawing order).
  plugins: {
    legend: {
      labels: {
        sort: (a: LegendItem, b: LegendItem) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
      },
    },
  },
} as const;

function percent(share: number | null): number | null {
  return share === null ? null : Math.round(share * PERCENT);
}

/**
 * One exercise's weeks: stacked bars of good reps and reps with a fault (or good-form seconds
 * for a hold), and its good-form share as a line on its own 0-100 axis.
 */
export function exerciseChart(weeks: readonly WeekTotals[]): HistoryChartConfig {
  const hasReps = weeks.some((week) => week.reps > 0);
  const bars: ChartDataset<'bar', (number | null)[]>[] = hasReps
    ? [
        {
          type: 'bar',
          label: CHART.goodReps,
          data: weeks.map((w) => w.cleanReps),
          backgroundColor: COLOURS.good,
          stack: 'reps',
          yAxisID: 'y',
          order: BARS_ORDER,
        },
        {
          type: 'bar',
          label: CHART.faultedReps,
          data: weeks.map((w) => w.reps - w.cleanReps),
          backgroundColor: COLOURS.fault,
          stack: 'reps',
          yAxisID: 'y',
          order: BARS_ORDER,
        },
      ]
    : [
        {
          type: 'bar',
          label: CHART.holdSeconds,
          data: weeks.map((w) => Math.round(w.holdSeconds)),
          backgroundColor: COLOURS.hold,
          yAxisID: 'y',
          order: BARS_ORDER,
        },
      ];
  const share: ChartDataset<'line', (number | null)[]> = {
    type: 'line',
    label: CHART.share,
    data: weeks.map((w) => percent(w.goodFormShare)),
    borderColor: COLOURS.share,
    backgroundColor: COLOURS.share,
    yAxisID: 'share',
    spanGaps: true,
    order: LINE_ORDER,
  };
  return {
    type: 'bar',
    data: { labels: weeks.map((w) => weekLabel(w.weekStart)), datasets: [...bars, share] },
    options: {
      ...BASE_OPTIONS,
      scales: {
        x: { stacked: true },
        y: {
          stacked: true,
          beginAtZero: true,
          title: { display: true, text: hasReps ? CHART.repsAxis : CHART.secondsAxis },
        },
        share: {
          position: 'right',
          min: 0,
          max: PERCENT,
          grid: { drawOnChartArea: false },
          title: { display: true, text: CHART.shareAxis },
        },
      },
    },
  };
}

/** Every posture measure as a line over the snapshots that took it, each in its own unit. */
export function postureChart(trends: readonly MetricTrend[]): HistoryChartConfig {
  const times = [...new Set(trends.flatMap((t) => t.points.map((p) => p.takenAt)))].sort();
  const datasets: ChartDataset<'line', (number | null)[]>[] = trends.map((trend, index) => {
    const byTime = new Map(trend.points.map((p) => [p.takenAt, p.value]));
    const colour = COLOURS.lines[index % COLOURS.lines.length];
    return {
      type: 'line',
      label: measureLabel(trend.metric),
      data: times.map((time) => byTime.get(time) ?? null),
      borderColor: colour,
      backgroundColor: colour,
      spanGaps: true,
    };
  });
  return {
    type: 'line',
    data: { labels: times.map(formatShortDateTime), datasets },
    options: {
      ...BASE_OPTIONS,
      scales: { y: { title: { display: true, text: CHART.postureAxis } } },
    },
  };
}
