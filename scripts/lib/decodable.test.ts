import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDecodableMedia } from './decodable';

const dir = mkdtempSync(path.join(tmpdir(), 'plumbline-decodable-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A small test pattern from ffmpeg's own source, written as `name`. */
function made(name: string, args: readonly string[]): string {
  const file = path.join(dir, name);
  const run = spawnSync('ffmpeg', [
    ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=10'],
    ...args,
    file,
  ]);
  if (run.status !== 0) throw new Error(run.stderr.toString());
  return file;
}

/** Reads only what Chromium reads (H.264 MP4, PNG), as the harness page does; says what it read. */
async function browserLike(file: string): Promise<string> {
  if (!/\.(mp4|png)$/.test(file)) throw new Error(`${path.basename(file)}: cannot decode`);
  return Promise.resolve(path.basename(file));
}

describe('a file the browser cannot read is judged on the copy ffmpeg makes', () => {
  it('reads a file the browser reads as it is', async () => {
    const clip = made('clip.mp4', ['-t', '1', '-c:v', 'libx264', '-pix_fmt', 'yuv420p']);
    expect(await withDecodableMedia(clip, browserLike)).toEqual({
      value: 'clip.mp4',
      copiedAs: null,
    });
  });

  it('copies an AVI clip (MPEG-4 Part 2) as H.264', async () => {
    const clip = made('clip.avi', ['-t', '1', '-c:v', 'mpeg4']);
    expect(await withDecodableMedia(clip, browserLike)).toEqual({
      value: 'clip.mp4',
      copiedAs: 'an H.264 re-encoding',
    });
  });

  it('copies a TIFF photo as a PNG', async () => {
    const photo = made('photo.tif', ['-frames:v', '1']);
    expect(await withDecodableMedia(photo, browserLike)).toEqual({
      value: 'photo.png',
      copiedAs: 'a PNG copy',
    });
  });

  it("rethrows the browser's error for a file ffmpeg cannot read either", async () => {
    const text = path.join(dir, 'notes.mov');
    writeFileSync(text, 'not a video');
    await expect(withDecodableMedia(text, browserLike)).rejects.toThrow('notes.mov: cannot decode');
  });
});
