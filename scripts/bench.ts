/**
 * npm run bench [-- --clip <file>] [--frames 30] [--warmup 5] [--out artifacts/bench.json]
 *
 * For each engine and model (and MediaPipe full with the silhouette's outline on, to show what the
 * mask and tracing cost): start-up time, and median and p90 ms per frame on a fixed real clip,
 * measured three ways in one run: the round trip to the worker (what the app waits for), the model
 * call inside the worker, and the same detector called on the page's thread without a worker.
 * Numbers on a shared machine are noisy: compare medians and ratios from one run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchSample } from '../src/harness/harness';
import type { EngineModel } from '../src/pose/pose';
import type { ProcessorPreference } from '../src/workers/detectors/processor';
import { parseArgs } from './lib/args';
import { openHarness } from './lib/harness-session';
import { formatTable, median, percentile } from './lib/stats';
import { testDataDir } from '../tests/support/testdata';

interface BenchRun {
  readonly engine: EngineModel;
  /** With the segmentation mask and the silhouette's outline (what plank and bridge ask for). */
  readonly outline: boolean;
}

const RUNS: readonly BenchRun[] = [
  { engine: { engine: 'mediapipe', model: 'lite' }, outline: false },
  { engine: { engine: 'mediapipe', model: 'full' }, outline: false },
  { engine: { engine: 'mediapipe', model: 'full' }, outline: true },
  { engine: { engine: 'mediapipe', model: 'heavy' }, outline: false },
  { engine: { engine: 'movenet', model: 'lightning' }, outline: false },
  { engine: { engine: 'movenet', model: 'thunder' }, outline: false },
];
/** A real person, side view, 640x360 — the size a laptop camera is usually asked for. */
const DEFAULT_CLIP = 'plank/plank_sagging_video_01.mp4';
const SAMPLE_FPS = 15;
/** Everything around the model may cost at most 15 % of it (issue #6). */
const PIPELINE_RATIO_TARGET = 1.15;

const ms = (value: number): string => value.toFixed(1);

const PROCESSOR_PREFERENCES: readonly ProcessorPreference[] = ['auto', 'gpu', 'cpu'];

/** --processor: where MediaPipe runs its model (auto as the app does, or gpu or cpu to compare). */
function processorPreference(value: string): ProcessorPreference {
  const found = PROCESSOR_PREFERENCES.find((preference) => preference === value);
  if (!found)
    throw new Error(`--processor takes ${PROCESSOR_PREFERENCES.join(', ')}; not ${value}`);
  return found;
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const dataDir = testDataDir();
  const clip = options.get('clip') ?? (dataDir ? path.join(dataDir, DEFAULT_CLIP) : null);
  if (!clip) throw new Error('No clip to time: pass --clip <file> or provide the test data.');
  const frameCount = Number(options.get('frames') ?? 30);
  const warmupFrames = Number(options.get('warmup') ?? 5);
  const out = options.get('out') ?? 'artifacts/bench.json';
  const processor = processorPreference(options.get('processor') ?? 'auto');

  const session = await openHarness();
  const samples: BenchSample[] = [];
  try {
    for (const { engine, outline } of RUNS) {
      console.error(`timing ${engine.engine} ${engine.model}${outline ? ' with outline' : ''}…`);
      const time = (): Promise<BenchSample> =>
        session.bench(
          session.localUrl(clip),
          { ...engine, processor },
          {
            frameCount,
            warmupFrames,
            sampleFps: SAMPLE_FPS,
            outline,
          },
        );
      // On a loaded machine Chromium now and then drops the seeked frame of the decoding <video>
      // ("The image source is not usable"); one more try decodes it again.
      samples.push(
        await time().catch((error: unknown) => {
          console.error(`  retrying once after: ${String(error).split('\n')[0] ?? ''}`);
          return time();
        }),
      );
    }
  } finally {
    await session.close();
  }

  const rows = samples.map((sample) => {
    const roundTrip = median(sample.workerRoundTripMs);
    const direct = median(sample.directMs);
    return [
      sample.engine.engine,
      sample.engine.model,
      sample.outline ? 'on' : 'off',
      `${sample.processor.processor} (${sample.processor.reason})`,
      ms(sample.startupMs),
      ms(roundTrip),
      ms(percentile(sample.workerRoundTripMs, 0.9)),
      ms(median(sample.workerInferenceMs)),
      ms(direct),
      ms(percentile(sample.directMs, 0.9)),
      (roundTrip / direct).toFixed(2),
    ];
  });
  const pipelineRows = samples.map((sample) => {
    const model = median(sample.pipelineModelMs);
    const whole = median(sample.pipelineMs);
    const ratio = whole / model;
    return [
      sample.engine.engine,
      sample.engine.model,
      sample.outline ? 'on' : 'off',
      sample.pipelineExercise,
      ms(model),
      ms(whole),
      ms(percentile(sample.pipelineMs, 0.9)),
      `${ratio.toFixed(2)}${ratio <= PIPELINE_RATIO_TARGET ? '' : ' (over target)'}`,
      ms(median(sample.halfSizePipelineMs)),
    ];
  });
  console.log(
    `clip: ${path.basename(clip)}, ${frameCount} frames after ${warmupFrames} warm-up, VIDEO mode\n`,
  );
  console.log(
    formatTable(
      [
        'engine',
        'model',
        'outline',
        'model on',
        'start-up ms',
        'worker p50',
        'worker p90',
        'model in worker p50',
        'direct p50',
        'direct p90',
        'worker/direct',
      ],
      rows,
    ),
  );
  console.log(
    `\nthe whole pipeline per frame (page: frame copy; worker: brightness, model, smoothing, checkers; page: workout state and message) against the model call in the same frames; target ratio <= ${PIPELINE_RATIO_TARGET}. The last column scales each frame to half its width and height before the transfer, to see whether downscaling pays; the worker gives MoveNet 3/4 of the frame it gets in both, as in the app (docs/models.md, "Frame size").\n`,
  );
  console.log(
    formatTable(
      [
        'engine',
        'model',
        'outline',
        'exercise',
        'model call p50',
        'pipeline p50',
        'pipeline p90',
        'pipeline/model',
        'pipeline p50, frames at half size',
      ],
      pipelineRows,
    ),
  );
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ clip: path.basename(clip), frameCount, warmupFrames, samples }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

await main();
