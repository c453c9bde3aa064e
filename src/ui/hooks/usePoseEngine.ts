import { useCallback, useEffect, useState } from 'react';
import type { EngineModel } from '../../pose/pose';
import { startPoseEngine } from '../../workers/client';
import type { PoseEngine } from '../../workers/client';
import { engineProblem } from '../problems';
import type { Problem } from '../problems';

export type EngineState =
  | { readonly status: 'loading'; readonly config: EngineModel; readonly fraction: number }
  | {
      readonly status: 'ready';
      readonly config: EngineModel;
      readonly engine: PoseEngine;
      readonly loadMs: number;
    }
  | { readonly status: 'error'; readonly config: EngineModel; readonly problem: Problem };

interface Tagged {
  readonly config: EngineModel;
  readonly generation: number;
  readonly state: EngineState;
}

/**
 * Owns the pose worker: one worker per engine and model. Changing `config` (or `restart`) starts
 * a new worker and terminates the old one, without reloading the page.
 */
export function usePoseEngine(config: EngineModel): {
  readonly state: EngineState;
  readonly restart: () => void;
} {
  const [generation, setGeneration] = useState(0);
  const [tagged, setTagged] = useState<Tagged | null>(null);

  useEffect(() => {
    let cancelled = false;
    let engine: PoseEngine | null = null;
    const settle = (state: EngineState): void => {
      if (!cancelled) setTagged({ config, generation, state });
    };
    startPoseEngine(config, (progress) => {
      settle({ status: 'loading', config, fraction: progress.fraction });
    }).then(
      (started) => {
        // A switch made while this one loaded: it is not wanted any more.
        if (cancelled) {
          started.terminate();
          return;
        }
        engine = started;
        settle({ status: 'ready', config, engine: started, loadMs: started.info.loadMs });
      },
      (error: unknown) => {
        settle({ status: 'error', config, problem: engineProblem(error, 'MODEL_LOAD') });
      },
    );
    return () => {
      cancelled = true;
      engine?.terminate();
    };
  }, [config, generation]);

  const restart = useCallback(() => {
    setGeneration((value) => value + 1);
  }, []);

  // Until this config's worker reports, it is loading from zero.
  const state: EngineState =
    tagged?.config === config && tagged.generation === generation
      ? tagged.state
      : { status: 'loading', config, fraction: 0 };
  return { state, restart };
}
