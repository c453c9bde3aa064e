/**
 * A page without UI that drives the real engine for the recorder, the benchmark and the browser
 * tests (through Playwright's page.evaluate). It runs the same worker the app runs.
 */
import { findExercise } from '../pose/exercises/registry';
import type { Exercise, ExerciseId } from '../pose/exercises/types';
import type { EngineModel, PoseFrame } from '../pose/pose';
import { EXERCISE_CONTENT } from '../content/exercises';
import { presentWorkout } from '../coach/workout/present';
import { DEFAULT_HOLD_PLAN, DEFAULT_REPS_PLAN, planFor } from '../coach/workout/plan';
import { INITIAL_WORKOUT, stepWorkout } from '../coach/workout/workout';
import { startPoseEngine } from '../workers/client';
import type { PoseEngine } from '../workers/client';
import { createDetector } from '../workers/detectors';
import { PoseEngineError } from '../workers/errors';
import { modelInput } from '../workers/live-frame';
import { restrictFetchToOwnOrigin } from '../workers/own-origin-fetch';
import type { ProcessorChoice } from '../workers/detectors/processor';
import type { EngineRequest, RunningMode } from '../workers/detectors/types';
import { decodeFrames, mediaKind } from '../ui/media/decode';
import type { DecodedFrame } from '../ui/media/decode';

export interface RecordOptions {
  readonly sampleFps?: number;
  /** Trace each person's silhouette too (`Pose.outline`; MediaPipe only). */
  readonly outline?: boolean;
  /**
   * Each frame's width and height relative to the file's, resized by createImageBitmap before the
   * model (scripts/bench-scale.ts); 1 or absent sends frames at full size.
   */
  readonly scale?: number;
}

export interface Recording {
  readonly file: string;
  readonly engine: EngineModel;
  readonly mode: RunningMode;
  readonly frames: readonly PoseFrame[];
}

export interface BenchOptions {
  readonly frameCount: number;
  readonly warmupFrames: number;
  readonly sampleFps: number;
  /** Time the engine with the segmentation mask and outline tracing on. */
  readonly outline: boolean;
}

export interface BenchSample {
  readonly engine: EngineModel;
  /** Where the worker's model ran (as loaded; detectors/processor.ts). */
  readonly processor: ProcessorChoice;
  readonly outline: boolean;
  readonly startupMs: number;
  /** Round trip per frame from the page: transfer, worker, model, reply. */
  readonly workerRoundTripMs: readonly number[];
  /** The model call alone, as timed inside the worker. */
  readonly workerInferenceMs: readonly number[];
  /** The same detector called on the page's own thread, without the worker. */
  readonly directMs: readonly number[];
  readonly directStartupMs: number;
  /** The exercise coached for the pipeline pass (one that asks for the outline when it is on). */
  readonly pipelineExercise: ExerciseId;
  /**
   * The whole live path per frame, as the app runs it: transfer, the brightness sample, the model,
   * smoothing, checkers and counting in the worker, the reply, then the workout's state machine
   * and the words on screen (stepWorkout, presentWorkout) on the page.
   */
  readonly pipelineMs: readonly number[];
  /** The model call alone within each of those frames (`PoseFrame.inferenceMs`). */
  readonly pipelineModelMs: readonly number[];
  /** The same pipeline with each frame scaled to half its width and height before the transfer. */
  readonly halfSizePipelineMs: readonly number[];
}

async function fetchBlob(url: string): Promise<Blob> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.blob();
}

function modeFor(file: string, blob: Blob): RunningMode {
  return mediaKind(blob.type, file) === 'image' ? 'image' : 'video';
}

let engine: PoseEngine | null = null;

async function useEngine(config: EngineRequest): Promise<PoseEngine> {
  // The benchmark starts afresh each time, so a processor it asked for is never reused elsewhere.
  if (engine?.info.config.engine === config.engine && engine.info.config.model === config.model) {
    return engine;
  }
  engine?.terminate();
  engine = await startPoseEngine(config);
  return engine;
}

