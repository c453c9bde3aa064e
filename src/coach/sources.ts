/**
 * The states of the three things that feed the screen: the camera, an opened photo or clip, and the
 * pose engine. The hooks in src/ui/hooks own them; status.ts reads them. Plain types, no React.
 */
import type { EngineModel } from '../pose/pose';
import type { FrameSource } from '../content/messages';
import type { Problem } from './problems';

export type CameraState =
  | { readonly status: 'off' }
  /** `problem` is set when the browser has not answered for the prompt timeout. */
  | { readonly status: 'starting'; readonly problem: Problem | null }
  | {
      readonly status: 'live';
      /** Null until the first frame comes back from the engine. */
      readonly latest: {
        readonly people: number;
        readonly meanMs: number;
        readonly fps: number | null;
        readonly config: EngineModel;
      } | null;
      /** An engine failure on a live frame; sending stops until the engine changes. */
      readonly problem: Problem | null;
    }
  | { readonly status: 'error'; readonly problem: Problem };

export type PhotoState =
  | { readonly status: 'empty' }
  | { readonly status: 'working'; readonly name: string }
  | {
      readonly status: 'shown';
      readonly name: string;
      readonly source: Exclude<FrameSource, 'camera'>;
      readonly people: number;
      readonly inferenceMs: number;
      readonly config: EngineModel;
    }
  | { readonly status: 'error'; readonly name: string; readonly problem: Problem };

/** `Engine` is the worker handle (src/workers/client.ts); the status words never touch it. */
export type EngineState<Engine = unknown> =
  | {
      readonly status: 'loading';
      readonly config: EngineModel;
      readonly fraction: number;
      /** True when this load replaces a worker that crashed. */
      readonly restarting: boolean;
    }
  | {
      readonly status: 'ready';
      readonly config: EngineModel;
      readonly engine: Engine;
      readonly loadMs: number;
    }
  | { readonly status: 'error'; readonly config: EngineModel; readonly problem: Problem };
