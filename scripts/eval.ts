/**
 * npm run eval -- --data <dir> [--engine mediapipe|movenet] [--model full] [--strictness beginner]
 *                 [--fixtures <dir>] [--files]
 *
 * Runs the whole path over a folder laid out like ../shared/testdata (files plus labels.csv): the
 * real engine in Chromium records each photo and clip, then the checkers judge the recording the
 * way the live app does. Prints per exercise and in total: verdicts right of scored, false fault
 * cues, "can't see" answers, clip rep counts exact and within one. `--fixtures` reads recorded
 * landmarks (tests/fixtures/landmarks/<engine>) instead of running the engine, for quick tuning.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { judgeRecording } from '../src/pose/exercises/judge-recording';
import { findExercise } from '../src/pose/exercises/registry';
import type { Strictness } from '../src/pose/exercises/types';
import { DEFAULT_SAMPLE_FPS, roundFrame } from '../src/pose/recording';
import type { PoseRecording } from '../src/pose/recording';
import { engineFromOptions, parseArgs } from './lib/args';
import { openHarness } from './lib/harness-session';
import type { HarnessSession } from './lib/harness-session';
import { readLabels } from './lib/labels';
import type { LabelRow } from './lib/labels';
import { exerciseOfLabel, scoreFile, summarise, summaryLine } from './lib/scoring';
import type { FileScore } from './lib/scoring';
import { formatTable } from './lib/stats';

function fixtureRecording(fixturesDir: string, row: LabelRow): PoseRecording | null {
  const parsed = path.parse(row.file);
  const file = path.join(fixturesDir, parsed.dir, `${parsed.name}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as PoseRecording) : null;
}

/** Records as the live app runs: with the silhouette when the exercise reads it. */
async function liveRecording(
  session: HarnessSession,
  dataDir: string,
  row: LabelRow,
  options: ReadonlyMap<string, string>,
  outline: boolean,
): Promise<PoseRecording> {
  const engine = engineFromOptions(options);
  const recording = await session.record(session.localUrl(path.join(dataDir, row.file)), engine, {
    sampleFps: DEFAULT_SAMPLE_FPS,
    outline,
  });
  return {
    source: row.file,
    engine,
    mode: recording.mode,
    sampleFps: DEFAULT_SAMPLE_FPS,
    frames: recording.frames.map(roundFrame),
  };
}

function strictnessOf(options: ReadonlyMap<string, string>): Strictness {
  const value = options.get('strictness') ?? 'beginner';
  if (value === 'beginner' || value === 'advanced') return value;
  throw new Error('--strictness is beginner or advanced');
}

function summaryRow(name: string, scores: readonly FileScore[]): string[] {
  const summary = summarise(scores);
  return [
    name,
    `${summary.right}/${summary.scored}`,
    String(summary.falseCues),
    String(summary.falseCuesOnNone),
    String(summary.cannotSee),
    summary.clips > 0 ? `${summary.repsExact}/${summary.clips}` : '-',
    summary.clips > 0 ? `${summary.repsWithinOne}/${summary.clips}` : '-',
  ];
}

async function main(): Promise<void> {
  const { options } = parseArgs(process.argv.slice(2));
  const dataDir = options.get('data');
  if (!dataDir) {
    console.error(
      'usage: npm run eval -- --data <dir with labels.csv> [--engine …] [--fixtures <dir>]',
    );
    process.exit(2);
  }
  const rows = readLabels(dataDir);
  const strictness = strictnessOf(options);
  const fixturesDir = options.get('fixtures');
  const session = fixturesDir ? null : await openHarness();
  const scores: FileScore[] = [];
  const fileRows: string[][] = [];
  try {
    for (const row of rows) {
      const exerciseId = exerciseOfLabel(row.exercise);
      const exercise = exerciseId ? findExercise(exerciseId) : null;
      if (!exercise) {
        console.error(`${row.file}: no checker for "${row.exercise}", skipped`);
        continue;
      }
      const recording = session
        ? await liveRecording(session, dataDir, row, options, exercise.usesBodyOutline === true)
        : fixtureRecording(fixturesDir ?? '', row);
      if (!recording) {
        console.error(`${row.file}: no recording in ${fixturesDir ?? ''}, skipped`);
        continue;
      }
      const verdict = judgeRecording(exercise, recording, strictness);
      const score = scoreFile(row, verdict);
      scores.push(score);
      fileRows.push([
        row.file,
        row.expected.join(';'),
        verdict.shownFaults.join(';') || '-',
        score.right === null
          ? 'not scored'
          : score.right
            ? 'right'
            : verdict.couldNotJudge
              ? "can't see"
              : 'wrong',
        score.repsCounted === null ? '-' : `${score.repsCounted}/${row.reps ?? ''}`,
      ]);
    }
  } finally {
    await session?.close();
  }

  if (options.has('files')) {
    console.log(formatTable(['file', 'expected', 'shown', 'verdict', 'reps'], fileRows));
    console.log('');
  }
  const exercises = [...new Set(scores.map((score) => score.row.exercise))];
  console.log(
    formatTable(
      ['exercise', 'verdicts right', 'false cues', 'on none', "can't see", 'reps exact', 'reps ±1'],
      [
        ...exercises.map((name) =>
          summaryRow(
            name,
            scores.filter((score) => score.row.exercise === name),
          ),
        ),
        summaryRow('total', scores),
      ],
    ),
  );
  console.log(summaryLine(summarise(scores)));
}

await main();
