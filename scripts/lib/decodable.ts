import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Runs `use` on the clip; if the browser cannot decode it (Chromium plays no MPEG-4 Part 2, for
 * one), runs it again on an H.264 copy made by ffmpeg in a temporary folder, removed afterwards.
 * A photo, or a clip ffmpeg cannot read either, rethrows the browser's error.
 */
export async function withDecodableClip<T>(
  file: string,
  use: (file: string) => Promise<T>,
): Promise<{ readonly value: T; readonly reencoded: boolean }> {
  try {
    return { value: await use(file), reencoded: false };
  } catch (error) {
    if (!/\.(mp4|webm|mov)$/i.test(file)) throw error;
    const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-clip-'));
    try {
      const copy = path.join(dir, `${path.parse(file).name}.mp4`);
      const made = spawnSync('ffmpeg', [
        ...['-loglevel', 'error', '-y', '-i', file],
        ...['-c:v', 'libx264', '-crf', '18', '-pix_fmt', 'yuv420p', '-an', copy],
      ]);
      if (made.status !== 0) throw error;
      return { value: await use(copy), reencoded: true };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
