import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import { computePersonalBests, type PlumblineExport } from '../../storage';
import { CHART, HISTORY, REPORT, exerciseName } from '../../content/history';
import { CHART_WEEKS, exerciseChart, postureChart } from '../history/charts';
import { enduranceWeeks } from '../../coach/endurance/trend';
import { buildReport } from '../../coach/history/report';
import { ENDURANCE } from '../../content/endurance';
import { summariseNewestFirst } from '../../coach/history/summary';
import { angleTrends, weeklyByExercise } from '../../coach/history/weekly';
import { useHistory, type HistoryActions, type Notice } from '../hooks/useHistory';
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

/** Focuses an element once, when it appears (a stable callback: React calls it on mount only). */
function focusOnMount(element: HTMLElement | null): void {
  element?.focus();
}

/**
 * What deleting one workout did. It takes the focus, which was on the confirmation that has gone,
 * so a keyboard or screen-reader user hears it and goes on from there.
 */
function WorkoutNotice({ notice }: { readonly notice: Notice | null }) {
  if (notice?.place !== 'workouts') return null;
  return (
    <p
      className={`history-notice history-notice--${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      tabIndex={-1}
      ref={focusOnMount}
      data-testid="workout-notice"
    >
      {notice.text}
    </p>
  );
}

function HistoryContent({
  data,
  replays,
  actions,
}: {
  readonly data: PlumblineExport;
  readonly replays: StoredReplays;
  readonly actions: HistoryActions;
}) {
  const view = useHistoryView(data);
  const [reportOpen, setReportOpen] = useState(false);
  const openReportRef = useRef<HTMLButtonElement>(null);
  const workoutNotice = <WorkoutNotice notice={actions.notice} />;
  if (data.sessions.length === 0 && data.snapshots.length === 0 && view.endurance.length === 0) {
    return (
      <>
        {workoutNotice}
        <p className="history-empty" data-testid="history-empty">
          {HISTORY.empty}
        </p>
      </>
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
      {/* The last workout deleted: said where the table was. */}
      {view.summaries.length === 0 && workoutNotice}
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
            {workoutNotice}
            {/* What opening or deleting a replay did takes the focus, as the workout's notice. */}
            {replays.notice && (
              <p
                className={`history-notice ${replays.notice.tone === 'error' ? 'history-notice--error' : ''}`}
                role="status"
                tabIndex={-1}
                ref={focusOnMount}
                data-testid="replay-notice"
              >
                {replays.notice.text}
              </p>
            )}
            <SessionTable
              sessions={view.summaries}
              replayIds={replays.ids}
              onReplay={replays.show}
              onDelete={actions.deleteWorkout}
              busy={actions.busy}
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
          <HistoryContent data={load.data} replays={replays} actions={actions} />
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
