/**
 * npm run record -- <photo or clip>... [--engine mediapipe|movenet] [--model full] [--fps 15]
 *                   [--out file.json | --out-dir dir] [--outline]
 *
 * Runs the real engine in Chromium (the app's own worker) over each photo or clip and writes the
 * pose sequence as JSON: timestamps, landmarks in pixels with visibility, world landmarks, and with
 * `--outline` (after the files: it takes no value) each person's silhouette outline (MediaPipe).
 * Clips (mp4, gif, webp) are decoded in the browser; videos are sampled at --fps.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PoseRecording } from '../src/pose/recording';
import { DEFAULT_SAMPLE_FPS, roundFrame } from '../src/pose/recording';
import { engineFromOptions, parseArgs } from './lib/args';
import { withDecodableMedia } from './lib/decodable';
import { openHarness } from './lib/harness-session';
import type { HarnessSession } from './lib/harness-session';
import type { EngineModel } from '../src/pose/pose';

export async function recordFile(
  session: HarnessSession,
  file: string,
  engine: EngineModel,
  sampleFps: number,
  outline = false,
): Promise<PoseRecording> {
  const { value: recording, copiedAs } = await withDecodableMedia(file, (clip) =>
    session.record(session.localUrl(clip), engine, { sampleFps, outline }),
  );
  return {
    source: path.basename(file),
    engine,
    mode: recording.mode,
    ...(copiedAs === null
      ? {}
      : { derivation: `recorded from ${copiedAs} by ffmpeg: the browser could not decode it` }),
    // An animation (GIF, WebP) keeps its own frame timing; a video is sampled.
    sampleFps: recording.mode === 'video' && !/\.(gif|webp)$/i.test(file) ? sampleFps : null,
    frames: recording.frames.map(roundFrame),
  };
}

async function main(): Promise<void> {
  const { positional, options } = parseArgs(process.argv.slice(2));
  if (positional.length === 0) {
    console.error(
      'usage: npm run record -- <photo or clip>... [--engine mediapipe|movenet] [--model full] [--fps 15] [--out file.json | --out-dir dir] [--outline]',
    );
    process.exit(2);
  }
  const engine = engineFromOptions(options);
  const sampleFps = Number(options.get('fps') ?? DEFAULT_SAMPLE_FPS);
  const out = options.get('out');
  const outDir = options.get('out-dir');
  const outlineOption = options.get('outline');
  if (outlineOption !== undefined && outlineOption !== 'true') {
    throw new Error(`--outline takes no value (got "${outlineOption}"): put it after the files`);
  }
  const outline = outlineOption === 'true';
  if (out && positional.length > 1) throw new Error('--out takes one input; use --out-dir');
  const session = await openHarness();
  try {
    for (const file of positional) {
      const recording = await recordFile(session, file, engine, sampleFps, outline);
      const json = `${JSON.stringify(recording)}\n`;
      const target = out ?? (outDir ? path.join(outDir, `${path.parse(file).name}.json`) : null);
      if (target) {
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, json);
      } else if (positional.length === 1) process.stdout.write(json);
      const people = recording.frames.map((frame) => frame.poses.length);
      const outlined = recording.frames.filter((frame) => frame.poses[0]?.outline).length;
      console.error(
        `${path.basename(file)}: ${recording.frames.length} frame(s), people per frame ${Math.min(...people)}-${Math.max(...people)}${outline ? `, outlined ${outlined}` : ''}${target ? ` -> ${target}` : ''}`,
      );
    }
  } finally {
    await session.close();
  }
}

await main();
