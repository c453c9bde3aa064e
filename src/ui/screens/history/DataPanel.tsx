import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { ImportOptions } from '../../../storage';
import { DATA } from '../../../content/history';
import type { ExportKind, HistoryActions } from '../../hooks/useHistory';
import { Confirm } from './Confirm';

type Pending =
  { readonly kind: 'delete' } | { readonly kind: 'replace'; readonly file: File } | null;

/** The export buttons, in order. */
const EXPORTS: readonly (readonly [ExportKind, string])[] = [
  ['json', DATA.exportJson],
  ['sessions-csv', DATA.exportSessionsCsv],
  ['snapshots-csv', DATA.exportSnapshotsCsv],
  ['timeline-csv', DATA.exportTimelineCsv],
];

/** Export (JSON, CSV), import of an export, and "delete all my data", each with its outcome. */
export function DataPanel({ actions }: { readonly actions: HistoryActions }) {
  const { notice, busy, exportData, importData, deleteAll } = actions;
  const [mode, setMode] = useState<ImportOptions['mode']>('merge');
  const [pending, setPending] = useState<Pending>(null);
  // Where a cancelled question returns the focus: the control that asked it.
  const deleteAllButton = useRef<HTMLButtonElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    // Cleared so that choosing the same file again fires another change.
    event.target.value = '';
    if (file === undefined) return;
    if (mode === 'replace') setPending({ kind: 'replace', file });
    else importData(file, 'merge');
  };

  return (
    <section className="history-section history-data" aria-labelledby="history-data-title">
      <h3 id="history-data-title">{DATA.title}</h3>
      <p className="history-muted">{DATA.privacy}</p>
      <div className="history-actions">
        {EXPORTS.map(([kind, label]) => (
          <button
            key={kind}
            type="button"
            className="button"
            disabled={busy}
            data-testid={`export-${kind}`}
            onClick={() => {
              exportData(kind);
            }}
          >
            {label}
          </button>
        ))}
      </div>
      <fieldset className="history-import" disabled={busy}>
        <legend>{DATA.modeLegend}</legend>
        <label>
          <input
            type="radio"
            name="import-mode"
            checked={mode === 'merge'}
            onChange={() => {
              setMode('merge');
            }}
          />{' '}
          {DATA.merge}
        </label>
        <label>
          <input
            type="radio"
            name="import-mode"
            data-testid="import-replace"
            checked={mode === 'replace'}
            onChange={() => {
              setMode('replace');
            }}
          />{' '}
          {DATA.replace}
        </label>
        <label className="button history-import__file">
          {DATA.importLabel}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="import-file"
            ref={fileInput}
            onChange={onFile}
          />
        </label>
      </fieldset>
      <div className="history-actions">
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          data-testid="delete-all"
          ref={deleteAllButton}
          onClick={() => {
            setPending({ kind: 'delete' });
          }}
        >
          {DATA.deleteAll}
        </button>
      </div>
      {pending?.kind === 'delete' && (
        <Confirm
          question={DATA.confirmDelete}
          confirm={DATA.confirmDeleteButton}
          cancel={DATA.cancel}
          testId="confirm-delete"
          onConfirm={() => {
            setPending(null);
            deleteAll();
          }}
          onCancel={() => {
            setPending(null);
            deleteAllButton.current?.focus();
          }}
        />
      )}
      {pending?.kind === 'replace' && (
        <Confirm
          question={DATA.confirmReplace(pending.file.name)}
          confirm={DATA.confirmReplaceButton}
          cancel={DATA.cancel}
          testId="confirm-replace"
          onConfirm={() => {
            setPending(null);
            importData(pending.file, 'replace');
          }}
          onCancel={() => {
            setPending(null);
            fileInput.current?.focus();
          }}
        />
      )}
      {busy && (
        <p className="history-notice" role="status">
          {DATA.working}
        </p>
      )}
      {notice?.place === 'data' && (
        <p
          className={`history-notice history-notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="data-notice"
        >
          {notice.text}
        </p>
      )}
    </section>
  );
}
