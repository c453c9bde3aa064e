/**
 * The words of every cue: a short label drawn beside the body part at fault (never colour alone)
 * and the sentence shown and spoken. Fault and guidance ids come from the checkers; the words are
 * the UI's (architecture.md rule 4). Left and right are always the person's own.
 */
import type { FaultId, GuidanceId } from '../pose/exercises/types';
import type { BodyPart } from '../pose/visibility';

export interface CueWording {
  /** A few words for the overlay label. */
  readonly label: string;
  /** What is shown as the cue and spoken. */
  readonly say: string;
}

export const FAULT_WORDING: Readonly<Record<FaultId, CueWording>> = {
  'plank.hips-sagging': { label: 'Hips sagging', say: 'Lift your hips into a straight line.' },
  'plank.hips-piked': { label: 'Hips too high', say: 'Lower your hips into a straight line.' },
  'plank.head-dropping': {
    label: 'Head dropping',
    say: 'Lift your head: keep your neck in line with your back.',
  },
  'side-plank.hips-dropping': {
    label: 'Hips dropping',
    say: 'Lift your hips: a straight line from head to feet.',
  },
  'bird-dog.hip-rotation': { label: 'Hips twisting', say: 'Keep your hips square to the floor.' },
  'bird-dog.leg-too-high': { label: 'Leg too high', say: 'Reach your leg back, not up.' },
  'bird-dog.short-reach': { label: 'Short reach', say: 'Reach your arm and leg out long.' },
  'dead-bug.lumbar-lift': {
    label: 'Lower back lifting',
    say: 'Keep your lower back on the floor: lower less far.',
  },
  'glute-bridge.over-arched': {
    label: 'Back arched',
    say: 'Don’t arch at the top: straight line from shoulders to knees.',
  },
  'glute-bridge.hips-low': { label: 'Hips low', say: 'Squeeze your glutes and lift higher.' },
  'glute-bridge.dropped-fast': { label: 'Dropped fast', say: 'Lower slowly, with control.' },
  'posture.forward-head': { label: 'Head forward', say: 'Tuck your chin in slightly.' },
  'posture.rounded-shoulders': {
    label: 'Shoulders rounded',
    say: 'Draw your shoulders back and down.',
  },
  'posture.off-plumb-line': {
    label: 'Off the line',
    say: 'Stack ears, shoulders, hips and ankles in one line.',
  },
  'posture.shoulders-uneven': { label: 'Shoulders uneven', say: 'Level your shoulders.' },
  'posture.hips-uneven': { label: 'Hips uneven', say: 'Stand evenly on both feet.' },
  'posture.head-tilt': { label: 'Head tilted', say: 'Hold your head level.' },
  'superman.neck-craned': {
    label: 'Neck craned',
    say: 'Look at the floor: keep your neck long.',
  },
  'superman.low-lift': { label: 'Low lift', say: 'Lift your arms, chest and legs a little more.' },
};

export const GUIDANCE_WORDING: Readonly<Record<GuidanceId, string>> = {
  'setup.step-back': 'Step back until your whole body is visible.',
  'setup.step-closer': 'Come a little closer to the camera.',
  'setup.turn-sideways': 'Turn sideways to the camera.',
  'setup.turn-to-face': 'Turn to face the camera.',
  'setup.get-in-position': 'Get into the start position.',
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

/** "hips", "hips and knees", "hips, knees and ankles". */
export function listParts(parts: readonly BodyPart[]): string {
  const names = parts.map((part) => BODY_PART_NAMES[part]);
  if (names.length <= 1) return names[0] ?? 'you';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export function cannotSeeText(parts: readonly BodyPart[]): string {
  return `I can’t see your ${listParts(parts)}. Step back until your whole body is visible.`;
}
