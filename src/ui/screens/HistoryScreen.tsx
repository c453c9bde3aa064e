import type { StorageState } from '../hooks/useStorage';

/** Past workouts and snapshots over time. */
export function HistoryScreen({ storage }: { readonly storage: StorageState }) {
  return (
    <main className="screen" data-testid="history-screen" aria-busy={storage.status === 'opening'}>
      <h2>History</h2>
    </main>
  );
}
