/** The words for what goes wrong around a set: a crashed engine, a missing model, the scene. */
import type { EngineModel } from '../pose/pose';
import type { AutoPhase } from '../coach/auto-engine';
import { ENGINE_LABELS, engineName } from './messages';
import type { StatusMessage } from './messages';

export const RESTARTING_ENGINE: StatusMessage = {
  tone: 'busy',
  text: 'Restarting the pose engine…',
  next: 'It stopped answering. Your set and its counts are kept; coaching carries on in a moment.',
};

/** The button that switches to the other engine when this one's model will not load. */
export function otherEngineButtonText(other: EngineModel): string {
  return `Use ${ENGINE_LABELS[other.engine]} instead`;
}

export const TOO_DARK = 'It’s too dark for me to see you. Turn on a light or face a window.';

/** The pause while nobody is in view; counting goes on by itself when the person is back. */
export const OUT_OF_VIEW = 'Paused: you are out of view. Come back into view to carry on.';

/** While someone else is in view: who is coached. */
export function othersInViewText(others: number): string {
  const people = others + 1;
  return `${people} people in view: I’m coaching the person who started the set.`;
}

/**
 * The picker's "Auto" entry: what it runs now, and whether it is still timing it, keeps it, or
 * switches to `next` once the set is over.
 */
export function autoOptionText(
  pick: EngineModel,
  phase: AutoPhase,
  next: EngineModel | null,
): string {
  const state =
    phase === 'settled'
      ? 'keeps up on this device'
      : phase === 'switching' && next !== null
        ? `${engineName(next)} after this set`
        : 'measuring…';
  return `Auto: ${engineName(pick)} (${state})`;
}
