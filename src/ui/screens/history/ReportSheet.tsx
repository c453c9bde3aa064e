import { useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PostureSnapshot } from '../../../storage';
import {
  HISTORY,
  REPORT,
  exerciseName,
  faultName,
  formatDateTime,
  formatSeconds,
  formatShare,
} from '../../../content/history';
import type { ReportData } from '../../../coach/history/report';
import { ENDURANCE } from '../../../content/endurance';
import { EnduranceTable } from './EnduranceTable';
import { useEscapeKey } from '../../hooks/useEscapeKey';
import { useThumbnail } from '../../hooks/useThumbnail';

function Thumbnail({ snapshot }: { readonly snapshot: PostureSnapshot }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useThumbnail(canvasRef, snapshot.thumbnail);
  return (
    <figure className="report-sheet__thumbnail" data-testid="report-thumbnail">
      <canvas ref={canvasRef} />
      <figcaption>{REPORT.thumbnailCaption(snapshot.takenAt)}</figcaption>
    </figure>
  );
}

/**
 * The one-page report, laid over the app on screen and alone on paper (history.css hides the
 * app when printing). Numbers only: a picture appears only if the person ticks one in.
 */
export function ReportSheet({
  report,
  snapshots,
  onClose,
}: {
  readonly report: ReportData;
  /** Snapshots with a thumbnail, any one of which may be included. */
  readonly snapshots: readonly PostureSnapshot[];
  readonly onClose: () => void;
}) {
  const [generatedAt] = useState(() => new Date().toISOString());
  const [includePicture, setIncludePicture] = useState(false);
  const [pictureId, setPictureId] = useState(snapshots.at(-1)?.id ?? '');
  const picture = includePicture ? snapshots.find((s) => s.id === pictureId) : undefined;
  useEscapeKey(onClose);

  return createPortal(
    <div
      className="report-sheet"
      data-testid="report"
      role="dialog"
      aria-modal="true"
      aria-label={REPORT.title}
    >
      <div className="report-sheet__controls">
        <button
          type="button"
          className="button button--primary"
          data-testid="report-print"
          autoFocus
          onClick={() => {
            window.print();
          }}
        >
          {REPORT.print}
        </button>
        <button type="button" className="button" data-testid="report-close" onClick={onClose}>
          {REPORT.close}
        </button>
        {snapshots.length > 0 && (
          <>
            <label>
              <input
                type="checkbox"
                data-testid="report-include-picture"
                checked={includePicture}
                onChange={(event) => {
                  setIncludePicture(event.target.checked);
                }}
              />{' '}
              {REPORT.includeThumbnail}
            </label>
            {includePicture && (
              <label>
                {REPORT.chooseSnapshot}{' '}
                <select
                  value={pictureId}
                  data-testid="report-picture"
                  onChange={(event) => {
                    setPictureId(event.target.value);
                  }}
                >
                  {snapshots.map((s) => (
                    <option key={s.id} value={s.id}>
                      {formatDateTime(s.takenAt)}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        )}
      </div>
      <article className="report-sheet__page" aria-labelledby="report-title">
        <header className="report-sheet__header">
          <h2 id="report-title">{REPORT.title}</h2>
          <p>{REPORT.generated(generatedAt)}</p>
        </header>
        <p className="report-sheet__intro">{REPORT.intro}</p>
        {report.period === null ? (
          <p>{REPORT.empty}</p>
        ) : (
          <>
            <dl className="report-sheet__facts">
              <dt>{REPORT.period}</dt>
              <dd data-testid="report-period">
                {REPORT.periodText(report.period.from, report.period.to)}
              </dd>
              <dt>{REPORT.programme}</dt>
              <dd>
                {report.programme
                  ? REPORT.programmeText(
                      report.programme.startedOn,
                      report.programme.week,
                      report.programme.paused,
                    )
                  : REPORT.noProgramme}
              </dd>
              <dt>{REPORT.sessions}</dt>
              <dd data-testid="report-sessions">
                {REPORT.sessionsText(
                  report.sessions,
                  report.finishedSessions,
                  report.activeWeeks,
                  report.painStops,
                )}
              </dd>
            </dl>
            {report.exercises.length > 0 && (
              <section>
                <h3>{REPORT.exercisesTitle}</h3>
                <table
                  className="history-table report-sheet__exercises"
                  data-testid="report-exercises"
                >
                  <thead>
                    <tr>
                      <th scope="col">{HISTORY.columns.exercise}</th>
                      <th scope="col">{REPORT.sessions}</th>
                      <th scope="col">{REPORT.total}</th>
                      <th scope="col">{REPORT.bestSet}</th>
                      <th scope="col">{HISTORY.columns.share}</th>
                      <th scope="col">{REPORT.weeklyTrend}</th>
                      <th scope="col">{REPORT.measures}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.exercises.map((e) => (
                      <tr key={e.exercise}>
                        <th scope="row">{exerciseName(e.exercise)}</th>
                        <td>{e.sessions}</td>
                        <td>{REPORT.totalText(e.reps, e.cleanReps, e.holdSeconds)}</td>
                        <td>{REPORT.bestText(e.bests)}</td>
                        <td>{formatShare(e.goodFormShare)}</td>
                        <td>
                          {e.weeks
                            .map((w) => REPORT.weekShare(w.weekStart, formatShare(w.goodFormShare)))
                            .join(' · ')}
                        </td>
                        <td data-testid="report-measures">
                          {REPORT.tempoAndBackText(e.tempo, e.lowerBack)}
                          {e.balance && (
                            <>
                              <br />
                              {REPORT.balanceText(e.balance, e.unevenSessions)}
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}
            <section>
              <h3>{REPORT.faultsTitle}</h3>
              {report.faults.length === 0 ? (
                <p>{REPORT.noFaults}</p>
              ) : (
                <table className="history-table" data-testid="report-faults">
                  <thead>
                    <tr>
                      <th scope="col">{REPORT.fault}</th>
                      <th scope="col">{REPORT.faultReps}</th>
                      <th scope="col">{REPORT.faultSnapshots}</th>
                      <th scope="col">{REPORT.faultSeconds}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {report.faults.map((f) => (
                      <tr key={f.fault}>
                        <th scope="row">{faultName(f.fault)}</th>
                        <td>{f.reps}</td>
                        <td>{f.snapshots}</td>
                        <td>{f.seconds > 0 ? formatSeconds(f.seconds) : HISTORY.none}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section>
              <h3>{REPORT.postureTitle}</h3>
              {report.angles.length === 0 ? (
                <p>{REPORT.noPosture}</p>
              ) : (
                <ul className="report-sheet__angles" data-testid="report-angles">
                  {report.angles.map((angle) => (
                    <li key={angle.metric}>{REPORT.angleText(angle)}</li>
                  ))}
                </ul>
              )}
            </section>
            {report.endurance.length > 0 && (
              <section>
                <h3>{ENDURANCE.historyTitle}</h3>
                <EnduranceTable weeks={report.endurance} testId="report-endurance" compact />
              </section>
            )}
            {picture && <Thumbnail snapshot={picture} />}
          </>
        )}
      </article>
    </div>,
    document.body,
  );
}
