/**
 * An inline question with a confirming and a cancelling button (no modal, no focus trap). Escape
 * with the focus in it answers Cancel; an overlay open over it (a replay, the report) takes Escape
 * first (useEscapeKey), so one Escape never closes both.
 */
export function Confirm({
  question,
  confirm,
  cancel,
  onConfirm,
  onCancel,
  testId,
}: {
  readonly question: string;
  readonly confirm: string;
  readonly cancel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
  readonly testId: string;
}) {
  return (
    <div
      className="history-confirm"
      role="alertdialog"
      aria-label={question}
      data-testid={testId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        onCancel();
      }}
    >
      <p>{question}</p>
      <div className="history-actions">
        <button type="button" className="button button--danger" onClick={onConfirm}>
          {confirm}
        </button>
        <button type="button" className="button" onClick={onCancel} autoFocus>
          {cancel}
        </button>
      </div>
    </div>
  );
}
