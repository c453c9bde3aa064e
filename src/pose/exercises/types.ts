import type { Degrees } from '../geometry/degrees';
import type { FaultDecision } from './decision';
import type { REGISTERED_CHECKERS } from './registry';
import type { LandmarkName } from '../landmarks';
import type { RepMeasureMetric } from '../reps/kept-measures';
import type { ImageSize, Pose } from '../pose';
import type { LandmarkRequirements } from '../requirements';
import type { RepCounterConfig } from '../reps/rep-counter';
import type { Side } from '../side';
import type { JudgeableView, View } from '../view';
import type { BodyPart } from '../visibility';

/**
 * The exercises' ids and fault ids are declared once, in each checker (its `id` and `faults`), and
 * read here from the registry's list: adding an exercise adds its ids. `import type` only: the
 * page names these types without loading a checker.
 */
export type ExerciseId = (typeof REGISTERED_CHECKERS)[number]['id'];

/**
 * Form faults: scored (they break a hold, mark a rep) and shown as cues. Named
 * `<exercise>.<fault>`; the standing and wall posture checks share the `posture` prefix, the
 * hip-hinge family (exercises/hinge.ts) the `hinge` prefix. The UI owns the wording. Ids in the
 * test data's labels.csv keep their meaning.
 */
export type FaultId = (typeof REGISTERED_CHECKERS)[number]['faults'][number];

/** The faults one exercise's checker reports, e.g. `FaultOfExercise<'plank'>`. */
export type FaultOfExercise<Id extends ExerciseId> = Extract<
  (typeof REGISTERED_CHECKERS)[number],
  { readonly id: Id }
>['faults'][number];

/** Guidance that is not a fault and is never scored: how to set up so the app can judge. */
export const GUIDANCE_IDS = [
  /** Parts of the body are out of frame or too close. */
  'setup.step-back',
  /** The exercise needs a side view. */
  'setup.turn-sideways',
  /** The exercise needs a front view. */
  'setup.turn-to-face',
  /** Seen clearly, but not in the exercise's position yet. */
  'setup.get-in-position',
  /** The exercise is read in depth (world landmarks), which this engine does not give (MoveNet). */
  'setup.needs-depth-engine',
] as const;
export type GuidanceId = (typeof GUIDANCE_IDS)[number];

/**
 * 'ok': judged (faults may be empty or not). 'cannot-see': required landmarks are unseen (see
 * `unseen`). 'wrong-view': the camera angle is not one the exercise can judge (see `viewAdvice`).
 * 'no-person': no pose at all.
 */
export type FormStatus = 'ok' | 'cannot-see' | 'wrong-view' | 'no-person';

/** A point the UI can draw, in image pixels; `name` is null for derived points (midpoints). */
export interface EvidencePoint {
  readonly x: number;
  readonly y: number;
  readonly name: LandmarkName | null;
}

/**
 * What a check measured, for drawing over the video. `about` ties it to the fault it supports (the
 * UI highlights it), or null for reference geometry such as the shoulder-ankle line.
 */
export type Evidence =
  | {
      readonly kind: 'line';
      readonly from: EvidencePoint;
      readonly to: EvidencePoint;
      /**
       * Points between `from` and `to`, in order, when the line is a measured curve (e.g. the
       * back's outline from the segmentation mask); absent for a straight line. A drawer that
       * ignores them draws the curve's straight chord.
       */
      readonly via?: readonly EvidencePoint[];
      readonly about: FaultId | null;
    }
  | {
      readonly kind: 'angle';
      readonly vertex: EvidencePoint;
      readonly a: EvidencePoint;
      readonly b: EvidencePoint;
      readonly degrees: Degrees;
      readonly about: FaultId | null;
    }
  | { readonly kind: 'point'; readonly at: EvidencePoint; readonly about: FaultId | null };

/**
 * Why a check could neither confirm nor rule out its fault this frame. 'ambiguous': it measured,
 * but the value sits where good and faulty form overlap in the recordings. 'needs-side-view': the
 * fault only shows side-on; 'needs-front-view': only facing the camera (or with the back to it).
 * 'needs-body-outline': it is read on the silhouette, which this engine
 * does not give (MoveNet has no mask; MediaPipe does). 'lower-back-hidden': no camera placement
 * shows the lower back in this exercise (a bridge's faces the floor behind the arms).
 * 'out-of-frame': the body part it reads is outside the picture (a close frame), while the rep is
 * still counted from what is seen; 'hidden': it is in the picture but hidden (a plate or a bell in
 * front of it). Neither was measured, so neither hovers at a threshold as 'ambiguous' does.
 */
