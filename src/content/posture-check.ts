/** The words of the posture-check screen: its numbers, what it cannot see, and its buttons. */
import type {
  PostureCheck,
  PostureFlag,
  PostureMeasureId,
  PostureReading,
} from '../pose/posture-measures';
import { POSTURE_MEASURES } from '../pose/posture-measures';
import type { ChangeVerdict } from '../coach/posture/compare';
import { FAULT_WORDING, GUIDANCE_WORDING, listParts } from './cues';

export interface MeasureWording {
  /** The row's name in the results and the comparison. */
  readonly name: string;
  /** A few words for the label drawn on the photo. */
  readonly short: string;
  /** What the number means, for the row's hint. */
  readonly hint: string;
}

export const MEASURE_WORDING: Readonly<Record<PostureMeasureId, MeasureWording>> = {
  forwardHeadLeanDeg: {
    name: 'Forward head',
    short: 'Head',
    hint: 'Lean of the shoulder-to-ear line from vertical; 0° is the ear over the shoulder.',
  },
  shouldersForwardOfHipDeg: {
    name: 'Rounded shoulders',
    short: 'Shoulders',
    hint: 'Lean of the hip-to-shoulder line from vertical; 0° is the shoulder over the hip.',
  },
  earForwardOfAnklePctHeight: {
    name: 'Ear from the plumb line',
    short: 'Ear',
    hint: 'How far the ear is in front of the line up from the ankle, in % of your height.',
  },
  shoulderForwardOfAnklePctHeight: {
    name: 'Shoulder from the plumb line',
    short: 'Shoulder',
    hint: 'How far the shoulder is in front of the line up from the ankle, in % of your height.',
  },
  hipForwardOfAnklePctHeight: {
    name: 'Hip from the plumb line',
    short: 'Hip',
    hint: 'How far the hip is in front of the line up from the ankle, in % of your height.',
  },
  kneeForwardOfAnklePctHeight: {
    name: 'Knee from the plumb line',
    short: 'Knee',
    hint: 'How far the knee is in front of the line up from the ankle, in % of your height.',
  },
  kneeBendDeg: {
    name: 'Knee bend',
    short: 'Knee bend',
    hint: 'Soft knees bend a little forward (+); a knee pushed back past straight (−) is locked.',
  },
  shoulderTiltDeg: {
    name: 'Level shoulders',
    short: 'Shoulders',
    hint: 'Tilt of the line between the shoulders; 0° is level.',
  },
  hipTiltDeg: {
    name: 'Level hips',
    short: 'Hips',
    hint: 'Tilt of the line between the hips; 0° is level.',
  },
  headTiltDeg: {
    name: 'Head tilt',
    short: 'Head',
    hint: 'Tilt of the line between the ears; 0° is level.',
  },
  weightShiftPctTorso: {
    name: 'Weight shift',
    short: 'Weight shift',
    hint: 'How far the hips sit to one side of the point between the feet, in % of torso length.',
  },
};

const FLAG_WORDING: Readonly<Record<PostureFlag, string>> = {
  'posture.forward-head': FAULT_WORDING['posture.forward-head'].label,
  'posture.rounded-shoulders': FAULT_WORDING['posture.rounded-shoulders'].label,
  'posture.off-plumb-line': FAULT_WORDING['posture.off-plumb-line'].label,
  'posture.shoulders-uneven': FAULT_WORDING['posture.shoulders-uneven'].label,
  'posture.hips-uneven': FAULT_WORDING['posture.hips-uneven'].label,
  'posture.head-tilt': FAULT_WORDING['posture.head-tilt'].label,
  'posture.knees-locked': 'Knees locked',
  'posture.weight-shifted': 'Weight on one leg',
};

/** A stored fault id as words; ids from other builds are shown as they are. */
export function flagText(flag: string): string {
  return flag in FLAG_WORDING ? FLAG_WORDING[flag as PostureFlag] : flag;
}

/** "12°" or "3.4 %": a number in its measure's unit. */
export function formatMeasure(measure: PostureMeasureId, value: number): string {
  const rounded = Math.round(value * 10) / 10;
  const digits = Math.abs(rounded) >= 10 ? Math.round(rounded).toString() : rounded.toFixed(1);
  // A typographic minus, as `formatChange` writes it.
  const text = digits.replace('-', '−');
  return POSTURE_MEASURES[measure].unit === 'deg' ? `${text}°` : `${text} %`;
}

/** A change, always signed: "+4°", "−2.5 %". */
export function formatChange(measure: PostureMeasureId, change: number): string {
  const text = formatMeasure(measure, Math.abs(change));
  if (Math.abs(change) < 0.05) return text;
  return `${change > 0 ? '+' : '−'}${text}`;
}

