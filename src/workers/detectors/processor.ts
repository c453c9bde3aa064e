/**
 * Where MediaPipe runs its model: the GPU (WebGL2 on the worker's OffscreenCanvas) or the CPU
 * (wasm SIMD). Auto takes the GPU only when the browser reports a hardware renderer, falls back to
 * the CPU when the GPU path fails to start, when its person mask comes back empty (reported broken
 * on some GPU setups), or when a short trial finds it slower (docs/models.md, "GPU").
 */
import { median } from '../../pose/geometry/median';

export type Processor = 'gpu' | 'cpu';
/** 'auto' is the app's; 'gpu' (try it even on a software renderer) and 'cpu' are for measuring. */
export type ProcessorPreference = 'auto' | Processor;

/** Why the model runs where it does; the page words it (src/content/messages.ts). */
export type ProcessorReason =
  | 'asked'
  | 'cpu-engine'
  | 'gpu-faster'
  | 'no-gpu'
  | 'software-renderer'
  | 'gpu-failed'
  | 'gpu-mask-empty'
  | 'gpu-slower';

export interface ProcessorChoice {
  readonly processor: Processor;
  readonly reason: ProcessorReason;
}

/**
 * Renderers that are the CPU drawing WebGL (Chromium's SwiftShader, Mesa's llvmpipe and softpipe,
 * Windows' Basic Render Driver): the GPU delegate on them is a slower CPU path.
 */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The delegate to start with, from the preference and the WebGL2 renderer (null: no WebGL2). */
export function initialProcessor(
  preference: ProcessorPreference,
  renderer: string | null,
): ProcessorChoice {
  if (preference === 'cpu') return { processor: 'cpu', reason: 'asked' };
  if (preference === 'gpu') return { processor: 'gpu', reason: 'asked' };
  if (renderer === null) return { processor: 'cpu', reason: 'no-gpu' };
  if (SOFTWARE_RENDERER.test(renderer)) return { processor: 'cpu', reason: 'software-renderer' };
  return { processor: 'gpu', reason: 'gpu-faster' };
}

/** The WebGL2 renderer this worker would draw with, or null when it has no WebGL2 at all. */
export function webGl2Renderer(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer: unknown = gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER);
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return typeof renderer === 'string' ? renderer : '';
}

/**
 * Model calls timed on each processor before settling: the first calls after a graph is built
 * include its warm-up, so each side gets a few discarded calls and then a median of the rest.
 */
export const PROCESSOR_TRIAL_WARMUP_CALLS = 3;
export const PROCESSOR_TRIAL_TIMED_CALLS = 10;

/**
 * The GPU trial: GPU calls timed first, then CPU calls; the faster median is kept. Pure, so the
 * detector only applies its answer (docs/models.md).
 */
export interface ProcessorTrial {
  readonly gpuMs: readonly number[];
  readonly cpuMs: readonly number[];
  /** Calls of the current processor still to discard as warm-up. */
  readonly warmupLeft: number;
  /** Null while the trial runs. */
  readonly settled: ProcessorChoice | null;
}

export const GPU_TRIAL_START: ProcessorTrial = {
  gpuMs: [],
  cpuMs: [],
  warmupLeft: PROCESSOR_TRIAL_WARMUP_CALLS,
  settled: null,
};

/** The processor the trial runs now. */
export function trialProcessor(trial: ProcessorTrial): Processor {
  if (trial.settled) return trial.settled.processor;
  return trial.gpuMs.length < PROCESSOR_TRIAL_TIMED_CALLS ? 'gpu' : 'cpu';
}

/** The trial after one more model call of `ms` on the processor it asked for. */
export function nextTrial(trial: ProcessorTrial, ms: number): ProcessorTrial {
  if (trial.settled) return trial;
  if (trial.warmupLeft > 0) return { ...trial, warmupLeft: trial.warmupLeft - 1 };
  if (trialProcessor(trial) === 'gpu') {
    const gpuMs = [...trial.gpuMs, ms];
    const switching = gpuMs.length === PROCESSOR_TRIAL_TIMED_CALLS;
    return {
      ...trial,
      gpuMs,
      warmupLeft: switching ? PROCESSOR_TRIAL_WARMUP_CALLS : 0,
    };
  }
  const cpuMs = [...trial.cpuMs, ms];
  if (cpuMs.length < PROCESSOR_TRIAL_TIMED_CALLS) return { ...trial, cpuMs };
  const gpuFaster = median(trial.gpuMs) < median(cpuMs);
  return {
    ...trial,
    cpuMs,
    settled: gpuFaster
      ? { processor: 'gpu', reason: 'gpu-faster' }
      : { processor: 'cpu', reason: 'gpu-slower' },
  };
}
