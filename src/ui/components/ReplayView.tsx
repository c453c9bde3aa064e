import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReplayTrack } from '../../storage';
import { REPLAY } from '../../content/replay';
import { replayMoment, replayTimeline } from '../../coach/workout/replay-view';
import { useDialogFocus } from '../hooks/useDialogFocus';
import { useEscapeKey } from '../hooks/useEscapeKey';
import { drawReplayMoment } from '../render/replay';
import { fitStage, prepareCanvas } from '../render/skeleton';
import './replay-view.css';

/** The scrubber's step, in ms: a tenth of a second, about one kept frame. */
const SCRUB_STEP_MS = 100;

interface Props {
  readonly track: ReplayTrack;
  readonly title: string;
  readonly onClose: () => void;
  /** Deletes the stored replay; absent where there is none to delete. */
  readonly onDelete?: () => void;
  /** Why the last delete failed (the replay is still stored), or null. */
  readonly deleteError?: string | null;
}

/** Advances the replay's clock in real time while `playing`, stopping at the end. */
function usePlayback(
  durationMs: number,
  playing: boolean,
  timeMs: number,
  setTimeMs: (ms: number) => void,
  setPlaying: (playing: boolean) => void,
): void {
  const timeRef = useRef(timeMs);
  useEffect(() => {
    timeRef.current = timeMs;
  });
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function advance(now) {
      const next = Math.min(durationMs, timeRef.current + (now - last));
      last = now;
      timeRef.current = next;
      setTimeMs(next);
      if (next >= durationMs) setPlaying(false);
      else frame = requestAnimationFrame(advance);
    });
    return () => {
      cancelAnimationFrame(frame);
    };
  }, [durationMs, playing, setTimeMs, setPlaying]);
}

/**
 * A set's replay: the recorded skeleton (and back outline) drawn rep by rep, mirrored as the live
 * view is, with play, a scrubber, the reps and the fault timeline under it, and the fault of the
 * moment named under the picture. No camera picture exists to show (issue #16).
 */
export function ReplayView({ track, title, onClose, onDelete, deleteError = null }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  const playRef = useRef<HTMLButtonElement>(null);
  const [timeMs, setTimeMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const moment = useMemo(() => replayMoment(track, timeMs), [track, timeMs]);
  const timeline = useMemo(() => replayTimeline(track), [track]);
  const stage = useMemo(() => fitStage(track.imageSize, true), [track.imageSize]);
  useEscapeKey(onClose);
  useDialogFocus(dialogRef, playRef);
  usePlayback(track.durationMs, playing, timeMs, setTimeMs, setPlaying);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas ? prepareCanvas(canvas, stage.size) : null;
    if (ctx) drawReplayMoment(ctx, moment, stage.transform);
  }, [moment, stage]);

  return (
    <div
      ref={dialogRef}
      className="modal replay"
      role="dialog"
      aria-modal="true"
      aria-labelledby="replay-title"
      data-testid="replay-view"
    >
      <div className="modal__box replay__box">
        <h2 id="replay-title">{title}</h2>
        <canvas
          ref={canvasRef}
          className="replay__canvas"
          data-testid="replay-canvas"
          aria-label={REPLAY.canvasLabel}
        />
        <p
          className={`replay__moment ${moment.faults.length > 0 ? 'replay__moment--fault' : ''}`}
          data-testid="replay-moment"
          data-faults={moment.faults.join(' ')}
          aria-live="polite"
        >
          {moment.text}
        </p>
        <div className="replay__controls">
          <button
            ref={playRef}
            type="button"
            className="button button--primary"
            data-testid="replay-play"
            onClick={() => {
              if (!playing && timeMs >= track.durationMs) setTimeMs(0);
              setPlaying(!playing);
            }}
          >
            {playing ? REPLAY.pause : REPLAY.play}
          </button>
          <input
            type="range"
            className="replay__scrub"
            data-testid="replay-scrub"
            min={0}
            max={track.durationMs}
            step={SCRUB_STEP_MS}
            value={timeMs}
            aria-label={REPLAY.scrubLabel}
            aria-valuetext={moment.clock}
            onChange={(event) => {
              setPlaying(false);
              setTimeMs(Number(event.target.value));
            }}
          />
          <span className="replay__clock" data-testid="replay-clock">
            {moment.clock}
          </span>
        </div>
        {timeline.reps.length > 0 && (
          <div className="replay__track" aria-label={REPLAY.repsLabel} data-testid="replay-reps">
            <span className="replay__row-label">{REPLAY.repsLabel}</span>
            <div className="replay__bar">
              {timeline.reps.map((rep) => (
                <span
                  key={rep.startMs}
                  className="replay__rep"
                  style={{ left: `${rep.leftPercent}%`, width: `${rep.widthPercent}%` }}
                  title={rep.text}
                  data-testid="replay-rep"
                />
              ))}
              <span className="replay__cursor" style={{ left: `${moment.atPercent}%` }} />
            </div>
          </div>
        )}
        <ul
          className="replay__timeline"
          aria-label={REPLAY.timelineLabel}
          data-testid="replay-timeline"
        >
          {timeline.rows.map((row) => (
            <li key={row.fault} className="replay__track" data-fault={row.fault}>
              <span className="replay__row-label">{row.label}</span>
              <div className="replay__bar">
                {row.spans.map((span) => (
                  <span
                    key={`${span.kind}-${span.startMs}`}
                    className={`replay__span replay__span--${span.kind}`}
                    style={{ left: `${span.leftPercent}%`, width: `${span.widthPercent}%` }}
                    data-kind={span.kind}
                    data-start-ms={span.startMs}
                    data-end-ms={span.endMs}
                    title={span.kind === 'fault' ? row.label : REPLAY.legendUnsure}
                  />
                ))}
                <span className="replay__cursor" style={{ left: `${moment.atPercent}%` }} />
              </div>
            </li>
          ))}
        </ul>
        <p className="replay__legend">
          <span className="replay__key replay__span--fault" /> {REPLAY.legendFault}
          <span className="replay__key replay__span--unsure" /> {REPLAY.legendUnsure}
        </p>
        <p className="replay__privacy">{REPLAY.privacy}</p>
        {deleteError !== null && (
          <p className="replay__error" role="alert" data-testid="replay-error">
            {deleteError}
          </p>
        )}
        <div className="modal__buttons">
          <button type="button" className="button" data-testid="replay-close" onClick={onClose}>
            {REPLAY.close}
          </button>
          {onDelete && (
            <button
              type="button"
              className="button button--danger"
              data-testid="replay-delete"
              onClick={onDelete}
            >
              {REPLAY.delete}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
