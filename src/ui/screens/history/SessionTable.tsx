import {
  HISTORY,
  exerciseName,
  formatBalance,
  formatDateTime,
  formatRange,
  formatSeconds,
  formatSetTempos,
  formatShare,
} from '../../../content/history';
import type { SessionSummary } from '../../../coach/history/summary';
import { REPLAY } from '../../../content/replay';
import { replayId } from '../../../storage';

const C = HISTORY.columns;

/** Every saved workout, newest first, one row each, with a Replay button per set that has one. */
export function SessionTable({
  sessions,
  replayIds,
  onReplay,
}: {
  readonly sessions: readonly SessionSummary[];
  readonly replayIds: ReadonlySet<string>;
  readonly onReplay: (sessionId: string, setIndex: number) => void;
}) {
  return (
    <div className="history-table-wrap">
      <table className="history-table" data-testid="history-sessions">
        <caption>{HISTORY.sessionsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{C.date}</th>
            <th scope="col">{C.exercise}</th>
            <th scope="col">{C.sets}</th>
            <th scope="col">{C.reps}</th>
            <th scope="col">{C.quality}</th>
            <th scope="col">{C.share}</th>
            <th scope="col">{C.hold}</th>
            <th scope="col">{C.range}</th>
            <th scope="col">{C.tempo}</th>
            <th scope="col">{C.balance}</th>
            <th scope="col">{C.replay}</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-testid="history-session">
              <td>
                {formatDateTime(s.startedAt)}
                {!s.finished && <small className="history-table__note">{HISTORY.unfinished}</small>}
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
              <td>
                {s.range
                  ? formatRange(s.exercise, s.range.meanSpan, s.range.lowest, s.range.highest)
                  : HISTORY.none}
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
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
