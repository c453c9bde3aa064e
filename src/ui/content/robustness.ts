/** The words for what goes wrong around a set: a crashed engine, a missing model, the scene. */
import type { EngineModel } from '../../pose/pose';
import { ENGINE_LABELS } from '../messages';
import type { StatusMessage } from '../messages';

export const RESTARTING_ENGINE: StatusMessage = {
  tone: 'busy',
  text: 'Restarting the pose engine…',
  next: 'It stopped answering. Your set and its counts are kept; coaching carries on in a moment.',
};

/** The button that switches to the other engine when this one's model will not load. */
export function otherEngineButtonText(other: EngineModel): string {
  return `Use ${ENGINE_LABELS[other.engine]} instead`;
}
