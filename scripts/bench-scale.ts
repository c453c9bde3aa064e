/**
 * npm run bench-scale -- [--clips a.mp4,b.mp4] [--fps 5] [--scales 1,0.75,0.5]
 *
 * Issue #15, "send the model only what it needs": each engine runs on real clips at full size and
 * at smaller sizes (createImageBitmap resize before the model, in the same worker the app runs),
 * and the table gives, per engine and size, the model's time and how far its landmarks land from
 * the full-size ones: pixels of the full frame, and degrees on the hip, knee and shoulder angles the
 * checkers read (scripts/lib/scale-error.ts). The app's frame size is chosen from this table.
 */
import path from 'node:path';
import type { EngineModel, PoseFrame } from '../src/pose/pose';
import { parseArgs } from './lib/args';
import { withDecodableMedia } from './lib/decodable';
import { openHarness } from './lib/harness-session';
import { addFramePair, emptyScaleErrors } from './lib/scale-error';
import type { ScaleErrors } from './lib/scale-error';
import { formatTable, median, percentile } from './lib/stats';
import { testDataDir } from '../tests/support/testdata';

const ENGINES: readonly EngineModel[] = [
  { engine: 'mediapipe', model: 'lite' },
  { engine: 'mediapipe', model: 'full' },
  { engine: 'movenet', model: 'lightning' },
  { engine: 'movenet', model: 'thunder' },
];
/** Real people, one per kind of body position the checkers see: prone, quadruped, lying, standing. */
const DEFAULT_CLIPS = [
  'plank/plank_sagging_video_01.mp4',
  'bird_dog/bird_dog_good_video_03.mp4',
  'glute_bridge/glute_bridge_unknown_mixed_video_01.mp4',
  'deadlift/deadlift_good_side_video_01.mp4',
];
const DEFAULT_SCALES = [1, 0.75, 0.5];

const fixed = (value: number): string => (Number.isFinite(value) ? value.toFixed(1) : '-');

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const dataDir = testDataDir();
  const clips =
    options.get('clips')?.split(',') ??
    (dataDir ? DEFAULT_CLIPS.map((clip) => path.join(dataDir, clip)) : null);
  if (!clips) throw new Error('No clips: pass --clips a.mp4,b.mp4 or provide the test data.');
  const sampleFps = Number(options.get('fps') ?? 5);
  const scales = options.get('scales')?.split(',').map(Number) ?? DEFAULT_SCALES;
  if (scales[0] !== 1) throw new Error('--scales starts with 1: the full size is the reference.');

  const session = await openHarness();
  const rows: string[][] = [];
  try {
    for (const engine of ENGINES) {
      const errors = new Map<number, ScaleErrors>(
        scales.map((scale) => [scale, emptyScaleErrors()]),
      );
      const modelMs = new Map<number, number[]>(scales.map((scale) => [scale, []]));
      const frameWidths = new Map<number, number>();
      for (const clip of clips) {
        const byScale = new Map<number, readonly PoseFrame[]>();
        for (const scale of scales) {
          console.error(`${engine.engine} ${engine.model}, ${path.basename(clip)} at ${scale}…`);
          // As the eval does: a clip Chromium cannot decode is read from an H.264 copy.
          const { value: recording } = await withDecodableMedia(clip, (file) =>
            session.record(session.localUrl(file), engine, { sampleFps, scale }),
          );
          byScale.set(scale, recording.frames);
          modelMs.get(scale)?.push(...recording.frames.map((frame) => frame.inferenceMs));
          const first = recording.frames[0];
          if (first) frameWidths.set(scale, first.imageSize.width);
        }
        const full = byScale.get(1) ?? [];
        for (const scale of scales.slice(1)) {
          const into = errors.get(scale);
          const scaled = byScale.get(scale) ?? [];
          if (!into) continue;
          full.forEach((frame, i) => {
            const other = scaled[i];
            if (other) addFramePair(into, frame, other);
          });
        }
      }
      for (const scale of scales) {
        const error = errors.get(scale);
        const times = modelMs.get(scale) ?? [];
        const reference = scale === 1;
        rows.push([
          engine.engine,
          engine.model,
          String(scale),
          String(frameWidths.get(scale) ?? '-'),
          fixed(median(times)),
          reference || !error ? '-' : fixed(median(error.landmarkPx)),
          reference || !error ? '-' : fixed(percentile(error.landmarkPx, 0.9)),
          reference || !error ? '-' : fixed(median(error.angleDeg)),
          reference || !error ? '-' : fixed(percentile(error.angleDeg, 0.9)),
          reference || !error ? '-' : `${error.lostPeople}/${error.framesWithPerson}`,
        ]);
      }
    }
  } finally {
    await session.close();
  }
  console.log(
    `\n${clips.length} clips (${clips.map((clip) => path.basename(clip)).join(', ')}) at ${sampleFps} fps; errors against the same engine at full size, in full-frame pixels and in degrees on the hip, knee and shoulder angles\n`,
  );
  console.log(
    formatTable(
      [
        'engine',
        'model',
        'scale',
        'width px (first clip)',
        'model ms p50',
        'landmark px p50',
        'px p90',
        'angle deg p50',
        'deg p90',
        'person lost',
      ],
      rows,
    ),
  );
}

await main();
