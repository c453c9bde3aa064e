/**
 * One exercise's file in this folder: what the page needs without loading the checker (its kind,
 * views, sides and setup phase, the `ExerciseFacts` of src/pose/exercises/types.ts), every word the
 * person reads about it, its fault wording, the unit of its rep signal and the movement pattern it
 * trains. The tables the rest of the app reads are derived from the list in ../exercises.ts.
 */
import type { ExerciseFacts, ExerciseId, FaultOfExercise } from '../../pose/exercises/types';

/** The words of one cue: a short label drawn beside the body part at fault, and the sentence said. */
export interface CueWording {
  /** A few words for the overlay label. */
  readonly label: string;
  /** What is shown as the cue and spoken. */
  readonly say: string;
}

export interface FaultWording extends CueWording {
  /**
   * The body area the fault is about, said while the check is undecided ("Hips: can't judge"),
   * where the label alone would claim the fault ("Hips sagging"). Absent: the label is neutral.
   */
  readonly area?: string;
  /**
   * What only a side view adds to this fault's check, where the rest of it is judged from other
   * angles too: named in "Turn sideways so I can check your … too" (the plank's sag: its hip line
   * is read from three-quarter, its lower back's outline only side-on). Absent: the `area`.
   */
  readonly sideOnArea?: string;
}

export interface ExerciseContent {
  readonly title: string;
  /** One line: what the exercise is for. */
  readonly purpose: string;
  /** The start position, said when the person is not in it yet. */
  readonly startPosition: string;
  readonly steps: readonly string[];
  readonly mistakes: readonly string[];
  /** Where to put the laptop. */
  readonly camera: string;
}

/**
 * The movement pattern each strength exercise trains (the posture reset is not one). Seed 000
 * counts "functional movement patterns (e.g., carry, hinge, push/pull)"; the squat, pull and carry
 * are the loaded programme's (src/content/programme.ts), for the squat, row and farmer's carry.
 */
export type MovementPattern =
  | 'anti-extension'
  | 'anti-rotation'
  | 'anti-lateral-flexion'
  | 'hip-extension'
  | 'back-extension'
  | 'hinge'
  | 'squat'
  | 'pull'
  | 'carry';

/**
 * A rep's range of motion is the exercise's rep signal at its lowest and highest, in that signal's
 * unit (`RepExercise.repSignal` in src/pose/exercises): degrees for some, a 0-1 lift or torso
 * lengths for others. Hold exercises record no reps.
 */
export interface RangeUnit {
  readonly suffix: string;
  readonly decimals: number;
}
export const DEGREES: RangeUnit = { suffix: '°', decimals: 0 };

export interface ExerciseFile<Id extends ExerciseId> extends ExerciseFacts, ExerciseContent {
  readonly id: Id;
  /** The wording of every fault its checker reports (the compiler asks for each one). */
  readonly faults: Readonly<Record<FaultOfExercise<Id>, FaultWording>>;
  /** The unit of its rep signal, for a rep's range in the history. */
  readonly rangeUnit: RangeUnit;
  readonly movementPattern: MovementPattern | null;
}

/** Any one exercise's file, with the wording of its own checker's faults. */
export type AnyExerciseFile = { [Id in ExerciseId]: ExerciseFile<Id> }[ExerciseId];
