import { useCallback, useEffect, useRef, useState } from 'react';
import type { EngineModel } from '../../pose/pose';
import { startPoseEngine } from '../../workers/client';
import type { PoseEngine } from '../../workers/client';
import { mayRestartAfterCrash } from '../../coach/engine-recovery';
import { exposeFaultHooks } from '../fault-hooks';
import { engineProblem } from '../problems';
import type { EngineState as SourceEngineState } from '../../coach/sources';

export type EngineState = SourceEngineState<PoseEngine>;

interface Tagged {
  readonly config: EngineModel;
  readonly generation: number;
  readonly state: EngineState;
}

/**
 * Owns the pose worker: one worker per engine and model. Changing `config` (or `restart`) starts
 * a new worker and terminates the old one, without reloading the page. A worker that crashes or
 * stops answering is replaced by a new one with the same engine and model (a few times a minute at
 * most); whoever coaches on it sees a new engine and starts coaching again.
 */
export function usePoseEngine(config: EngineModel): {
  readonly state: EngineState;
  readonly restart: () => void;
} {
  const [generation, setGeneration] = useState(0);
  const [tagged, setTagged] = useState<Tagged | null>(null);
  /** The worker started last to replace a crashed one. */
  const [recovery, setRecovery] = useState<{
    readonly config: EngineModel;
    readonly generation: number;
  } | null>(null);
  const crashTimesRef = useRef<number[]>([]);

  useEffect(() => {
    let cancelled = false;
    let engine: PoseEngine | null = null;
    let stopWatching = (): void => undefined;
    const restarting = recovery?.config === config && recovery.generation === generation;
    const settle = (state: EngineState): void => {
      if (!cancelled) setTagged({ config, generation, state });
    };
    startPoseEngine(config, (progress) => {
      settle({ status: 'loading', config, fraction: progress.fraction, restarting });
    }).then(
      (started) => {
        // A switch made while this one loaded: it is not wanted any more.
        if (cancelled) {
          started.terminate();
          return;
        }
        engine = started;
        stopWatching = started.onLost((error) => {
          if (cancelled) return;
          const now = performance.now();
          if (mayRestartAfterCrash(crashTimesRef.current, now)) {
            crashTimesRef.current = [...crashTimesRef.current, now];
            setRecovery({ config, generation: generation + 1 });
            setGeneration(generation + 1);
          } else {
            settle({ status: 'error', config, problem: engineProblem(error, 'WORKER_LOST') });
          }
        });
        exposeFaultHooks(started);
        settle({ status: 'ready', config, engine: started, loadMs: started.info.loadMs });
      },
      (error: unknown) => {
        settle({ status: 'error', config, problem: engineProblem(error, 'MODEL_LOAD') });
      },
    );
    return () => {
      cancelled = true;
      stopWatching();
      engine?.terminate();
    };
    // `recovery` only changes together with `generation`, so it never starts a worker itself.
  }, [config, generation, recovery]);

  const restart = useCallback(() => {
    crashTimesRef.current = [];
    setGeneration((value) => value + 1);
  }, []);

  // Until this config's worker reports, it is loading from zero.
  const state: EngineState =
    tagged?.config === config && tagged.generation === generation
      ? tagged.state
      : {
          status: 'loading',
          config,
          fraction: 0,
          restarting: recovery?.config === config && recovery.generation === generation,
        };
  return { state, restart };
}
