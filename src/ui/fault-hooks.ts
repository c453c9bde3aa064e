/**
 * The fault tests' handle on the live app, present only when the page is opened with `?faults`:
 * `window.__plumbline.crashWorker('exit' | 'error')` makes the current pose worker fail as a real
 * crash would (the worker itself closes or throws; the app is not told).
 */
import type { PoseEngine, SimulatedFailure } from '../workers/client';

export interface FaultHooks {
  readonly crashWorker: (kind: SimulatedFailure) => void;
}

declare global {
  interface Window {
    __plumbline?: FaultHooks;
  }
}

const FAULTS_FLAG = 'faults';

/** Points the hooks at this engine, when the page asked for them. */
export function exposeFaultHooks(engine: PoseEngine): void {
  if (!new URLSearchParams(window.location.search).has(FAULTS_FLAG)) return;
  window.__plumbline = {
    crashWorker: (kind) => {
      engine.simulateFailure(kind);
    },
  };
}