export type UndecidedReason =
  | 'ambiguous'
  | 'needs-side-view'
  | 'needs-front-view'
  | 'needs-body-outline'
  | 'lower-back-hidden'
  | 'out-of-frame'
  | 'hidden';

/** A fault the check could not judge this frame, so "good form" must not be claimed for it. */
export interface Undecided<Fault extends string = FaultId> {
  readonly fault: Fault;
  readonly reason: UndecidedReason;
}

export interface FormResult<Phase extends string = string, Fault extends string = FaultId> {
  readonly status: FormStatus;
  /** The exercise's phase (e.g. 'top', 'lowering'), null when not judged. */
  readonly phase: Phase | null;
  /** Faults seen this frame; always empty unless status is 'ok'. */
  readonly faults: readonly Fault[];
  /**
   * Faults neither seen nor ruled out this frame (never one of `faults`); empty unless status is
   * 'ok'. They do not stop a hold or mark a rep, but the UI must not call the form good for them.
   */
  readonly undecided: readonly Undecided<Fault>[];
  /** Body parts the check needed but could not see; non-empty iff status is 'cannot-see'. */
  readonly unseen: readonly BodyPart[];
  readonly view: View;
  /** What to change about the setup, or null when nothing. */
  readonly viewAdvice: GuidanceId | null;
  /** 0-1: how much to trust this verdict (visibility, view quality, signal margin). */
  readonly confidence: number;
  readonly evidence: readonly Evidence[];
  /** Named measurements with units in their names, e.g. `hipDeviationDeg`, `hipHeightTorsos`. */
  readonly metrics: Readonly<Record<string, number>>;
  /**
   * The rep counter's input for rep exercises (see `RepExercise.repSignal`); null otherwise, and
   * wherever the frame does not count (a frame that judges nothing may still count: hinge.ts).
   */
  readonly repSignal: number | null;
  /** The working side in an alternating exercise, else null. */
  readonly activeSide: Side | null;
}

export type Strictness = 'beginner' | 'advanced';

export interface EvaluateContext {
  /** Frame time in ms, strictly increasing within a session (pure code never reads a clock). */
  readonly timestampMs: number;
  readonly strictness: Strictness;
  /** The frame's size, to treat landmarks outside it as unseen; null when unknown. */
  readonly imageSize: ImageSize | null;
  /**
   * A still photo, judged as the moment it shows: nothing is smoothed across photos, a fault is
   * shown at once, and a position a photo shows is taken as held (it cannot show time passing).
   */
  readonly isStill?: boolean;
}

export interface Evaluation<Phase extends string, Fault extends string, State> {
  readonly result: FormResult<Phase, Fault>;
  readonly state: State;
}

/**
 * What the page knows about an exercise without loading its checker: the checker declares these,
 * and each exercise's content file (src/content/exercises/) repeats them for the main bundle, which
 * never imports a checker. registry.test.ts keeps the two equal.
 */
export interface ExerciseFacts {
  readonly id: ExerciseId;
  readonly kind: 'reps' | 'hold';
  /** Camera views this exercise can judge; others give 'wrong-view'. */
  readonly views: readonly JudgeableView[];
  /** True when reps or holds alternate sides (bird-dog, dead bug, side plank). */
  readonly alternatesSides: boolean;
  /**
   * True when a set's reps are each arm's (seed 003: rows "3 sets of 10 reps per arm"): a rep
   * pulled with one arm counts for that arm, one pulled with both for each. Absent: false.
   */
  readonly repsPerArm?: boolean;
  /**
   * True when a set is done on one side, then on the other (the weight or the band at one side:
   * the suitcase deadlift, the Pallof press, seed 000): the planned reps are each side's, done in
   * turn, and the coach says when to switch. Absent: false.
   */
  readonly sidesInTurn?: boolean;
  /**
   * The phase reported while the person is seen but not yet in the start position (lying, kneeling,
   * standing). Placement waits while it lasts; no form is judged in it. Null: the checker has no
   * such phase and asks for the start position through `FormResult.viewAdvice` alone.
   */
  readonly setupPhase: string | null;
}

/**
 * What every exercise shares. Methods use method syntax on purpose: their parameters are then
 * checked bivariantly, so exercises with different state types fit one registry list.
 */
export interface ExerciseBase<
  Id extends string,
  Phase extends string,
  Fault extends string,
  State,
  Thresholds,
