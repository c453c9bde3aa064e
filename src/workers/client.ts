import { proxy, transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { EngineModel, PoseFrame } from '../pose/pose';
import type { EstimateOptions, LoadProgress, RunningMode } from './detectors/types';
import { installPoseErrorTransfer } from './errors';
import type { CoachingRequest, EngineInfo, FrameAnalysis, PoseWorkerApi } from './pose.worker';

export type {
  CoachingRequest,
  EngineInfo,
  EstimateOptions,
  FrameAnalysis,
  LoadProgress,
  RunningMode,
};

/** The UI's handle on one pose worker: one engine and model for its lifetime. */
export interface PoseEngine {
  readonly info: EngineInfo;
  /** Sends the frame to the worker, which owns and closes it. */
  estimate(
    frame: ImageBitmap,
    timestampMs: number,
    mode: RunningMode,
    options?: EstimateOptions,
  ): Promise<PoseFrame>;
  /** Like estimate, plus the coach's verdict when coaching (see startCoaching). */
  analyse(frame: ImageBitmap, timestampMs: number, mode: RunningMode): Promise<FrameAnalysis>;
  /** Starts (or with null stops) coaching an exercise; counts and smoothing start afresh. */
  startCoaching(request: CoachingRequest | null): Promise<void>;
  reset(): Promise<void>;
  /** Ends the worker and the model with it. */
  terminate(): void;
}

export async function startPoseEngine(
  config: EngineModel,
  onProgress: (progress: LoadProgress) => void = () => undefined,
): Promise<PoseEngine> {
  installPoseErrorTransfer();
  const worker = new Worker(new URL('./pose.worker.ts', import.meta.url), {
    type: 'module',
    name: `pose-${config.engine}-${config.model}`,
  });
  const remote: Remote<PoseWorkerApi> = wrap<PoseWorkerApi>(worker);
  let info: EngineInfo;
  try {
    info = await remote.init(config, proxy(onProgress));
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    info,
    estimate: (frame, timestampMs, mode, options) =>
      remote.estimate(transfer(frame, [frame]), timestampMs, mode, options),
    analyse: (frame, timestampMs, mode) =>
      remote.analyse(transfer(frame, [frame]), timestampMs, mode),
    startCoaching: (request) => remote.startCoaching(request),
    reset: () => remote.reset(),
    // Ending the worker frees the model with it, even when it is stuck in a call.
    terminate: () => {
      worker.terminate();
    },
  };
}
