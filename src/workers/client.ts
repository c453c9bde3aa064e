import { proxy, transfer, wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { Strictness } from '../pose/exercises/types';
import type { PoseFrame } from '../pose/pose';
import type { PostureCheck } from '../pose/posture-measures';
import type { EngineRequest, EstimateOptions, LoadProgress, RunningMode } from './detectors/types';
import type { CameraFrame } from './live-frame';
import { PoseEngineError, installPoseErrorTransfer } from './errors';
import type {
  CoachingRequest,
  EngineInfo,
  FrameAnalysis,
  PoseWorkerApi,
  SimulatedFailure,
} from './pose.worker';

export type {
  CameraFrame,
  CoachingRequest,
  EngineInfo,
  EstimateOptions,
  FrameAnalysis,
  LoadProgress,
  RunningMode,
  SimulatedFailure,
};

/**
 * A frame the worker has not answered for this long means the worker is gone (it closed, or a
 * wasm call never returns). The slowest model takes well under a second per frame on a laptop
 * (`npm run bench`); 10 s leaves room for a machine busy with other work.
 */
export const WORKER_STALL_MS = 10_000;

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
  /**
   * A camera frame (the worker owns and closes it) estimated at the engine's live size, answered
   * in the frame's own pixels, with the coach's verdict when coaching (see startCoaching).
   */
  analyse(frame: CameraFrame, timestampMs: number, mode: RunningMode): Promise<FrameAnalysis>;
  /** The posture check of a still's poses (from `estimate` in 'image' mode). */
  checkPosture(still: PoseFrame, strictness: Strictness): Promise<PostureCheck>;
  /** Starts (or with null stops) coaching an exercise; counts and smoothing start afresh. */
  startCoaching(request: CoachingRequest | null): Promise<void>;
  reset(): Promise<void>;
  /**
   * Calls `listener` once if the worker dies: an uncaught error in it, or a frame unanswered for
   * WORKER_STALL_MS. The worker is then terminated and every call rejects with WORKER_LOST.
   * Returns a function that removes the listener.
   */
  onLost(listener: (error: PoseEngineError) => void): () => void;
  /** For the fault tests only: makes the worker fail as a real crash would. */
  simulateFailure(kind: SimulatedFailure): void;
  /** Ends the worker and the model with it. */
  terminate(): void;
}

type Reject = (reason: Error) => void;

export async function startPoseEngine(
  config: EngineRequest,
  onProgress: (progress: LoadProgress) => void = () => undefined,
): Promise<PoseEngine> {
  installPoseErrorTransfer();
  const worker = new Worker(new URL('./pose.worker.ts', import.meta.url), {
    type: 'module',
    name: `pose-${config.engine}-${config.model}`,
  });
  const remote: Remote<PoseWorkerApi> = wrap<PoseWorkerApi>(worker);

  let lost: PoseEngineError | null = null;
  const pending = new Set<Reject>();
  const listeners = new Set<(error: PoseEngineError) => void>();
  const markLost = (error: PoseEngineError): void => {
    if (lost) return;
    lost = error;
    worker.terminate();
    for (const reject of pending) reject(error);
    pending.clear();
    for (const listener of listeners) listener(error);
  };
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    const detail = event.message ? `: ${event.message}` : '';
    markLost(new PoseEngineError('WORKER_LOST', `The pose worker crashed${detail}.`));
  });

  /** A call that rejects as soon as the worker is lost, and (with `stallMs`) declares it lost. */
  const guarded = <T>(call: () => Promise<T>, stallMs: number | null): Promise<T> => {
    if (lost) return Promise.reject(lost);
    return new Promise<T>((resolve, reject) => {
      const timer =
        stallMs === null
          ? undefined
          : setTimeout(() => {
              markLost(new PoseEngineError('WORKER_LOST', 'The pose worker stopped answering.'));
            }, stallMs);
      const settle = (): void => {
        clearTimeout(timer);
        pending.delete(reject);
      };
      pending.add(reject);
      call().then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
  };

  let info: EngineInfo;
  try {
    // No stall limit: a model load takes as long as the network and disk take.
    info = await guarded(() => remote.init(config, proxy(onProgress)), null);
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    info,
    estimate: (frame, timestampMs, mode, options) =>
      guarded(
        () => remote.estimate(transfer(frame, [frame]), timestampMs, mode, options),
        WORKER_STALL_MS,
      ),
    analyse: (frame, timestampMs, mode) => {
      // Not sent to a lost worker: closed here, as an open camera frame holds one of its buffers.
      if (lost) frame.close();
      return guarded(
        () => remote.analyse(transfer(frame, [frame]), timestampMs, mode),
        WORKER_STALL_MS,
      );
    },
    checkPosture: (still, strictness) =>
      // comlink types a union's promise as a union of promises: one promise of the union here.
      guarded<PostureCheck>(() => remote.checkPosture(still, strictness), WORKER_STALL_MS),
    startCoaching: (request) => guarded(() => remote.startCoaching(request), null),
    reset: () => guarded(() => remote.reset(), null),
    onLost: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    simulateFailure: (kind) => {
      // Not awaited: a worker that closes itself may never answer this call.
      remote.simulateFailure(kind).catch(() => undefined);
    },
    // Ending the worker frees the model with it, even when it is stuck in a call; calls still
    // waiting reject at once rather than at the stall limit, and nobody is told it was lost.
    terminate: () => {
      listeners.clear();
      markLost(new PoseEngineError('WORKER_LOST', 'The pose worker was ended.'));
    },
  };
}
