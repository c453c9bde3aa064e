import type { RecordingVerdict } from '../../src/pose/exercises/judge-recording';
import type { ExerciseId } from '../../src/pose/exercises/types';
import type { LabelRow } from './labels';

/** labels.csv names exercises with underscores; standing posture is judged by wall posture. */
const EXERCISE_OF_LABEL: Readonly<Record<string, ExerciseId>> = {
  plank: 'plank',
  side_plank: 'side-plank',
  bird_dog: 'bird-dog',
  dead_bug: 'dead-bug',
  glute_bridge: 'glute-bridge',
  standing_posture: 'wall-posture',
  wall_posture: 'wall-posture',
  superman: 'superman',
};

export function exerciseOfLabel(label: string): ExerciseId | null {
  return EXERCISE_OF_LABEL[label] ?? null;
}

export interface FileScore {
  readonly row: LabelRow;
  /** Null when the row is not scored (expected 'unknown'). */
  readonly right: boolean | null;
  /** Shown faults outside expected + optional. */
  readonly falseCues: readonly string[];
  /** Expected faults that were not shown. */
  readonly missed: readonly string[];
  readonly couldNotJudge: boolean;
  /** Null when the row has no rep count to score. */
  readonly repsCounted: number | null;
}

/**
 * The test data README's rule: right when every expected fault is shown and nothing outside
 * expected + optional is; "can't see" on a `none` file is no false cue but not right either.
 */
export function scoreFile(row: LabelRow, verdict: RecordingVerdict): FileScore {
  const scored = !row.expected.includes('unknown');
  const expected = row.expected.filter((id) => id !== 'none' && id !== 'unknown');
  const allowed = new Set([...expected, ...row.optional]);
  const shown = new Set<string>(verdict.shownFaults);
  const falseCues = [...shown].filter((id) => !allowed.has(id));
  const missed = expected.filter((id) => !shown.has(id));
  const judgedNone = expected.length === 0 && verdict.couldNotJudge;
  return {
    row,
    right: scored ? falseCues.length === 0 && missed.length === 0 && !judgedNone : null,
    falseCues: scored ? falseCues : [],
    missed: scored ? missed : [],
    couldNotJudge: verdict.couldNotJudge,
    repsCounted: row.reps === null ? null : (verdict.reps?.total ?? 0),
  };
}

export interface ScoreSummary {
  readonly scored: number;
  readonly right: number;
  readonly falseCues: number;
  /** False cues on files labelled `none` (the target is zero). */
  readonly falseCuesOnNone: number;
  readonly cannotSee: number;
  readonly clips: number;
  readonly repsExact: number;
  readonly repsWithinOne: number;
}

export function summarise(scores: readonly FileScore[]): ScoreSummary {
  const scored = scores.filter((score) => score.right !== null);
  const clips = scores.filter((score) => score.row.reps !== null && score.repsCounted !== null);
  const repError = (score: FileScore): number =>
    Math.abs((score.repsCounted ?? 0) - (score.row.reps ?? 0));
  return {
    scored: scored.length,
    right: scored.filter((score) => score.right === true).length,
    falseCues: scored.reduce((sum, score) => sum + score.falseCues.length, 0),
    falseCuesOnNone: scored
      .filter((score) => score.row.expected.includes('none'))
      .reduce((sum, score) => sum + score.falseCues.length, 0),
    cannotSee: scored.filter((score) => score.couldNotJudge).length,
    clips: clips.length,
    repsExact: clips.filter((score) => repError(score) === 0).length,
    repsWithinOne: clips.filter((score) => repError(score) <= 1).length,
  };
}

/** The eval's last line, in exactly the form the issue asks for. */
export function summaryLine(summary: ScoreSummary): string {
  return `verdicts ${summary.right}/${summary.scored} right, false cues ${summary.falseCues}, reps exact ${summary.repsExact}/${summary.clips}`;
}