export function readingText(measure: PostureMeasureId, reading: PostureReading): string {
  switch (reading.kind) {
    case 'measured':
      return formatMeasure(measure, reading.value);
    case 'unseen':
      return reading.parts.length > 0
        ? `Can’t see your ${listParts(reading.parts)}`
        : 'Can’t measure this here';
    case 'other-view':
      return reading.needs === 'side' ? 'Needs a side view' : 'Needs a front view';
  }
}

/** The label drawn beside a measured mark: "Head 55° · to correct"; null when not measured. */
export function markLabel(check: PostureCheck, measure: PostureMeasureId): string | null {
  if (check.status !== 'ok') return null;
  const reading = check.readings[measure];
  if (reading.kind !== 'measured') return null;
  const text = `${MEASURE_WORDING[measure].short} ${formatMeasure(measure, reading.value)}`;
  return reading.flagged ? `${text} · to correct` : text;
}

export const VIEW_NAMES = { side: 'side view', front: 'front view' } as const;

const STAND_UPRIGHT = 'Stand upright, side-on to the camera or facing it.';

/** The one-line verdict of a check: what it judged, or why it judged nothing. */
export function checkHeadline(check: PostureCheck): string {
  switch (check.status) {
    case 'ok':
      return check.flags.length === 0
        ? `Judged from the ${VIEW_NAMES[check.view]}: nothing to correct.`
        : `Judged from the ${VIEW_NAMES[check.view]}: ${check.flags.map(flagText).join(', ')}.`;
    case 'no-person':
      return 'No person found in this picture, so there is nothing to measure. Nothing was saved.';
    case 'several-people':
      return `${String(check.people)} people are in this picture: the check needs one person alone. Nothing was saved.`;
    case 'cannot-see':
      return `I can’t see your ${listParts(check.unseen)}. Step back until your whole body is visible. Nothing was saved.`;
    case 'wrong-view':
      // Lying or bending gets "stand upright"; a three-quarter view gets "turn sideways".
      return check.advice === null || check.advice === 'setup.get-in-position'
        ? `${STAND_UPRIGHT} Nothing was saved.`
        : `${GUIDANCE_WORDING[check.advice]} ${STAND_UPRIGHT} Nothing was saved.`;
  }
}

/** What to change to judge the rest, after a judged check. */
export function checkAdvice(check: PostureCheck): string | null {
  if (check.status !== 'ok' || check.advice === null) return null;
  if (check.advice === 'setup.turn-sideways') {
    return 'Take another from the side to measure the plumb line, forward head and knees.';
  }
  return GUIDANCE_WORDING[check.advice];
}

export const VERDICT_WORDS: Readonly<Record<ChangeVerdict, string>> = {
  better: 'better',
  worse: 'worse',
  same: 'about the same',
  'not-comparable': 'not in both',
};

export const POSTURE_TEXT = {
  title: 'Posture check',
  intro:
    'Stand side-on to the camera (for the plumb line, head and knees) or facing it (for level shoulders and hips), whole body in view.',
  countdownLabel: 'Countdown',
  countdownUnit: (seconds: number) => `${String(seconds)} s`,
  capture: 'Take a photo after the countdown',
  cancel: 'Cancel',
  countdownHint: 'Step back and stand naturally.',
  waitingForCamera: 'Waiting for the camera…',
  analysing: 'Measuring…',
  orUpload: 'or open a photo of yourself standing:',
  download: 'Save the image (PNG)',
  saving: 'Saving the snapshot…',
  saved: 'Snapshot saved on this device.',
  storageOpening: 'Opening the saved snapshots…',
  keptOnScreen: 'The picture stays on screen and you can still save the image.',
  measuredHeading: 'What was measured',
  snapshotsHeading: 'Past snapshots',
  noSnapshots: 'No snapshots yet. Each posture check you take is kept here.',
  compare: 'Compare the two ticked',
  compareHint: 'Tick two snapshots to compare them.',
  compareHeading: 'Comparison',
  closeCompare: 'Close',
  delete: 'Delete',
  deleted: 'Snapshot deleted.',
  pick: 'Pick for comparison',
  thumbnailAlt: (when: string) => `Snapshot from ${when}`,
  fromCamera: 'camera',
  fromPhoto: 'photo',
  corrupt: (count: number) =>
    `${String(count)} saved snapshot${count === 1 ? '' : 's'} could not be read and ${count === 1 ? 'is' : 'are'} not shown.`,
  canvasLabel: 'The photo with the plumb line, body segments and measured angles drawn over it',
  columns: { measure: 'Measure', before: 'Before', after: 'After', change: 'Change', verdict: '' },
} as const;

/** "Sun 22 Nov, 08:04" in the person's own locale and time zone. */
export function snapshotTime(takenAt: string): string {
  return new Date(takenAt).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  });
}
