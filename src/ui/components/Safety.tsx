import { SAFETY } from '../../content/workout';

/** Always visible: stops everything and says what to do about sharp pain. */
export function PainButton({ onPress }: { readonly onPress: () => void }) {
  return (
    <button
      type="button"
      className="button button--danger"
      data-testid="pain-button"
      onClick={onPress}
    >
      {SAFETY.button}
    </button>
  );
}

interface DialogProps {
  readonly onEnd: () => void;
  readonly onResume: () => void;
}

export function PainDialog({ onEnd, onResume }: DialogProps) {
  return (
    <div
      className="modal"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="pain-title"
      data-testid="pain-dialog"
    >
      <div className="modal__box">
        <h2 id="pain-title">{SAFETY.title}</h2>
        {SAFETY.advice.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <div className="modal__buttons">
          <button type="button" className="button button--primary" onClick={onEnd} autoFocus>
            {SAFETY.end}
          </button>
          <button type="button" className="button" onClick={onResume}>
            {SAFETY.resume}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Shown until dismissed once (the dismissal is remembered). */
export function SafetyNote({ onDismiss }: { readonly onDismiss: () => void }) {
  return (
    <aside className="safety-note" data-testid="safety-note" aria-label={SAFETY.noteTitle}>
      <strong>{SAFETY.noteTitle}:</strong>
      <ul>
        {SAFETY.note.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <button
        type="button"
        className="button button--small"
        data-testid="safety-note-dismiss"
        onClick={onDismiss}
      >
        {SAFETY.noteDismiss}
      </button>
    </aside>
  );
}
