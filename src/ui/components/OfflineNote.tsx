import { OFFLINE_TEXT, RELOAD_BUTTON } from '../content/offline';
import { useOfflineStatus } from '../hooks/useOfflineStatus';
import { applyUpdate } from '../pwa/service-worker';
import './offline-note.css';

/** One line in the footer: saved for offline use, or a new version to reload into. */
export function OfflineNote() {
  const status = useOfflineStatus();
  const text = OFFLINE_TEXT[status];
  if (text === null) return null;
  return (
    <p className="offline-note" data-testid="offline-note" data-status={status} role="status">
      {text}
      {status === 'update-ready' && (
        <button type="button" className="button button--small" onClick={applyUpdate}>
          {RELOAD_BUTTON}
        </button>
      )}
    </p>
  );
}
