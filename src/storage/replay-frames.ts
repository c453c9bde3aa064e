/**
 * A replay's frames packed for storage: each frame as 16-bit words (the gap since the last frame in
 * ms; each joint's x with its visibility in the top 4 bits, and y; the outline's point count and
 * points), little-endian, in base64. About 90 bytes a frame, 120 with a back outline.
 */
import {
  REPLAY_MAX_COORD,
  REPLAY_MIN_COORD,
  REPLAY_VISIBILITY_STEPS,
  type ReplayFrame,
  type ReplayJoint,
  type ReplayXY,
} from './schema';
import { ValidationFailure } from './validate';

/** A joint the engine did not give: both words all ones (no real coordinate packs to it). */
const ABSENT_WORD = 0xffff;
/** A coordinate takes the low 12 bits of its word (0 to 4095, offset by `REPLAY_MIN_COORD`). */
const COORD_BITS = 12;
const COORD_MASK = (1 << COORD_BITS) - 1;
/** The gap between frames is one word of milliseconds. */
const MAX_FRAME_GAP_MS = 0xffff;

function coordWord(value: number): number {
  const clamped = Math.min(REPLAY_MAX_COORD, Math.max(REPLAY_MIN_COORD, Math.round(value)));
  return clamped - REPLAY_MIN_COORD;
}

function wordCoord(word: number, path: string): number {
  const value = (word & COORD_MASK) + REPLAY_MIN_COORD;
  if (value > REPLAY_MAX_COORD) throw new ValidationFailure(path, 'a point far off the frame');
  return value;
}

function frameWords(frame: ReplayFrame, previousMs: number): number[] {
  const words = [Math.min(MAX_FRAME_GAP_MS, Math.max(0, Math.round(frame.tMs - previousMs)))];
  for (const joint of frame.joints) {
    if (joint === null) {
      words.push(ABSENT_WORD, ABSENT_WORD);
      continue;
    }
    const visibility = Math.round(
      Math.min(1, Math.max(0, joint.visibility)) * REPLAY_VISIBILITY_STEPS,
    );
    words.push((visibility << COORD_BITS) | coordWord(joint.x), coordWord(joint.y));
  }
  words.push(frame.outline.length);
  for (const point of frame.outline) words.push(coordWord(point.x), coordWord(point.y));
  return words;
}

function toBase64(words: readonly number[]): string {
  const bytes = new Uint8Array(words.length * 2);
  const view = new DataView(bytes.buffer);
  words.forEach((word, i) => {
    view.setUint16(i * 2, word, true);
  });
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

function fromBase64(text: string, path: string): Uint16Array {
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new ValidationFailure(path, 'not base64');
  }
  if (binary.length % 2 !== 0) throw new ValidationFailure(path, 'an odd number of bytes');
  const words = new Uint16Array(binary.length / 2);
  for (let i = 0; i < words.length; i++) {
    words[i] = (binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8)) & 0xffff;
  }
  return words;
}

/** The frames of a track as stored: little-endian 16-bit words in base64. */
export function packFrames(frames: readonly ReplayFrame[]): string {
  const words: number[] = [];
  let previousMs = 0;
  for (const frame of frames) {
    words.push(...frameWords(frame, previousMs));
    previousMs = frame.tMs;
  }
  return toBase64(words);
}

/**
 * The frames back from `packFrames`, checked as they are read: a damaged or crafted value fails
 * with the path of the first bad word rather than drawing nonsense.
 */
export function unpackFrames(
  text: string,
  jointCount: number,
  limits: { readonly maxFrames: number; readonly maxOutlinePoints: number },
  path: string,
): ReplayFrame[] {
  const words = fromBase64(text, path);
  const frames: ReplayFrame[] = [];
  let at = 0;
  let tMs = 0;
  const next = (): number => {
    const word = words[at];
    if (word === undefined) throw new ValidationFailure(path, `ends inside frame ${frames.length}`);
    at++;
    return word;
  };
  while (at < words.length) {
    if (frames.length >= limits.maxFrames) {
      throw new ValidationFailure(path, `more than ${limits.maxFrames} frames`);
    }
    const where = `${path}[${frames.length}]`;
    tMs += next();
    const joints: (ReplayJoint | null)[] = [];
    for (let j = 0; j < jointCount; j++) {
      const xWord = next();
      const yWord = next();
      if (xWord === ABSENT_WORD && yWord === ABSENT_WORD) {
        joints.push(null);
        continue;
      }
      if (yWord > COORD_MASK) throw new ValidationFailure(where, 'a joint with a bad height');
      joints.push({
        x: wordCoord(xWord, where),
        y: wordCoord(yWord, where),
        visibility: (xWord >> COORD_BITS) / REPLAY_VISIBILITY_STEPS,
      });
    }
    const count = next();
    if (count > limits.maxOutlinePoints) {
      throw new ValidationFailure(where, `more than ${limits.maxOutlinePoints} outline points`);
    }
    const outline: ReplayXY[] = [];
    for (let k = 0; k < count; k++) {
      outline.push({ x: wordCoord(next(), where), y: wordCoord(next(), where) });
    }
    frames.push({ tMs, joints, outline });
  }
  return frames;
}
