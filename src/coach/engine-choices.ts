import { ENGINE_MODELS } from '../pose/pose';
import type { EngineModel } from '../pose/pose';

/** Every engine and model the picker offers, in menu order. */
export const ENGINE_CHOICES: readonly EngineModel[] = [
  ...ENGINE_MODELS.mediapipe.map((model) => ({ engine: 'mediapipe' as const, model })),
  ...ENGINE_MODELS.movenet.map((model) => ({ engine: 'movenet' as const, model })),
];

/** MediaPipe full: the model that followed reps on the test clips (docs/testing.md). */
export const DEFAULT_ENGINE: EngineModel =
  ENGINE_CHOICES.find((choice) => choice.engine === 'mediapipe' && choice.model === 'full') ??
  ({ engine: 'mediapipe', model: 'full' } as const);

export function choiceKey(choice: EngineModel): string {
  return `${choice.engine}:${choice.model}`;
}

export function choiceByKey(key: string): EngineModel | undefined {
  return ENGINE_CHOICES.find((choice) => choiceKey(choice) === key);
}
