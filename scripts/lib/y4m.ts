import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * A clip converted for Chromium's fake camera (`--use-file-for-fake-video-capture`): raw .y4m,
 * 640 wide at `fps`, written into `dir`. Throws with ffmpeg's message when it fails.
 */
export function toY4m(clip: string, dir: string, fps: number): string {
  const out = path.join(dir, 'camera.y4m');
  const made = spawnSync('ffmpeg', [
    '-y',
    '-loglevel',
    'error',
    '-i',
    clip,
    '-vf',
    `scale=640:-2,fps=${fps}`,
    '-pix_fmt',
    'yuv420p',
    out,
  ]);
  if (made.status !== 0) {
    throw new Error(`ffmpeg could not convert ${clip}: ${made.stderr.toString()}`);
  }
  return out;
}
