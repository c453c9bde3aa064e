import { EXERCISES } from '../../src/pose/exercises/registry';
import type { Exercise } from '../../src/pose/exercises/types';
import type { LabelRow } from './labels';

/** Labels that name an exercise other than by its id: standing posture is the wall-posture check. */
const LABEL_ALIASES: Readonly<Record<string, string>> = { standing_posture: 'wall_posture' };

/**
 * labels.csv names exercises by id with underscores for hyphens; every registered one is found,
 * whatever the case and whether it is written with hyphens or underscores.
 */
export function exerciseOfLabel(label: string): Exercise | null {
  const written = label.trim().toLowerCase().replaceAll('-', '_');
  const name = LABEL_ALIASES[written] ?? written;
  return EXERCISES.find((exercise) => exercise.id.replaceAll('-', '_') === name) ?? null;
}

/** Each labelled row with its checker; rows of an exercise without one are said and skipped. */
export function checkedRows(rows: readonly LabelRow[]): { row: LabelRow; exercise: Exercise }[] {
  const checked: { row: LabelRow; exercise: Exercise }[] = [];
  for (const row of rows) {
    const exercise = exerciseOfLabel(row.exercise);
    if (exercise) checked.push({ row, exercise });
    else console.error(`${row.file}: no checker for "${row.exercise}", skipped`);
  }
  return checked;
}

export interface FileScore {
  readonly row: LabelRow;
  /** Null when the row is not scored (expected 'unknown'). */
  readonly right: boolean | null;
  /** Every fault cued. */
  readonly shown: readonly string[];
  /** Shown faults outside expected + optional. */
  readonly falseCues: readonly string[];
  /** Expected faults that were not shown. */
  readonly missed: readonly string[];
  readonly couldNotJudge: boolean;
  /** Null when the row has no rep count to score. */
  readonly repsCounted: number | null;
}

/**
 * What a file's score needs of a verdict: the recording path's (RecordingVerdict) or the live
 * page's (live-moments.ts).
 */
export interface ScoredVerdict {
  readonly shownFaults: readonly string[];
  readonly couldNotJudge: boolean;
  readonly reps: { readonly total: number } | null;
}

/**
 * The test data README's rule: right when every expected fault is shown and nothing outside
 * expected + optional is; "can't see" on a `none` file is no false cue but not right either.
 */
export function scoreFile(row: LabelRow, verdict: ScoredVerdict): FileScore {
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
    shown: [...shown],
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
