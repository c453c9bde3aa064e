import { Fragment, useRef, useState } from 'react';
import {
  DATA,
  HISTORY,
  exerciseName,
  formatBalance,
  formatDateTime,
  formatRange,
  formatRepMeasures,
  formatSeconds,
  formatSetTempos,
  formatShare,
} from '../../../content/history';
import type { SessionSummary } from '../../../coach/history/summary';
import { REPLAY } from '../../../content/replay';
import { replayId } from '../../../storage';
import type { WorkoutRef } from '../../hooks/useHistory';
import { Confirm } from './Confirm';

const C = HISTORY.columns;
/**
 * The table's column headers, in order: the header row is drawn from them and the confirmation
 * row spans as many, so a column added here cannot leave it short.
 */
const COLUMNS: readonly string[] = [
  C.date,
  C.exercise,
  C.sets,
  C.reps,
  C.quality,
  C.share,
  C.hold,
  C.range,
  C.tempo,
  C.balance,
  C.replay,
  C.remove,
];

/**
 * Every saved workout, newest first, one row each, with a Replay button per set that has one and a
 * Delete asking first, in a row under the workout's (its Cancel focused; Cancel gives the focus
 * back to the Delete pressed).
 */
export function SessionTable({
  sessions,
  replayIds,
  onReplay,
  onDelete,
  busy,
}: {
  readonly sessions: readonly SessionSummary[];
  readonly replayIds: ReadonlySet<string>;
  readonly onReplay: (sessionId: string, setIndex: number) => void;
  readonly onDelete: (workout: WorkoutRef) => void;
  /** Another data action is under way: no Delete until it is done. */
  readonly busy: boolean;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const deletePressed = useRef<HTMLButtonElement | null>(null);
  return (
    <div className="history-table-wrap">
      <table className="history-table" data-testid="history-sessions">
        <caption>{HISTORY.sessionsCaption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <Fragment key={s.id}>
              <tr data-testid="history-session">
                <td>
                  {formatDateTime(s.startedAt)}
                  {!s.finished && (
                    <small className="history-table__note">{HISTORY.unfinished}</small>
                  )}
                  {s.painStops > 0 && (
                    <small className="history-table__note">{HISTORY.painStops(s.painStops)}</small>
                  )}
                </td>
                <td>{exerciseName(s.exercise)}</td>
                <td>{s.sets}</td>
                <td>{HISTORY.reps(s.reps, s.leftReps, s.rightReps)}</td>
                <td>{s.reps > 0 ? `${s.cleanReps} / ${s.faultedReps}` : HISTORY.none}</td>
                <td>{formatShare(s.goodFormShare)}</td>
                <td>{s.holdSeconds > 0 ? formatSeconds(s.holdSeconds) : HISTORY.none}</td>
                <td data-testid="history-range">
                  {s.range
                    ? formatRange(s.exercise, s.range.meanSpan, s.range.lowest, s.range.highest)
                    : HISTORY.none}
                  {s.repMeasures.length > 0 && (
                    <small className="history-table__note">
                      {formatRepMeasures(s.repMeasures)}
                    </small>
                  )}
                </td>
                <td data-testid="history-tempo">{formatSetTempos(s.setTempos) ?? HISTORY.none}</td>
                <td
                  data-testid="history-balance"
                  data-uneven={(s.balance?.imbalanced.length ?? 0) > 0 ? 'yes' : 'no'}
                >
                  {formatBalance(s.exercise, s.balance) ?? HISTORY.none}
                </td>
                <td>
                  {Array.from({ length: s.sets }, (_, setIndex) =>
                    replayIds.has(replayId(s.id, setIndex)) ? (
                      <button
                        key={setIndex}
                        type="button"
                        className="button button--small"
                        data-testid={`history-replay-${String(setIndex + 1)}`}
                        onClick={() => {
                          onReplay(s.id, setIndex);
                        }}
                      >
                        {REPLAY.openSet(setIndex + 1)}
                      </button>
                    ) : null,
                  )}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    data-testid="history-delete-workout"
                    aria-label={HISTORY.deleteWorkoutLabel(exerciseName(s.exercise), s.startedAt)}
                    aria-expanded={asking === s.id}
                    disabled={busy}
                    onClick={(event) => {
                      deletePressed.current = event.currentTarget;
                      setAsking(s.id);
                    }}
                  >
                    {HISTORY.deleteWorkout}
                  </button>
                </td>
              </tr>
              {asking === s.id && (
                <tr className="history-table__confirm">
                  <td colSpan={COLUMNS.length}>
                    <Confirm
                      question={HISTORY.confirmDeleteWorkout(exerciseName(s.exercise), s.startedAt)}
                      confirm={HISTORY.confirmDeleteWorkoutButton}
                      cancel={DATA.cancel}
                      testId="confirm-delete-workout"
                      onConfirm={() => {
                        setAsking(null);
                        onDelete(s);
                      }}
                      onCancel={() => {
                        setAsking(null);
                        deletePressed.current?.focus();
                      }}
                    />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
