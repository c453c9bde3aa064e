/**
 * Copies of test-data files stored the way a phone stores what it takes: the pixels as the sensor
 * saw them, a quarter turn anticlockwise from upright, and a tag saying how to turn them back (an
 * EXIF orientation for a photo, a rotation in the clip's track header). Any viewer shows them
 * upright, so the app must read them so too.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** ffmpeg's filter for a quarter turn anticlockwise. */
const QUARTER_TURN_ANTICLOCKWISE = 'transpose=2';
/** EXIF orientation 6: "turn the stored picture a quarter clockwise to show it". */
const EXIF_TURN_CLOCKWISE = 6;
/**
 * The clip's track tag for the same turn back, in ffmpeg's `rotate` metadata (which ffmpeg writes
 * as the track's display matrix and reads back as a -90° rotation).
 */
const TRACK_TURN_BACK = '270';

function ffmpeg(args: readonly string[]): void {
  const made = spawnSync('ffmpeg', ['-y', '-loglevel', 'error', ...args]);
  if (made.status !== 0) throw new Error(`ffmpeg failed: ${made.stderr.toString()}`);
}

/**
 * An EXIF APP1 segment holding only the orientation tag (TIFF little-endian: one IFD entry, tag
 * 0x0112, type SHORT, count 1).
 */
function exifOrientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('II*\0', 0, 'latin1');
  tiff.writeUInt32LE(8, 4); // the first IFD follows the header
  tiff.writeUInt16LE(1, 8); // one entry
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(orientation, 18);
  tiff.writeUInt32LE(0, 22); // no next IFD
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([header, payload]);
}

/** The photo stored turned, with the EXIF tag to show it upright, written to `out` (a .jpg). */
export function phoneStoredPhoto(photo: string, out: string): string {
  ffmpeg(['-i', photo, '-vf', QUARTER_TURN_ANTICLOCKWISE, '-q:v', '2', out]);
  const jpeg = readFileSync(out);
  // The segment goes right after the start-of-image marker, where a camera writes it.
  writeFileSync(
    out,
    Buffer.concat([
      jpeg.subarray(0, 2),
      exifOrientationSegment(EXIF_TURN_CLOCKWISE),
      jpeg.subarray(2),
    ]),
  );
  return out;
}

/** The clip's first `seconds`, stored turned with the track tag to show it upright (an .mp4). */
export function phoneStoredClip(clip: string, out: string, seconds: number): string {
  const turned = out.replace(/\.mp4$/, '.untagged.mp4');
  ffmpeg([
    ...['-i', clip, '-t', String(seconds), '-vf', QUARTER_TURN_ANTICLOCKWISE],
    ...['-c:v', 'libx264', '-crf', '18', '-pix_fmt', 'yuv420p', '-an', turned],
  ]);
  // The tag is kept only when the track is copied: ffmpeg drops it from a track it encodes.
  ffmpeg(['-i', turned, '-c', 'copy', '-metadata:s:v:0', `rotate=${TRACK_TURN_BACK}`, out]);
  return out;
}