/** Runs the engine over every frame of a photo or clip, as the recorder and tests need. */
async function record(
  url: string,
  config: EngineModel,
  options: RecordOptions = {},
): Promise<Recording> {
  const blob = await fetchBlob(url);
  const file = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
  const mode = modeFor(file, blob);
  const poseEngine = await useEngine(config);
  await poseEngine.reset();
  const frames: PoseFrame[] = [];
  const scale = options.scale ?? 1;
  for await (const frame of decodeFrames(blob, file, options.sampleFps)) {
    // The worker's own resize for a live frame, so the benchmark measures what the app sends.
    const input = await modelInput(frame.bitmap, scale);
    frames.push(
      await poseEngine.estimate(input, frame.timestampMs, mode, {
        outline: options.outline === true,
      }),
    );
  }
  return { file, engine: config, mode, frames };
}

async function decodeSome(url: string, count: number, sampleFps: number): Promise<DecodedFrame[]> {
  const blob = await fetchBlob(url);
  const frames: DecodedFrame[] = [];
  for await (const frame of decodeFrames(blob, url, sampleFps)) {
    if (frames.length >= count) {
      frame.bitmap.close();
      break;
    }
    frames.push(frame);
  }
  return frames;
}

/** Times one engine on a clip in the worker and, in the same page, without it. */
async function bench(
  url: string,
  config: EngineRequest,
  options: BenchOptions,
): Promise<BenchSample> {
  const frames = await decodeSome(url, options.frameCount, options.sampleFps);
  engine?.terminate();
  engine = null;
  const startupStarted = performance.now();
  const poseEngine = await useEngine(config);
  const startupMs = performance.now() - startupStarted;
  const workerRoundTripMs: number[] = [];
  const workerInferenceMs: number[] = [];
  for (let pass = 0; pass < options.warmupFrames + frames.length; pass++) {
    const frame = frames[pass % frames.length];
    if (!frame) break;
    const copy = await createImageBitmap(frame.bitmap);
    const started = performance.now();
    const result = await poseEngine.estimate(copy, pass * (1000 / options.sampleFps), 'video', {
      outline: options.outline,
    });
    if (pass >= options.warmupFrames) {
      workerRoundTripMs.push(performance.now() - started);
      workerInferenceMs.push(result.inferenceMs);
    }
  }
  const pipeline = await timePipeline(poseEngine, frames, options);
  poseEngine.terminate();
  engine = null;

  const directStarted = performance.now();
  const direct = await createDetector(
    {
      ...config,
      modelBaseUrl: new URL(`${import.meta.env.BASE_URL}models/`, location.origin).href,
      wasmBaseUrl: new URL(`${import.meta.env.BASE_URL}wasm/`, location.origin).href,
    },
    () => undefined,
  );
  const directStartupMs = performance.now() - directStarted;
  const directMs: number[] = [];
  for (let pass = 0; pass < options.warmupFrames + frames.length; pass++) {
    const frame = frames[pass % frames.length];
    if (!frame) break;
    const started = performance.now();
    await direct.estimate(frame.bitmap, pass * (1000 / options.sampleFps), 'video', {
      outline: options.outline,
    });
    if (pass >= options.warmupFrames) directMs.push(performance.now() - started);
  }
  direct.dispose();
  for (const frame of frames) frame.bitmap.close();
  return {
    engine: poseEngine.info.config,
    processor: poseEngine.info.processor,
    outline: options.outline,
    startupMs,
    workerRoundTripMs,
    workerInferenceMs,
    directMs,
    directStartupMs,
    ...pipeline,
  };
}

/** Plank reads the silhouette (the outline's cost); side plank does not. Both suit a plank clip. */
function pipelineExercise(outline: boolean): ExerciseId {
  return outline ? 'plank' : 'side-plank';
}

async function timePipeline(
  poseEngine: PoseEngine,
  frames: readonly DecodedFrame[],
  options: BenchOptions,
): Promise<
  Pick<BenchSample, 'pipelineExercise' | 'pipelineMs' | 'pipelineModelMs' | 'halfSizePipelineMs'>
