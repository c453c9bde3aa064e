import type { EngineModel } from '../../src/pose/pose';
import { ENGINE_MODELS } from '../../src/pose/pose';

/** `--name value` options and positional arguments, without a dependency. */
export function parseArgs(argv: readonly string[]): {
  readonly positional: string[];
  readonly options: ReadonlyMap<string, string>;
} {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      const next = argv[i + 1];
      if (inline !== undefined) options.set(name, inline);
      else if (next !== undefined && !next.startsWith('--')) {
        options.set(name, next);
        i++;
      } else options.set(name, 'true');
    } else positional.push(arg);
  }
  return { positional, options };
}

/** `--engine mediapipe|movenet` and `--model …`, defaulting to MediaPipe full. */
export function engineFromOptions(options: ReadonlyMap<string, string>): EngineModel {
  const engine = options.get('engine') ?? 'mediapipe';
  if (engine === 'mediapipe') {
    const model = options.get('model') ?? 'full';
    if (model === 'lite' || model === 'full' || model === 'heavy') return { engine, model };
    throw new Error(`--model for mediapipe is one of ${ENGINE_MODELS.mediapipe.join(', ')}`);
  }
  if (engine === 'movenet') {
    const model = options.get('model') ?? 'lightning';
    if (model === 'lightning' || model === 'thunder') return { engine, model };
    throw new Error(`--model for movenet is one of ${ENGINE_MODELS.movenet.join(', ')}`);
  }
  throw new Error('--engine is mediapipe or movenet');
}
