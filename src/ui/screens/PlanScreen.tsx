import type { StorageState } from '../hooks/useStorage';

/** The 4-week programme, today's session and the weekly checklist. */
export function PlanScreen({ storage }: { readonly storage: StorageState }) {
  return (
    <main className="screen" data-testid="plan-screen" aria-busy={storage.status === 'opening'}>
      <h2>Plan</h2>
    </main>
  );
}
