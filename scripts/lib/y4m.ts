import { spawnSync } from 'node:child_process';

/**
 * A clip converted for Chromium's fake camera (`--use-file-for-fake-video-capture`): raw .y4m,
 * 640 wide at `fps`, written to `out` (returned). With `still`, a photo held for 3 s. Throws with
 * ffmpeg's message when it fails.
 */
export function toY4m(
  clip: string,
  out: string,
  fps: number,
  { still = false }: { readonly still?: boolean } = {},
): string {
  const input = still ? ['-loop', '1', '-t', '3', '-i'] : ['-i'];
  const made = spawnSync('ffmpeg', [
    ...['-y', '-loglevel', 'error', ...input, clip],
    ...['-vf', `scale=640:-2,fps=${fps}`, '-pix_fmt', 'yuv420p', out],
  ]);
  if (made.status !== 0) {
    throw new Error(`ffmpeg could not convert ${clip}: ${made.stderr.toString()}`);
  }
  return out;
}
