/**
 * What the app does when the pose engine fails on its own: restart a crashed worker (but not
 * forever), and which engine to offer when a model will not load or a check needs the outline. Pure.
 */
import type { EngineModel } from '../pose/pose';
import type { LastingReason } from './workout/workout';

/**
 * A worker that crashes this often in AUTO_RESTART_WINDOW_MS is failing for a reason a restart
 * will not fix (a broken model, a browser bug): then the person is asked instead.
 */
export const MAX_AUTO_RESTARTS = 3;
/** One minute: a set's length, so one bad set does not loop through restarts. */
export const AUTO_RESTART_WINDOW_MS = 60_000;

/** True when a crash at `nowMs` may restart the worker, given the earlier crashes' times. */
export function mayRestartAfterCrash(earlierCrashesMs: readonly number[], nowMs: number): boolean {
  const recent = earlierCrashesMs.filter((t) => nowMs - t < AUTO_RESTART_WINDOW_MS);
  return recent.length < MAX_AUTO_RESTARTS;
}

/** The other engine, at its model that loads fastest: offered when this one's model fails. */
export function otherEngine(config: EngineModel): EngineModel {
  return config.engine === 'mediapipe'
    ? { engine: 'movenet', model: 'lightning' }
    : { engine: 'mediapipe', model: 'full' };
}

/**
 * The engine to offer when a check in this workout reads the body's outline and the engine in use
 * traces none (MoveNet has no segmentation mask): MediaPipe at its default model. Null otherwise.
 */
export function outlineEngineOffer(
  limitsSaid: readonly LastingReason[],
  config: EngineModel,
): EngineModel | null {
  if (!limitsSaid.includes('needs-body-outline') || config.engine === 'mediapipe') return null;
  return { engine: 'mediapipe', model: 'full' };
}
