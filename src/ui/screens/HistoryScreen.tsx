import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import { computePersonalBests, type PlumblineExport } from '../../storage';
import { CHART, HISTORY, REPORT, exerciseName } from '../../content/history';
import { CHART_WEEKS, exerciseChart, postureChart } from '../history/charts';
import { enduranceWeeks } from '../../coach/endurance/trend';
import { buildReport } from '../../coach/history/report';
import { ENDURANCE } from '../../content/endurance';
import { summariseNewestFirst } from '../../coach/history/summary';
import { angleTrends, weeklyByExercise } from '../../coach/history/weekly';
import { useHistory } from '../hooks/useHistory';
import { useStoredReplays, type StoredReplays } from '../hooks/useStoredReplays';
import { ReplayView } from '../components/ReplayView';
import { REPLAY } from '../../content/replay';
import type { StorageState } from '../hooks/useStorage';
import type { Settings } from '../../coach/settings';
import { AngleTable } from './history/AngleTable';
import { EnduranceTable } from './history/EnduranceTable';
import { BestsTable } from './history/BestsTable';
import { DataPanel } from './history/DataPanel';
import { ReportSheet } from './history/ReportSheet';
import { SessionTable } from './history/SessionTable';
import './history.css';

/** Chart.js loads with the first chart, so the workout screen never waits for it. */
const HistoryChart = lazy(() =>
  import('./history/HistoryChart').then((module) => ({ default: module.HistoryChart })),
);
const CHART_PLACEHOLDER = <div className="history-chart" />;

/** What the screen shows of the stored data; charts keep their configs while the data stands. */
function useHistoryView(data: PlumblineExport) {
  return useMemo(() => {
    const summaries = summariseNewestFirst(data.sessions);
    const weekly = weeklyByExercise(summaries, CHART_WEEKS);
    const trends = angleTrends(data.snapshots);
    return {
      summaries,
      charts: weekly.exercises.map((e) => ({
        exercise: e.exercise,
        config: exerciseChart(e.weeks),
      })),
      weeks: weekly.weekStarts.length,
      bests: computePersonalBests(data.sessions),
      trends,
      postureConfig: trends.length > 0 ? postureChart(trends) : null,
      report: buildReport(data),
      endurance: enduranceWeeks(data.endurance ?? []),
      pictures: data.snapshots.filter((s) => s.thumbnail !== null),
    };
  }, [data]);
}