> {
  const exerciseId = pipelineExercise(options.outline);
  const exercise = findExercise(exerciseId);
  if (!exercise) throw new Error(`No exercise ${exerciseId} to time the pipeline with.`);
  // After the estimate passes: the model is warm, and VIDEO mode's timestamps must keep rising.
  const afterEstimatesMs = (options.warmupFrames + frames.length) * (1000 / options.sampleFps);
  const full = await pipelinePass(poseEngine, frames, options, exercise, 1, afterEstimatesMs);
  const half = await pipelinePass(poseEngine, frames, options, exercise, 2, full.endMs);
  return {
    pipelineExercise: exerciseId,
    pipelineMs: full.wholeMs,
    pipelineModelMs: full.modelMs,
    halfSizePipelineMs: half.wholeMs,
  };
}

/**
 * One coached pass over the frames, each copied from the decoded frame as the app copies the
 * camera's (scaled down by `shrink` when above 1), timed from the copy to the words on screen.
 */
async function pipelinePass(
  poseEngine: PoseEngine,
  frames: readonly DecodedFrame[],
  options: BenchOptions,
  exercise: Exercise,
  shrink: number,
  startMs: number,
): Promise<{ wholeMs: number[]; modelMs: number[]; endMs: number }> {
  const exerciseId = exercise.id;
  await poseEngine.startCoaching({ exercise: exerciseId, strictness: 'beginner' });
  const plan = planFor(exercise, { reps: DEFAULT_REPS_PLAN, hold: DEFAULT_HOLD_PLAN });
  let workout = stepWorkout(INITIAL_WORKOUT, { type: 'start', exercise, plan, tMs: 0 });
  const wholeMs: number[] = [];
  const modelMs: number[] = [];
  for (let pass = 0; pass < options.warmupFrames + frames.length; pass++) {
    const frame = frames[pass % frames.length];
    if (!frame) break;
    const tMs = startMs + (pass + 1) * (1000 / options.sampleFps);
    const started = performance.now();
    const copy = await createImageBitmap(frame.bitmap, {
      resizeWidth: Math.round(frame.bitmap.width / shrink),
      resizeHeight: Math.round(frame.bitmap.height / shrink),
    });
    const analysis = await poseEngine.analyse(copy, tMs, 'video');
    if (analysis.coaching) {
      workout = stepWorkout(workout, {
        type: 'frame',
        coaching: analysis.coaching,
        tMs,
        brightness: analysis.brightness,
      });
    }
    presentWorkout(workout, EXERCISE_CONTENT[exerciseId]);
    if (pass >= options.warmupFrames) {
      wholeMs.push(performance.now() - started);
      modelMs.push(analysis.frame.inferenceMs);
    }
  }
  await poseEngine.startCoaching(null);
  return {
    wholeMs,
    modelMs,
    endMs: startMs + (options.warmupFrames + frames.length) * (1000 / options.sampleFps),
  };
}

export interface EngineLoadOutcome {
  readonly ok: boolean;
  /** Where the loaded model runs, and why; null when it did not load. */
  readonly processor: ProcessorChoice | null;
  /** The PoseEngineError code, or null for success or an error without one. */
  readonly code: string | null;
  readonly message: string;
}

/** Starts an engine and reports how it went, for the fault tests (missing or corrupt models). */
async function tryLoadEngine(config: EngineRequest): Promise<EngineLoadOutcome> {
  try {
    const started = await startPoseEngine(config);
    started.terminate();
    return { ok: true, processor: started.info.processor, code: null, message: '' };
  } catch (error) {
    const code = error instanceof PoseEngineError ? error.code : null;
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, processor: null, code, message };
  }
}

const harness = { record, bench, tryLoadEngine };
export type Harness = typeof harness;

declare global {
  interface Window {
    plumbline?: Harness;
  }
}
// The benchmark runs MediaPipe on this page too: its usage log must not leave the device either.
restrictFetchToOwnOrigin(window);
window.plumbline = harness;
document.body.dataset.ready = 'true';
