import { useState } from 'react';
import { POSTURE_MEASURE_IDS } from '../../pose/posture-measures';
import { PhotoInput } from '../components/PhotoInput';
import {
  MEASURE_WORDING,
  POSTURE_TEXT,
  checkAdvice,
  checkHeadline,
  readingText,
} from '../../content/posture-check';
import type { PostureCaptureState } from '../hooks/usePostureCheck';
import { problemMessage } from '../../content/messages';
import type { CountdownSeconds } from '../../coach/posture/countdown';
import { COUNTDOWN_CHOICES_S, DEFAULT_COUNTDOWN_S } from '../../coach/posture/countdown';
import './posture-check.css';

interface Props {
  readonly state: PostureCaptureState;
  readonly engineReady: boolean;
  readonly onCapture: (seconds: CountdownSeconds) => void;
  readonly onCancel: () => void;
  readonly onOpen: (file: File) => void;
  readonly onDownload: () => void;
}

/** The posture check's controls and its result: the numbers, what it cannot see, the saving. */
export function PostureCheckPanel({
  state,
  engineReady,
  onCapture,
  onCancel,
  onOpen,
  onDownload,
}: Props) {
  const [seconds, setSeconds] = useState<CountdownSeconds>(DEFAULT_COUNTDOWN_S);
  const counting = state.status === 'countdown' || state.status === 'measuring';
  return (
    <section className="posture" data-testid="posture-panel" aria-labelledby="posture-title">
      <h2 id="posture-title">{POSTURE_TEXT.title}</h2>
      <p className="posture__intro">{POSTURE_TEXT.intro}</p>
      <fieldset className="posture__countdown" disabled={counting}>
        <legend>{POSTURE_TEXT.countdownLabel}</legend>
        {COUNTDOWN_CHOICES_S.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="countdown"
              data-testid={`countdown-${String(choice)}`}
              checked={seconds === choice}
              onChange={() => {
                setSeconds(choice);
              }}
            />
            {POSTURE_TEXT.countdownUnit(choice)}
          </label>
        ))}
      </fieldset>
      {state.status === 'countdown' ? (
        <button type="button" className="button" data-testid="posture-cancel" onClick={onCancel}>
          {POSTURE_TEXT.cancel}
        </button>
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="posture-capture"
          disabled={!engineReady || counting}
          onClick={() => {
            onCapture(seconds);
          }}
        >
          {POSTURE_TEXT.capture}
        </button>
      )}
      <p className="posture__or">{POSTURE_TEXT.orUpload}</p>
      <div className="panel__actions">
        <PhotoInput onOpen={onOpen} />
      </div>
      <PostureResult state={state} onDownload={onDownload} />
    </section>
  );
}

function PostureResult({
  state,
  onDownload,
}: {
  readonly state: PostureCaptureState;
  readonly onDownload: () => void;
}) {
  if (state.status === 'measuring') {
    return <p className="posture__note">{POSTURE_TEXT.analysing}</p>;
  }
  if (state.status === 'failed') {
    const message = problemMessage(state.problem);
    return (
      <p className="posture__note posture__note--error" role="alert">
        {message.text} {message.next}
      </p>
    );
  }
  if (state.status !== 'done') return null;
  const { check, saving } = state;
  const advice = checkAdvice(check);
  return (
    <div className="posture__result" data-testid="posture-result" data-status={check.status}>
      <p className="posture__headline" data-testid="posture-headline">
        {checkHeadline(check)}
      </p>
      {advice && <p className="posture__note">{advice}</p>}
      {check.status === 'ok' && (
        <>
          <h3>{POSTURE_TEXT.measuredHeading}</h3>
          <dl className="posture__readings">
            {POSTURE_MEASURE_IDS.filter((id) => check.readings[id].kind !== 'other-view').map(
              (id) => {
                const reading = check.readings[id];
                const flagged = reading.kind === 'measured' && reading.flagged;
                return (
                  <div
                    key={id}
                    data-testid={`reading-${id}`}
                    data-kind={reading.kind}
                    className={flagged ? 'posture__reading--flagged' : undefined}
                  >
                    <dt title={MEASURE_WORDING[id].hint}>{MEASURE_WORDING[id].name}</dt>
                    <dd>{readingText(id, reading)}</dd>
                  </div>
                );
              },
            )}
          </dl>
        </>
      )}
      <SavingNote saving={saving} />
      {check.status === 'ok' && (
        <button
          type="button"
          className="button"
          data-testid="posture-download"
          onClick={onDownload}
        >
          {POSTURE_TEXT.download}
        </button>
      )}
    </div>
  );
}

function SavingNote({
  saving,
}: {
  readonly saving: Extract<PostureCaptureState, { status: 'done' }>['saving'];
}) {
  switch (saving.status) {
    case 'nothing':
      return null;
    case 'saving':
      return (
        <p className="posture__note" data-testid="snapshot-save" data-state="saving">
          {POSTURE_TEXT.saving}
        </p>
      );
    case 'saved':
      return (
        <p className="posture__note" data-testid="snapshot-save" data-state="saved">
          {POSTURE_TEXT.saved}
        </p>
      );
    case 'failed':
      return (
        <p
          className="posture__note posture__note--error"
          data-testid="snapshot-save"
          data-state="failed"
          role="alert"
        >
          {saving.message} {POSTURE_TEXT.keptOnScreen}
        </p>
      );
  }
}

/** The countdown's big number over the camera picture. */
export function CountdownOverlay({ state }: { readonly state: PostureCaptureState }) {
  if (state.status !== 'countdown') return null;
  return (
    <div className="countdown" data-testid="countdown" aria-live="assertive">
      {state.left === null ? (
        <span className="countdown__wait">{POSTURE_TEXT.waitingForCamera}</span>
      ) : (
        <>
          <span className="countdown__number">{state.left}</span>
          <span className="countdown__hint">{POSTURE_TEXT.countdownHint}</span>
        </>
      )}
    </div>
  );
}