function HistoryContent({
  data,
  replays,
}: {
  readonly data: PlumblineExport;
  readonly replays: StoredReplays;
}) {
  const view = useHistoryView(data);
  const [reportOpen, setReportOpen] = useState(false);
  const openReportRef = useRef<HTMLButtonElement>(null);
  if (data.sessions.length === 0 && data.snapshots.length === 0 && view.endurance.length === 0) {
    return (
      <p className="history-empty" data-testid="history-empty">
        {HISTORY.empty}
      </p>
    );
  }
  return (
    <>
      <div className="history-actions">
        <button
          type="button"
          className="button button--primary"
          data-testid="open-report"
          ref={openReportRef}
          onClick={() => {
            setReportOpen(true);
          }}
        >
          {REPORT.open}
        </button>
      </div>
      {view.summaries.length > 0 && (
        <>
          <section className="history-section" aria-labelledby="history-charts-title">
            <h3 id="history-charts-title">{HISTORY.chartsTitle}</h3>
            <p className="history-muted">{HISTORY.chartsNote(CHART_WEEKS)}</p>
            <Suspense fallback={CHART_PLACEHOLDER}>
              <div className="history-charts">
                {view.charts.map((chart) => (
                  <figure key={chart.exercise} className="history-figure">
                    <figcaption>{exerciseName(chart.exercise)}</figcaption>
                    <HistoryChart
                      config={chart.config}
                      label={CHART.exerciseLabel(exerciseName(chart.exercise), view.weeks)}
                      testId={`history-chart-${chart.exercise}`}
                    />
                  </figure>
                ))}
              </div>
            </Suspense>
          </section>
          <section className="history-section" aria-labelledby="history-bests-title">
            <h3 id="history-bests-title">{HISTORY.bestsTitle}</h3>
            <BestsTable bests={view.bests} />
          </section>
          <section className="history-section" aria-labelledby="history-sessions-title">
            <h3 id="history-sessions-title">{HISTORY.sessionsTitle}</h3>
            {replays.notice && (
              <p
                className={`history-notice ${replays.notice.tone === 'error' ? 'history-notice--error' : ''}`}
                role="status"
                data-testid="replay-notice"
              >
                {replays.notice.text}
              </p>
            )}
            <SessionTable
              sessions={view.summaries}
              replayIds={replays.ids}
              onReplay={replays.show}
            />
          </section>
        </>
      )}
      {data.snapshots.length > 0 && (
        <section className="history-section" aria-labelledby="history-posture-title">
          <h3 id="history-posture-title">{HISTORY.postureTitle}</h3>
          {view.postureConfig === null ? (
            <p>{HISTORY.postureNoAngles}</p>
          ) : (
            <>
              <Suspense fallback={CHART_PLACEHOLDER}>
                <HistoryChart
                  config={view.postureConfig}
                  label={CHART.postureLabel}
                  testId="history-chart-posture"
                />
              </Suspense>
              <AngleTable trends={view.trends} />
            </>
          )}
        </section>
      )}
      {view.endurance.length > 0 && (
        <section className="history-section" aria-labelledby="history-endurance-title">
          <h3 id="history-endurance-title">{ENDURANCE.historyTitle}</h3>
          <p className="history-muted">{ENDURANCE.historyNote}</p>
          <EnduranceTable weeks={view.endurance} testId="history-endurance" />
        </section>
      )}
      {reportOpen && (
        <ReportSheet
          report={view.report}
          snapshots={view.pictures}
          onClose={() => {
            setReportOpen(false);
            // Back where the person left off, for keyboard and screen-reader users.
            openReportRef.current?.focus();
          }}
        />
      )}
    </>
  );
}

/** Past workouts and snapshots over time, personal bests, the data actions and the report. */
export function HistoryScreen({
  storage,
  onSettingsImported,
}: {
  readonly storage: StorageState;
  readonly onSettingsImported: (change: Partial<Settings>) => void;
}) {
  const actions = useHistory(storage, onSettingsImported);
  const { load } = actions;
  const replays = useStoredReplays(
    storage.status === 'ready' ? storage.db : null,
    load.status === 'ready' ? load.data : null,
  );
  const open = replays.open;
  return (
    <main
      className="screen history"
      data-testid="history-screen"
      aria-busy={load.status === 'opening' || load.status === 'loading'}
    >
      <h2>{HISTORY.title}</h2>
      {load.status === 'opening' && <p className="history-notice">{HISTORY.opening}</p>}
      {load.status === 'loading' && <p className="history-notice">{HISTORY.loading}</p>}
      {load.status === 'error' && (
        <p
          className="history-notice history-notice--error"
          role="alert"
          data-testid="history-error"
        >
          {load.message}
        </p>
      )}
      {load.status === 'ready' && (
        <>
          {load.skipped > 0 && (
            <p className="history-notice history-notice--error" role="alert">
              {HISTORY.skipped(load.skipped)}
            </p>
          )}
          <HistoryContent data={load.data} replays={replays} />
        </>
      )}
      {load.status !== 'opening' && storage.status === 'ready' && <DataPanel actions={actions} />}
      {open && (
        <ReplayView
          track={open.track}
          title={REPLAY.title(exerciseName(open.track.exercise), open.setIndex + 1)}
          onClose={replays.close}
          onDelete={replays.remove}
        />
      )}
    </main>
  );
}
