import { RELOAD_BUTTON, offlineText } from '../../content/offline';
import { DEFAULT_ENGINE } from '../../coach/engine-choices';
import { useOfflineStatus } from '../hooks/useOfflineStatus';
import { applyUpdate } from '../pwa/service-worker';
import './offline-note.css';

/** One line in the footer: saved for offline use, or a new version to reload into. */
export function OfflineNote() {
  const status = useOfflineStatus();
  const text = offlineText(status, DEFAULT_ENGINE);
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
