import { FilesetResolver, PoseLandmarker } from '@mediapipe/tasks-vision';
import type { PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import type { MediaPipeModel, Pose, PoseFrame } from '../../pose/pose';
import { LANDMARK_COUNT } from '../../pose/landmarks';
import { outlineFromMask } from '../../pose/outline/mask-outline';
import { PoseEngineError, describeCause } from '../errors';
import { fetchModelBytes } from './fetch-model';
import {
  GPU_TRIAL_START,
  initialProcessor,
  nextTrial,
  trialProcessor,
  webGl2Renderer,
} from './processor';
import type { Processor, ProcessorChoice, ProcessorTrial } from './processor';
import { MEDIAPIPE_WIDTH_MULTIPLE_PX, frameSize, padWidthToMultiple } from './frame';
import type {
  DetectorConfig,
  EstimateOptions,
  PoseDetector,
  ProgressListener,
  RunningMode,
} from './types';

/** Two, so that a second person in frame is seen and can be reported rather than mixed in. */
const MAX_POSES = 2;
/**
 * Below tasks-vision's 0.5 defaults because people lying on the floor score low with the detector:
 * on the rendered glute-bridge clip, 0.5 found nobody in 27 of 60 frames, 0.3 in 3 of 60. Wrong
 * poses that slip through are caught by the checkers' visibility and view gates.
 */
const MIN_DETECTION_CONFIDENCE = 0.3;
const MIN_PRESENCE_CONFIDENCE = 0.3;
const MIN_TRACKING_CONFIDENCE = 0.5;
/**
 * The graph the app runs (without its model and delegate). Exported for the benchmark's
 * main-thread page (bench-main-thread.html), which must run the very same graph to compare fairly.
 */
export const POSE_GRAPH_OPTIONS = {
  numPoses: MAX_POSES,
  minPoseDetectionConfidence: MIN_DETECTION_CONFIDENCE,
  minPosePresenceConfidence: MIN_PRESENCE_CONFIDENCE,
  minTrackingConfidence: MIN_TRACKING_CONFIDENCE,
} as const;
const DELEGATE = { gpu: 'GPU', cpu: 'CPU' } as const satisfies Record<Processor, 'GPU' | 'CPU'>;
/**
 * Frames in a row where the GPU path found people but traced no outline from their masks: then
 * its masks are taken as broken (reported on some GPU setups) and the CPU takes over.
 */
const GPU_EMPTY_MASK_FRAMES = 5;
/** The share of the load bar taken by the wasm runtime; the rest is the model download. */
const RUNTIME_SHARE_OF_LOAD = 0.2;

function toRunningMode(mode: RunningMode): 'VIDEO' | 'IMAGE' {
  return mode === 'video' ? 'VIDEO' : 'IMAGE';
}

export async function createMediaPipeDetector(
  config: DetectorConfig & { readonly engine: 'mediapipe' },
  onProgress: ProgressListener,
): Promise<PoseDetector> {
  onProgress({ stage: 'runtime', fraction: 0 });
  let fileset: Awaited<ReturnType<typeof FilesetResolver.forVisionTasks>>;
  try {
    // A module worker cannot importScripts the classic build, so it takes the module one; a page
    // (the benchmark's direct call) loads the classic one, as the module build fails there with
    // "ModuleFactory not set".
    const inPage = 'document' in globalThis;
    fileset = await FilesetResolver.forVisionTasks(`${config.wasmBaseUrl}mediapipe`, !inPage);
  } catch (cause) {
    throw new PoseEngineError(
      'WASM',
      `The MediaPipe runtime could not start: ${describeCause(cause)}`,
      { cause },
    );
  }
  onProgress({ stage: 'model', fraction: RUNTIME_SHARE_OF_LOAD });
  const modelBytes = await fetchModelBytes(
    `${config.modelBaseUrl}pose_landmarker_${config.model}.task`,
    (fraction) => {
      onProgress({
        stage: 'model',
        fraction: RUNTIME_SHARE_OF_LOAD + (1 - RUNTIME_SHARE_OF_LOAD) * fraction,
      });
    },
  );
  const create = (processor: Processor) =>
    PoseLandmarker.createFromOptions(fileset, {
      baseOptions: { modelAssetBuffer: modelBytes, delegate: DELEGATE[processor] },
      runningMode: 'VIDEO',
      ...POSE_GRAPH_OPTIONS,
      outputSegmentationMasks: false,
    });
  let processor = initialProcessor(config.processor ?? 'auto', webGl2Renderer());
  let landmarker: PoseLandmarker;
  try {
    try {
      landmarker = await create(processor.processor);
    } catch (cause) {
      if (processor.processor === 'cpu') throw cause;
      // No WebGL2, a lost context or a shader the driver refuses: the CPU always runs.
      processor = { processor: 'cpu', reason: 'gpu-failed' };
      landmarker = await create('cpu');
    }
  } catch (cause) {
    throw new PoseEngineError(
      'MODEL_LOAD',
      `The pose model "${config.model}" could not be loaded: ${describeCause(cause)}`,
      { cause },
    );
  }
  onProgress({ stage: 'ready', fraction: 1 });
  return new MediaPipeDetector(config.model, landmarker, processor);
}

class MediaPipeDetector implements PoseDetector {
  readonly config;
  private mode: RunningMode = 'video';
  /** Whether the graph outputs person masks (created without: they cost 15-25 % a frame). */
  private masks = false;
  /** Set by reset: the next call rebuilds the graph, which drops tracking state. */
  private graphIsStale = false;
  /** VIDEO mode needs strictly increasing timestamps, across mode switches too (docs/models.md). */
  private lastTimestampMs = -1;
  private disposed = false;
  /** The delegate the graph runs now. */
  private running: Processor;
  /** Auto on a hardware GPU: the timed GPU-against-CPU trial, until it settles; else null. */
  private trial: ProcessorTrial | null;
  private emptyMaskFrames = 0;

  constructor(
    model: MediaPipeModel,
    private readonly landmarker: PoseLandmarker,
    public processor: ProcessorChoice,
  ) {
    this.config = { engine: 'mediapipe', model } as const;
    this.running = processor.processor;
    this.trial =
      processor.processor === 'gpu' && processor.reason !== 'asked' ? GPU_TRIAL_START : null;
  }

  /** Rebuilds the graph on the delegate wanted now (the trial's turn, or the settled choice). */
  private async runOn(processor: Processor): Promise<void> {
    if (processor === this.running) return;
    await this.landmarker.setOptions({ baseOptions: { delegate: DELEGATE[processor] } });
    this.running = processor;
  }

  /** After a call: the CPU for good when the GPU's masks come back empty; the trial's next step. */
  private judgeProcessor(inferenceMs: number, poses: readonly Pose[], masks: boolean): void {
    const emptyMasks = this.running === 'gpu' && masks && poses.length > 0;
    this.emptyMaskFrames =
      emptyMasks && !poses.some((pose) => pose.outline) ? this.emptyMaskFrames + 1 : 0;
    if (this.emptyMaskFrames >= GPU_EMPTY_MASK_FRAMES) {
      this.trial = null;
      this.processor = { processor: 'cpu', reason: 'gpu-mask-empty' };
      return;
    }
    if (!this.trial) return;
    this.trial = nextTrial(this.trial, inferenceMs);
    if (this.trial.settled) {
      this.processor = this.trial.settled;
      this.trial = null;
    }
  }

  async estimate(
    image: ImageBitmap,
    timestampMs: number,
    mode: RunningMode,
    options: EstimateOptions = {},
  ): Promise<PoseFrame> {
    if (this.disposed) throw new PoseEngineError('NOT_READY', 'The pose engine was closed.');
    const imageSize = frameSize(image);
    const masks = options.outline === true;
    if (mode !== this.mode || masks !== this.masks || this.graphIsStale) {
      // setOptions rebuilds the graph; one instance is kept because a second
      // createFromOptions fails in a module worker (docs/models.md).
      await this.landmarker.setOptions({
        runningMode: toRunningMode(mode),
        outputSegmentationMasks: masks,
      });
      this.mode = mode;
      this.masks = masks;
      this.graphIsStale = false;
    }
    await this.runOn(this.trial ? trialProcessor(this.trial) : this.processor.processor);
    const input = padWidthToMultiple(image, MEDIAPIPE_WIDTH_MULTIPLE_PX);
    const modelTimestampMs = Math.max(Math.round(timestampMs), this.lastTimestampMs + 1);
    this.lastTimestampMs = modelTimestampMs;
    const started = performance.now();
    let poses: Pose[] = [];
    // The callback form: masks are views valid only inside it, so they are traced there and never
    // copied or left open (docs/models.md).
    const onResult = (result: PoseLandmarkerResult): void => {
      poses = toPoses(result, input.width, input.height);
    };
    try {
      if (mode === 'video') this.landmarker.detectForVideo(input, modelTimestampMs, onResult);
      else this.landmarker.detect(input, onResult);
    } catch (cause) {
      throw new PoseEngineError('INFERENCE', `Pose estimation failed: ${describeCause(cause)}`, {
        cause,
      });
    }
    const inferenceMs = performance.now() - started;
    this.judgeProcessor(inferenceMs, poses, masks);
    return {
      engine: 'mediapipe',
      model: this.config.model,
      timestampMs,
      imageSize,
      poses,
      inferenceMs,
    };
  }

  reset(): void {
    this.graphIsStale = true;
  }

  dispose(): void {
    this.disposed = true;
    this.landmarker.close();
  }
}

/**
 * Normalised coordinates are relative to the (padded) input, so scale by its size. The padding is
 * on the right, so mask pixels are image pixels too.
 */
export function toPoses(
  result: PoseLandmarkerResult,
  inputWidth: number,
  inputHeight: number,
): Pose[] {
  return result.landmarks.map((normalised, personIndex) => {
    const world = result.worldLandmarks[personIndex];
    const mask = result.segmentationMasks?.[personIndex];
    const outline = mask
      ? outlineFromMask({ data: mask.getAsFloat32Array(), width: mask.width, height: mask.height })
      : null;
    const landmarks = normalised.slice(0, LANDMARK_COUNT).map((point) => ({
      x: point.x * inputWidth,
      y: point.y * inputHeight,
      z: point.z * inputWidth,
      visibility: point.visibility,
    }));
    const score =
      landmarks.reduce((sum, point) => sum + point.visibility, 0) / Math.max(1, landmarks.length);
    return {
      landmarks,
      worldLandmarks: world
        ? world.slice(0, LANDMARK_COUNT).map((point) => ({
            x: point.x,
            y: point.y,
            z: point.z,
            visibility: point.visibility,
          }))
        : null,
      score,
      ...(outline ? { outline } : {}),
    };
  });
}
