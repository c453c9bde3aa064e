import { useState } from 'react';
import type { PostureSnapshot } from '../../storage';
import {
  MEASURE_WORDING,
  POSTURE_TEXT,
  VERDICT_WORDS,
  VIEW_NAMES,
  flagText,
  formatChange,
  formatMeasure,
  snapshotTime,
} from '../../content/posture-check';
import type { SnapshotsState } from '../hooks/useSnapshots';
import { compareSnapshots } from '../../coach/posture/compare';
import './posture-check.css';

interface Props {
  readonly state: SnapshotsState;
  readonly onDelete: (id: string) => Promise<string | null>;
}

function viewName(snapshot: PostureSnapshot): string {
  return snapshot.view === 'side' || snapshot.view === 'front'
    ? VIEW_NAMES[snapshot.view]
    : snapshot.view;
}

/** The stored snapshots, newest first: tick two to compare them, or delete one. */
export function PostureSnapshots({ state, onDelete }: Props) {
  const [picked, setPicked] = useState<readonly string[]>([]);
  const [comparing, setComparing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (state.status === 'loading') {
    return <p className="snapshots__note">{POSTURE_TEXT.storageOpening}</p>;
  }
  if (state.status === 'error') {
    return (
      <section className="snapshots" data-testid="snapshots">
        <h2>{POSTURE_TEXT.snapshotsHeading}</h2>
        <p className="snapshots__note snapshots__note--error" role="alert">
          {state.message}
        </p>
      </section>
    );
  }
  const { snapshots, corrupt } = state;
  const present = picked.filter((id) => snapshots.some((s) => s.id === id));
  const pair = present
    .map((id) => snapshots.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  const [first, second] = pair;

  const toggle = (id: string): void => {
    setComparing(false);
    setPicked(present.includes(id) ? present.filter((p) => p !== id) : [...present, id].slice(-2));
  };

  return (
    <section className="snapshots" data-testid="snapshots" aria-labelledby="snapshots-title">
      <h2 id="snapshots-title">{POSTURE_TEXT.snapshotsHeading}</h2>
      {corrupt > 0 && <p className="snapshots__note">{POSTURE_TEXT.corrupt(corrupt)}</p>}
      {message && (
        <p className="snapshots__note" role="status" data-testid="snapshots-message">
          {message}
        </p>
      )}
      {snapshots.length === 0 ? (
        <p className="snapshots__note">{POSTURE_TEXT.noSnapshots}</p>
      ) : (
        <>
          <div className="snapshots__tools">
            <button
              type="button"
              className="button"
              data-testid="snapshots-compare"
              disabled={pair.length !== 2}
              onClick={() => {
                setComparing(true);
              }}
            >
              {POSTURE_TEXT.compare}
            </button>
            {pair.length !== 2 && (
              <span className="snapshots__hint">{POSTURE_TEXT.compareHint}</span>
            )}
          </div>
          <ul className="snapshots__list" data-testid="snapshot-list">
            {snapshots.map((snapshot) => (
              <li key={snapshot.id} className="snapshot" data-testid="snapshot-item">
                <label className="snapshot__pick">
                  <input
                    type="checkbox"
                    data-testid="snapshot-pick"
                    aria-label={`${POSTURE_TEXT.pick}: ${snapshotTime(snapshot.takenAt)}`}
                    checked={present.includes(snapshot.id)}
                    onChange={() => {
                      toggle(snapshot.id);
                    }}
                  />
                </label>
                {snapshot.thumbnail ? (
                  <img
                    className="snapshot__thumb"
                    src={snapshot.thumbnail}
                    alt={POSTURE_TEXT.thumbnailAlt(snapshotTime(snapshot.takenAt))}
                  />
                ) : (
                  <span className="snapshot__thumb" />
                )}
                <div className="snapshot__text">
                  <strong>{snapshotTime(snapshot.takenAt)}</strong>
                  <span>
                    {viewName(snapshot)} ·{' '}
                    {snapshot.source === 'camera'
                      ? POSTURE_TEXT.fromCamera
                      : POSTURE_TEXT.fromPhoto}
                  </span>
                  {snapshot.faults.length > 0 && (
                    <span className="snapshot__flags">
                      {snapshot.faults.map(flagText).join(', ')}
                    </span>
                  )}
                </div>
                <button
                  type="button"
                  className="button button--small"
                  data-testid="snapshot-delete"
                  onClick={() => {
                    void onDelete(snapshot.id).then((failure) => {
                      setMessage(failure ?? POSTURE_TEXT.deleted);
                    });
                  }}
                >
                  {POSTURE_TEXT.delete}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {comparing && first && second && (
        <SnapshotComparison
          a={first}
          b={second}
          onClose={() => {
            setComparing(false);
          }}
        />
      )}
    </section>
  );
}

function SnapshotComparison({
  a,
  b,
  onClose,
}: {
  readonly a: PostureSnapshot;
  readonly b: PostureSnapshot;
  readonly onClose: () => void;
}) {
  const { earlier, later, rows } = compareSnapshots(a, b);
  return (
    <div className="compare" data-testid="snapshot-compare">
      <h3>{POSTURE_TEXT.compareHeading}</h3>
      <div className="compare__pictures">
        {[earlier, later].map((snapshot) => (
          <figure key={snapshot.id}>
            {snapshot.thumbnail && (
              <img
                src={snapshot.thumbnail}
                alt={POSTURE_TEXT.thumbnailAlt(snapshotTime(snapshot.takenAt))}
              />
            )}
            <figcaption>
              {snapshotTime(snapshot.takenAt)} · {viewName(snapshot)}
            </figcaption>
          </figure>
        ))}
      </div>
      <table className="compare__table">
        <thead>
          <tr>
            <th scope="col">{POSTURE_TEXT.columns.measure}</th>
            <th scope="col">{POSTURE_TEXT.columns.before}</th>
            <th scope="col">{POSTURE_TEXT.columns.after}</th>
            <th scope="col">{POSTURE_TEXT.columns.change}</th>
            <th scope="col">{POSTURE_TEXT.columns.verdict}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.measure} data-testid={`compare-${row.measure}`} data-verdict={row.verdict}>
              <th scope="row" title={MEASURE_WORDING[row.measure].hint}>
                {MEASURE_WORDING[row.measure].name}
              </th>
              <td>{row.before === null ? '–' : formatMeasure(row.measure, row.before)}</td>
              <td>{row.after === null ? '–' : formatMeasure(row.measure, row.after)}</td>
              <td>{row.change === null ? '–' : formatChange(row.measure, row.change)}</td>
              <td className={`compare__verdict compare__verdict--${row.verdict}`}>
                {VERDICT_WORDS[row.verdict]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button button--small" onClick={onClose}>
        {POSTURE_TEXT.closeCompare}
      </button>
    </div>
  );
}
