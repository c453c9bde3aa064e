import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * ffmpeg's demuxers for single pictures (`image2`, `tiff_pipe`, `png_pipe`, …): such a file is
 * copied as a PNG, anything else with a video stream as an H.264 clip.
 */
const STILL_FORMAT = /^image2$|_pipe$/;

/** ffmpeg's container name for the file, or null when ffmpeg finds no picture in it. */
function ffmpegFormat(file: string): string | null {
  const probed = spawnSync('ffprobe', [
    ...['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_type'],
    ...['-show_entries', 'format=format_name', '-of', 'default=noprint_wrappers=1', file],
  ]);
  const text = probed.status === 0 ? probed.stdout.toString() : '';
  if (!text.includes('codec_type=video')) return null;
  return /format_name=(\S+)/.exec(text)?.[1] ?? null;
}

/**
 * Runs `use` on the file; if the browser cannot read it (Chromium plays no MPEG-4 Part 2 or HEVC,
 * opens no AVI, MKV or TIFF), runs it again on a copy ffmpeg made in a temporary folder, removed
 * afterwards: a PNG of a single picture, an H.264 MP4 of a clip (upright, as a phone's rotation
 * tag shows it). `copiedAs` names the copy, null when the file was read as it is. A file ffmpeg
 * cannot read either rethrows the browser's error.
 */
export async function withDecodableMedia<T>(
  file: string,
  use: (file: string) => Promise<T>,
): Promise<{ readonly value: T; readonly copiedAs: string | null }> {
  try {
    return { value: await use(file), copiedAs: null };
  } catch (error) {
    const format = ffmpegFormat(file);
    if (format === null) throw error;
    const still = STILL_FORMAT.test(format);
    const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-clip-'));
    try {
      const copy = path.join(dir, `${path.parse(file).name}.${still ? 'png' : 'mp4'}`);
      const made = spawnSync('ffmpeg', [
        ...['-loglevel', 'error', '-y', '-i', file],
        ...(still
          ? ['-frames:v', '1']
          : ['-c:v', 'libx264', '-crf', '18', '-pix_fmt', 'yuv420p', '-an']),
        copy,
      ]);
      if (made.status !== 0) throw error;
      return {
        value: await use(copy),
        copiedAs: still ? 'a PNG copy' : 'an H.264 re-encoding',
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
