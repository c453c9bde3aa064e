/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { EngineModel, PoseFrame } from '../pose/pose';
import { createDetector } from './detectors';
import type { LoadProgress, PoseDetector, RunningMode } from './detectors/types';
import { PoseEngineError, installPoseErrorTransfer } from './errors';
import { restrictFetchToOwnOrigin } from './own-origin-fetch';

declare const self: DedicatedWorkerGlobalScope;

installPoseErrorTransfer();
restrictFetchToOwnOrigin(self);

export interface EngineInfo {
  readonly config: EngineModel;
  readonly loadMs: number;
}

let detector: PoseDetector | null = null;

function assetUrl(folder: string): string {
  return new URL(`${import.meta.env.BASE_URL}${folder}/`, self.location.origin).href;
}

const api = {
  /** Loads one engine and model; a worker holds one for its lifetime (switch = new worker). */
  async init(
    config: EngineModel,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<EngineInfo> {
    if (detector) throw new PoseEngineError('NOT_READY', 'This pose engine is already loaded.');
    const started = performance.now();
    detector = await createDetector(
      { ...config, modelBaseUrl: assetUrl('models'), wasmBaseUrl: assetUrl('wasm') },
      (progress) => onProgress?.(progress),
    );
    return { config: detector.config, loadMs: performance.now() - started };
  },

  /** Estimates the poses in one frame and closes it: the bitmap is transferred here. */
  async estimate(frame: ImageBitmap, timestampMs: number, mode: RunningMode): Promise<PoseFrame> {
    try {
      if (!detector) throw new PoseEngineError('NOT_READY', 'The pose engine is not loaded yet.');
      return await detector.estimate(frame, timestampMs, mode);
    } finally {
      frame.close();
    }
  },

  reset(): void {
    detector?.reset();
  },

  dispose(): void {
    detector?.dispose();
    detector = null;
  },
};

export type PoseWorkerApi = typeof api;

expose(api);
