/**
 * The words of every cue: a short label drawn beside the body part at fault (never colour alone)
 * and the sentence shown and spoken. Fault and guidance ids come from the checkers; the words are
 * the page's, one file per exercise in ./exercises/. Left and right are always the person's own.
 */
import type { FaultId, GuidanceId } from '../pose/exercises/types';
import { EXERCISE_LIST, FAULT_IDS, byId } from './exercises';
import type { FaultWording } from './exercises';
import type { BodyPart } from '../pose/visibility';

/**
 * Every fault's wording, from the exercises' files in ./exercises/. Exercises that share faults
 * (the hinge family) share the wording object too (./exercises/hinge.ts): one fault, one wording.
 */
export const FAULT_WORDING: Readonly<Record<FaultId, FaultWording>> = byId(
  FAULT_IDS,
  EXERCISE_LIST.flatMap((file) => Object.entries<FaultWording>(file.faults)).filter(
    ([id, wording], index, all) =>
      all.findIndex(([other, words]) => other === id && words === wording) === index,
  ),
  'a fault id without its wording',
);

export const GUIDANCE_WORDING: Readonly<Record<GuidanceId, string>> = {
  'setup.step-back': 'Step back until your whole body is visible.',
  'setup.turn-sideways': 'Turn sideways to the camera.',
  'setup.turn-to-face': 'Turn to face the camera.',
  'setup.get-in-position': 'Get into the start position.',
  'setup.needs-depth-engine':
    'This engine cannot see depth, so it cannot count or check this exercise. Choose MediaPipe in Settings.',
};

export const BODY_PART_NAMES: Readonly<Record<BodyPart, string>> = {
  head: 'head',
  shoulders: 'shoulders',
  elbows: 'elbows',
  wrists: 'wrists',
  hands: 'hands',
  hips: 'hips',
  knees: 'knees',
  ankles: 'ankles',
  feet: 'feet',
};

/** "back", "back and heels", "heels, back and depth". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** "hips", "hips and knees", "hips, knees and ankles". */
export function listParts(parts: readonly BodyPart[]): string {
  return parts.length === 0 ? 'you' : listWords(parts.map((part) => BODY_PART_NAMES[part]));
}

export function cannotSeeText(parts: readonly BodyPart[]): string {
  return `I can’t see your ${listParts(parts)}. Step back until your whole body is visible.`;
}

/**
 * Parts in the picture but hidden from this angle (behind the body): stepping back would not show
 * them, so say where the camera goes instead (the exercise's `camera`).
 */
export function hiddenPartsText(parts: readonly BodyPart[], camera: string): string {
  return `I can’t see your ${listParts(parts)} from this angle. ${camera}`;
}
