import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { ImageLandmark, MoveNetModel, Pose, PoseFrame } from '../../pose/pose';
import { LANDMARK_COUNT, LANDMARK_INDEX, MOVENET_KEYPOINTS } from '../../pose/landmarks';
import { PoseEngineError, describeCause } from '../errors';
import { stallLimitedFetch } from './fetch-model';
import { frameSize } from './frame';
import type { DetectorConfig, PoseDetector, ProgressListener } from './types';

/** The square input side each MoveNet model was trained on (TF Hub model cards). */
const INPUT_SIZE_PX: Record<MoveNetModel, number> = { lightning: 192, thunder: 256 };
/** Below this mean keypoint score there is no person: tfjs-models' MoveNet uses 0.25 too. */
const MIN_POSE_SCORE = 0.25;
/** MoveNet outputs, per keypoint: y, x, score. */
const VALUES_PER_KEYPOINT = 3;
const RUNTIME_SHARE_OF_LOAD = 0.1;
/**
 * TF.js's threaded wasm build never finished starting inside a module worker here (Chromium 156,
 * tfjs 4.22: setBackend hung in the cross-origin-isolated worker), so the worker runs the
 * single-threaded SIMD build. The model runs off the main thread either way.
 */
const USE_WASM_THREADS = false;

export async function createMoveNetDetector(
  config: DetectorConfig & { readonly engine: 'movenet' },
  onProgress: ProgressListener,
): Promise<PoseDetector> {
  onProgress({ stage: 'runtime', fraction: 0 });
  try {
    setWasmPaths(`${config.wasmBaseUrl}tfjs/`);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', USE_WASM_THREADS);
    if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
    await tf.ready();
  } catch (cause) {
    throw new PoseEngineError(
      'WASM',
      `The TF.js runtime could not start: ${describeCause(cause)}`,
      {
        cause,
      },
    );
  }
  onProgress({ stage: 'model', fraction: RUNTIME_SHARE_OF_LOAD });
  let model: GraphModel;
  try {
    model = await loadGraphModel(`${config.modelBaseUrl}movenet-${config.model}.json`, {
      fetchFunc: stallLimitedFetch(),
      onProgress: (fraction) => {
        onProgress({
          stage: 'model',
          fraction: RUNTIME_SHARE_OF_LOAD + (1 - RUNTIME_SHARE_OF_LOAD) * fraction,
        });
      },
    });
  } catch (cause) {
    throw new PoseEngineError(
      'MODEL_LOAD',
      `The MoveNet ${config.model} model could not be loaded: ${describeCause(cause)}`,
      { cause },
    );
  }
  onProgress({ stage: 'ready', fraction: 1 });
  return new MoveNetDetector(config.model, model);
}

class MoveNetDetector implements PoseDetector {
  readonly config;
  /** TF.js's wasm backend: the GPU backends were not worth their size here (docs/models.md). */
  readonly processor = { processor: 'cpu', reason: 'cpu-engine' } as const;
  private readonly inputSize: number;
  private readonly canvas: OffscreenCanvas;
  private readonly context: OffscreenCanvasRenderingContext2D;
  private disposed = false;

  constructor(
    model: MoveNetModel,
    private readonly graph: GraphModel,
  ) {
    this.config = { engine: 'movenet', model } as const;
    this.inputSize = INPUT_SIZE_PX[model];
    this.canvas = new OffscreenCanvas(this.inputSize, this.inputSize);
    const context = this.canvas.getContext('2d', { willReadFrequently: true });
    if (!context)
      throw new PoseEngineError('WASM', 'This browser cannot prepare frames for MoveNet.');
    this.context = context;
  }

  estimate(image: ImageBitmap, timestampMs: number): Promise<PoseFrame> {
    if (this.disposed) throw new PoseEngineError('NOT_READY', 'The pose engine was closed.');
    const imageSize = frameSize(image);
    // Letterbox into the model's square, top-left, so the aspect ratio is kept.
    const scale = this.inputSize / Math.max(imageSize.width, imageSize.height);
    this.context.clearRect(0, 0, this.inputSize, this.inputSize);
    this.context.drawImage(image, 0, 0, imageSize.width * scale, imageSize.height * scale);
    const rgba = this.context.getImageData(0, 0, this.inputSize, this.inputSize).data;
    const started = performance.now();
    let values: Float32Array;
    try {
      values = tf.tidy(() => {
        const input = rgbaToInt32Tensor(rgba, this.inputSize);
        const output = this.graph.execute(input) as tf.Tensor;
        return output.dataSync() as Float32Array;
      });
    } catch (cause) {
      throw new PoseEngineError('INFERENCE', `Pose estimation failed: ${describeCause(cause)}`, {
        cause,
      });
    }
    const inferenceMs = performance.now() - started;
    const pose = toPose(values, this.inputSize / scale);
    return Promise.resolve({
      engine: 'movenet',
      model: this.config.model,
      timestampMs,
      imageSize,
      poses: pose.score >= MIN_POSE_SCORE ? [pose] : [],
      inferenceMs,
    });
  }

  reset(): void {
    // Single-pose MoveNet keeps no state between frames.
  }

  dispose(): void {
    this.disposed = true;
    this.graph.dispose();
  }
}

function rgbaToInt32Tensor(rgba: Uint8ClampedArray, size: number): tf.Tensor {
  const rgb = new Int32Array(size * size * 3);
  for (let pixel = 0; pixel < size * size; pixel++) {
    rgb[pixel * 3] = rgba[pixel * 4] ?? 0;
    rgb[pixel * 3 + 1] = rgba[pixel * 4 + 1] ?? 0;
    rgb[pixel * 3 + 2] = rgba[pixel * 4 + 2] ?? 0;
  }
  return tf.tensor4d(rgb, [1, size, size, 3], 'int32');
}

/** `squareSidePx` is the model's square side in image pixels, undoing the letterbox scale. */
function toPose(values: Float32Array, squareSidePx: number): Pose {
  const landmarks: (ImageLandmark | null)[] = new Array<ImageLandmark | null>(LANDMARK_COUNT).fill(
    null,
  );
  let scoreSum = 0;
  MOVENET_KEYPOINTS.forEach((name, keypoint) => {
    const y = values[keypoint * VALUES_PER_KEYPOINT] ?? Number.NaN;
    const x = values[keypoint * VALUES_PER_KEYPOINT + 1] ?? Number.NaN;
    const score = values[keypoint * VALUES_PER_KEYPOINT + 2] ?? 0;
    scoreSum += score;
    landmarks[LANDMARK_INDEX[name]] = {
      x: x * squareSidePx,
      y: y * squareSidePx,
      z: null,
      visibility: score,
    };
  });
  return { landmarks, worldLandmarks: null, score: scoreSum / MOVENET_KEYPOINTS.length };
}
