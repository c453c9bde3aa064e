/** An inline question with a confirming and a cancelling button (no modal, no focus trap). */
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
    <div className="history-confirm" role="alertdialog" aria-label={question} data-testid={testId}>
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
