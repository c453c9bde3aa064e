/**
 * What a posture check reports, apart from the check itself (posture-check.ts, which runs the
 * wall-posture checker in the pose worker): the measures with their units and minimal changes,
 * the shape of a check's result, and the numbers a snapshot keeps. The page reads these; it never
 * loads a checker.
 */
import type { Vec2 } from './geometry/vector';
import type { FaultOfExercise, GuidanceId } from './exercises/types';
import type { ImageSize, Pose } from './pose';
import type { BodyPart } from './visibility';

/** Every number a posture check can report, named with its unit. */
export const POSTURE_MEASURE_IDS = [
  'forwardHeadLeanDeg',
  'shouldersForwardOfHipDeg',
  'earForwardOfAnklePctHeight',
  'shoulderForwardOfAnklePctHeight',
  'hipForwardOfAnklePctHeight',
  'kneeForwardOfAnklePctHeight',
  'kneeBendDeg',
  'shoulderTiltDeg',
  'hipTiltDeg',
  'headTiltDeg',
  'weightShiftPctTorso',
] as const;
export type PostureMeasureId = (typeof POSTURE_MEASURE_IDS)[number];

export function isPostureMeasureId(name: string): name is PostureMeasureId {
  return (POSTURE_MEASURE_IDS as readonly string[]).includes(name);
}

export type PostureView = 'side' | 'front';

export interface PostureMeasureSpec {
  /** The view the measure is taken from. */
  readonly view: PostureView;
  readonly unit: 'deg' | 'pct';
  /**
   * Changes smaller than this (in the measure's unit) are within measurement error and count as
   * "about the same" when two snapshots are compared. Closer to 0 is better for every measure.
   */
  readonly minimalChange: number;
}

/**
 * Minimal detectable change of a forward-head angle from photos: 4.96° intra-rater (FHP app,
 * Gallego-Izquierdo 2020, docs/checkers.md); knee and hip angles err by 4-6° in 2D (Stenum 2021).
 */
export const MINIMAL_CHANGE_SIDE_DEG = 5;
/** Front tilts: the level real front photos measured up to 3.9° (wall-posture.test.ts). */
export const MINIMAL_CHANGE_TILT_DEG = 4;
/** 2% of the ear-ankle height is about 3 cm: a few landmark pixels at a full-body framing. */
export const MINIMAL_CHANGE_PCT_HEIGHT = 2;
/** 4% of the torso is about 2 cm at the hips: two or three landmark pixels at a full-body framing. */
export const MINIMAL_CHANGE_PCT_TORSO = 4;

export const POSTURE_MEASURES: Readonly<Record<PostureMeasureId, PostureMeasureSpec>> = {
  forwardHeadLeanDeg: { view: 'side', unit: 'deg', minimalChange: MINIMAL_CHANGE_SIDE_DEG },
  shouldersForwardOfHipDeg: { view: 'side', unit: 'deg', minimalChange: MINIMAL_CHANGE_SIDE_DEG },
  earForwardOfAnklePctHeight: {
    view: 'side',
    unit: 'pct',
    minimalChange: MINIMAL_CHANGE_PCT_HEIGHT,
  },
  shoulderForwardOfAnklePctHeight: {
    view: 'side',
    unit: 'pct',
    minimalChange: MINIMAL_CHANGE_PCT_HEIGHT,
  },
  hipForwardOfAnklePctHeight: {
    view: 'side',
    unit: 'pct',
    minimalChange: MINIMAL_CHANGE_PCT_HEIGHT,
  },
  kneeForwardOfAnklePctHeight: {
    view: 'side',
    unit: 'pct',
    minimalChange: MINIMAL_CHANGE_PCT_HEIGHT,
  },
  kneeBendDeg: { view: 'side', unit: 'deg', minimalChange: MINIMAL_CHANGE_SIDE_DEG },
  shoulderTiltDeg: { view: 'front', unit: 'deg', minimalChange: MINIMAL_CHANGE_TILT_DEG },
  hipTiltDeg: { view: 'front', unit: 'deg', minimalChange: MINIMAL_CHANGE_TILT_DEG },
  headTiltDeg: { view: 'front', unit: 'deg', minimalChange: MINIMAL_CHANGE_TILT_DEG },
  weightShiftPctTorso: { view: 'front', unit: 'pct', minimalChange: MINIMAL_CHANGE_PCT_TORSO },
};

/** Findings: the wall-posture faults plus the two only a still judges. */
export type PostureFlag =
  FaultOfExercise<'wall-posture'> | 'posture.knees-locked' | 'posture.weight-shifted';

export type PostureReading =
  | { readonly kind: 'measured'; readonly value: number; readonly flagged: boolean }
  /** The parts it needed and could not see (off-frame or too unsure). */
  | { readonly kind: 'unseen'; readonly parts: readonly BodyPart[] }
  /** Measured from the other view only. */
  | { readonly kind: 'other-view'; readonly needs: PostureView };

/** What to draw over the photo, in image pixels. `measure` ties a mark to its reading's label. */
export type PostureMark =
  | { readonly kind: 'plumb-line'; readonly from: Vec2; readonly to: Vec2 }
  | { readonly kind: 'segment'; readonly from: Vec2; readonly to: Vec2 }
  | {
      readonly kind: 'angle';
      readonly measure: PostureMeasureId;
      readonly vertex: Vec2;
      readonly a: Vec2;
      readonly b: Vec2;
    }
  | {
      readonly kind: 'offset';
      readonly measure: PostureMeasureId;
      readonly from: Vec2;
      readonly to: Vec2;
    };

export type PostureCheck =
  | {
      readonly status: 'ok';
      readonly view: PostureView;
      readonly readings: Readonly<Record<PostureMeasureId, PostureReading>>;
      readonly flags: readonly PostureFlag[];
      readonly marks: readonly PostureMark[];
      /** What needs changing to judge the rest (turn sideways, step back), or null. */
      readonly advice: GuidanceId | null;
    }
  | { readonly status: 'no-person' }
  | { readonly status: 'several-people'; readonly people: number }
  | { readonly status: 'cannot-see'; readonly unseen: readonly BodyPart[] }
  /** A three-quarter view, or lying or bent over rather than standing. */
  | { readonly status: 'wrong-view'; readonly advice: GuidanceId | null };

export interface PostureStill {
  readonly imageSize: ImageSize;
  readonly poses: readonly Pose[];
}

/** The measured numbers of a check, by name with their units, as a snapshot stores them. */
export function postureMetrics(check: PostureCheck): Record<string, number> {
  const metrics: Record<string, number> = {};
  if (check.status !== 'ok') return metrics;
  for (const id of POSTURE_MEASURE_IDS) {
    const value = check.readings[id];
    if (value.kind === 'measured') metrics[id] = value.value;
  }
  return metrics;
}

/** True when a check measured anything worth keeping. */
export function hasMeasurements(check: PostureCheck): boolean {
  return Object.keys(postureMetrics(check)).length > 0;
}