> {
  /** Declared as a literal: the registry's ids are the `ExerciseId` type. */
  readonly id: Id;
  /** English display name; the UI may translate by id. */
  readonly name: string;
  /** Camera views this exercise can judge; others give 'wrong-view'. */
  readonly views: readonly JudgeableView[];
  /** Landmarks it needs to judge anything (see `gatherLandmarks`). */
  readonly requiredLandmarks: LandmarkRequirements;
  readonly phases: readonly Phase[];
  /** The phase of `phases` that means "not in the start position yet" (see `ExerciseFacts`). */
  readonly setupPhase: Phase | null;
  /** Every fault it can report, declared as literals: together they are the `FaultId` type. */
  readonly faults: readonly Fault[];
  /** Its thresholds at each strictness: each a named value with unit and reason in the file. */
  readonly thresholds: Readonly<Record<Strictness, Thresholds>>;
  /**
   * The faults whose limits were chosen on recordings, with the measure each reads: the session
   * answers "can't judge" between good form's top and the limit, and the evaluation reports margins
   * and re-chooses the limits with a source left out (docs/judgement.md). Checkers must read their
   * thresholds from `this.thresholds`, so a re-chosen copy judges with its own.
   */
  readonly decisions: readonly FaultDecision<Fault>[];
  /**
   * Faults judged once per rep from the rep's whole course (the row's torso against earlier reps),
   * not from one frame's measure: cued at once, since the persistence gate is there for one
   * frame's noise. Absent: none.
   */
  readonly perRepFaults?: readonly Fault[];
  /** True when reps or holds alternate sides (bird-dog, dead bug, side plank). */
  readonly alternatesSides: boolean;
  /** True when a set's reps are each arm's (`ExerciseFacts.repsPerArm`). Absent: false. */
  readonly repsPerArm?: boolean;
  /** True when a set's reps are done on each side in turn (`ExerciseFacts.sidesInTurn`). */
  readonly sidesInTurn?: boolean;
  /**
   * True when a check reads the silhouette (`Pose.outline`): the engine then traces it, at 15-25 %
   * more time a frame. Absent means false. Without an outline (MoveNet) such checks fall back to
   * the joints and say so in their metrics.
   */
  readonly usesBodyOutline?: boolean;
  initialState(): State;
  /** Pure: the same pose, state and context always give the same evaluation. Never throws. */
  evaluate(
    pose: Pose | null,
    state: State,
    context: EvaluateContext,
  ): Evaluation<Phase, Fault, State>;
}

/** Counted in reps, from `FormResult.repSignal` through the generic rep counter. */
export interface RepExercise<
  Id extends string,
  Phase extends string,
  Fault extends string,
  State,
  Thresholds,
> extends ExerciseBase<Id, Phase, Fault, State, Thresholds> {
  readonly kind: 'reps';
  /** What `repSignal` measures, with its unit (e.g. 'hip height above the knees, torso lengths'). */
  readonly repSignal: string;
  /** Hysteresis thresholds and dwell for `repSignal`, at each strictness. */
  readonly repCounter: Readonly<Record<Strictness, RepCounterConfig>>;
  /** The frame measures each rep keeps at their extreme (`Rep.measures`). Absent: none. */
  readonly repMeasures?: readonly RepMeasure[];
}

/**
 * A frame measure a rep keeps (rep-measures.ts): at its extreme (`REP_MEASURE_KEEPS`) held for
 * `heldMs`, or, where the checker itself reads one value per rep (a squat's depth), the value it
 * read as the rep was counted (`atCount`).
 */
export type RepMeasure =
  | {
      /** A key of `FormResult.metrics`, its unit in its name. */
      readonly metric: RepMeasureMetric;
      /** The value kept is one held this long without a break, so a landmark spike is never it. */
      readonly heldMs: number;
    }
  | { readonly metric: RepMeasureMetric; readonly atCount: true };

/** Timed: only seconds with status 'ok' and no faults count (the hold timer). */
export interface HoldExercise<
  Id extends string,
  Phase extends string,
  Fault extends string,
  State,
  Thresholds,
> extends ExerciseBase<Id, Phase, Fault, State, Thresholds> {
  readonly kind: 'hold';
  /** The phases that are the hold itself; time in the others (getting into position) never counts. */
  readonly holdPhases: readonly Phase[];
}

export type Exercise<
  Phase extends string = string,
  Fault extends FaultId = FaultId,
  State = unknown,
  Thresholds = unknown,
> =
  | RepExercise<ExerciseId, Phase, Fault, State, Thresholds>
  | HoldExercise<ExerciseId, Phase, Fault, State, Thresholds>;
