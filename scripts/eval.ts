/**
 * npm run eval -- --data <dir> [--engine mediapipe|movenet] [--model full] [--strictness beginner]
 *                 [--fixtures <dir>] [--files]
 *
 * Runs the whole path over a folder laid out like ../shared/testdata (files plus labels.csv): the
 * real engine in Chromium records each photo and clip, then the checkers judge the recording the
 * way the live app does. Prints per exercise, per camera view and in total: verdicts right of
 * scored, false fault cues, "can't see" answers, clip rep counts exact and within one; then each
 * scored file's margin to the limit that decided it, the limits the method of docs/judgement.md
 * chooses on this folder against those in the code, and the verdicts when each source is left out
 * of that choice. The last line is the summary. `--fixtures` reads recorded landmarks
 * (tests/fixtures/landmarks/<engine>) instead of running the engine, for quick tuning.
 *
 * `--live` plays each clip through the fake camera into the built app instead and scores what the
 * page showed and said (scripts/lib/live-eval.ts); `--only <folder, file or glob>[,…]` takes a
 * subset of the labelled files, on either path.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { thresholdValue } from '../src/pose/exercises/decision';
import { forEngine } from '../src/pose/exercises/engine-limits';
import { judgeRecording } from '../src/pose/exercises/judge-recording';
import type { Exercise, Strictness } from '../src/pose/exercises/types';
import { DEFAULT_SAMPLE_FPS, roundFrame } from '../src/pose/recording';
import type { PoseRecording } from '../src/pose/recording';
import { engineFromOptions, parseArgs } from './lib/args';
import { withDecodableMedia } from './lib/decodable';
import { openHarness } from './lib/harness-session';
import type { HarnessSession } from './lib/harness-session';
import { matchesOnly, readLabels } from './lib/labels';
import type { LabelRow } from './lib/labels';
import { decisionFiles, fileMargin, fitOver, refitExercise } from './lib/calibration';
import type { FilesOf } from './lib/calibration';
import type { JudgedFile } from './lib/calibration';
import { groupedTable } from './lib/score-table';
import { checkedRows, scoreFile, summarise, summaryLine } from './lib/scoring';
import type { FileScore } from './lib/scoring';
import { LIVE_PASSES, evalLive } from './lib/live-eval';
import type { LiveFile } from './lib/live-eval';
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
  const { value: recording, copiedAs } = await withDecodableMedia(
    path.join(dataDir, row.file),
    (file) =>
      session.record(session.localUrl(file), engine, { sampleFps: DEFAULT_SAMPLE_FPS, outline }),
  );
  if (copiedAs !== null)
    console.error(`${row.file}: the browser could not decode it; judged ${copiedAs} by ffmpeg`);
  return {
    source: row.file,
    engine,
    mode: recording.mode,
    sampleFps: DEFAULT_SAMPLE_FPS,
    frames: recording.frames.map(roundFrame),
  };
}

/** No frame: the verdict of a file the engine could not read at all. */
function unreadRecording(row: LabelRow, options: ReadonlyMap<string, string>): PoseRecording {
  return {
    source: row.file,
    engine: engineFromOptions(options),
    mode: 'video',
    sampleFps: null,
    frames: [],
  };
}

function strictnessOf(options: ReadonlyMap<string, string>): Strictness {
  const value = options.get('strictness') ?? 'beginner';
  if (value === 'beginner' || value === 'advanced') return value;
  throw new Error('--strictness is beginner or advanced');
}

/** A file judged: its exercise, its verdict's score and every frame, for the margins and re-fits. */
interface Judged {
  readonly exercise: Exercise;
  readonly file: JudgedFile;
  readonly score: FileScore;
}

/** The judged files of each exercise. */
function filesOfJudged(judged: readonly Judged[]): FilesOf {
  return (id) => judged.filter((j) => j.exercise.id === id).map((j) => j.file);
}

function verdictWord(score: FileScore): string {
  if (score.right === null) return 'not scored';
  if (score.right) return 'right';
  return score.couldNotJudge ? "can't see" : 'wrong';
}

const round = (value: number, digits = 3): string => String(Number(value.toFixed(digits)));

function marginsTable(judged: readonly Judged[], strictness: Strictness): string {
  const rows: string[][] = [];
  for (const { exercise, file } of judged) {
    const margin = fileMargin(exercise, file, filesOfJudged(judged), strictness);
    if (file.row.expected.includes('unknown')) continue;
    rows.push(
      margin
        ? [
            file.row.file,
            file.row.view,
            margin.metric,
            round(margin.peak),
            round(margin.limit),
            round(margin.margin),
            margin.marginNoise === null ? '-' : round(margin.marginNoise, 1),
          ]
        : [file.row.file, file.row.view, '-', '-', '-', '-', '-'],
    );
  }
  return formatTable(
    ['file', 'view', 'deciding measure', 'value', 'limit', 'margin', 'margin ÷ noise'],
    rows,
  );
}

/** Limits the method chooses on all of these files against those the code holds. */
function limitsTable(judged: readonly Judged[], strictness: Strictness): string {
  const rows: string[][] = [];
  for (const exercise of [...new Set(judged.map((j) => j.exercise))]) {
    for (const decision of exercise.decisions) {
      const files = decisionFiles(exercise, decision, filesOfJudged(judged));
      const fit = fitOver(decision, files, strictness);
      const sign = decision.firesWhen === 'above' ? 1 : -1;
      rows.push([
        exercise.id,
        decision.fault,
        decision.metric,
        fit.goodTop === null ? '-' : round(sign * fit.goodTop),
        String(fit.sources),
        fit.noise === null ? '-' : round(fit.noise),
        round(fit.widening, 2),
        round(sign * fit.limit),
        round(thresholdValue(exercise, strictness, decision.limit)),
        round(sign * fit.unsureFrom),
        round(thresholdValue(exercise, strictness, decision.unsureFrom)),
      ]);
    }
  }
  return formatTable(
    [
      'exercise',
      'fault',
      'measure',
      'good top',
      'sources',
      'noise',
      '× margin',
      'limit fitted',
      'in code',
      'unsure fitted',
      'in code',
    ],
    rows,
  );
}

/** Each source's files judged by the exercise re-fitted without that source. */
function leftOutScores(
  judged: readonly Judged[],
  recordings: ReadonlyMap<string, PoseRecording>,
  strictness: Strictness,
): FileScore[] {
  const scores: FileScore[] = [];
  for (const source of [...new Set(judged.map((j) => j.file.row.source))]) {
    for (const { exercise, file } of judged.filter((j) => j.file.row.source === source)) {
      const others = judged.filter((j) => j.file.row.source !== source);
      const refit = refitExercise(exercise, filesOfJudged(others));
      const recording = recordings.get(file.row.file);
      if (!recording) continue;
      scores.push(scoreFile(file.row, judgeRecording(refit, recording, strictness, 'as-given')));
    }
  }
  return scores;
}

const seconds = (value: number): string => value.toFixed(1);

/** Each sentence said more than once, with how often: "Turn sideways ×3". */
function saidOften(file: LiveFile): string {
  const often = file.verdict.said.filter(({ times }) => times > 1);
  return often.map(({ text, times }) => `${text} ×${String(times)}`).join('; ') || '-';
}

async function mainLive(
  dataDir: string,
  rows: readonly LabelRow[],
  options: ReadonlyMap<string, string>,
): Promise<void> {
  const passes = Number(options.get('passes') ?? LIVE_PASSES);
  const startedAt = Date.now();
  const { files, notRun } = await evalLive(
    dataDir,
    rows,
    engineFromOptions(options),
    passes,
    (file) => {
      const score = scoreFile(file.row, file.verdict);
      console.error(
        `${file.row.file}: ${verdictWord(score)}, shown ${score.shown.join(';') || '-'}, reps ${score.repsCounted ?? '-'}`,
      );
    },
  );
  const scores = files.map((file) => scoreFile(file.row, file.verdict));
  if (options.has('files')) {
    console.log(
      formatTable(
        [
          'file',
          'view',
          'plan',
          'expected',
          'shown',
          'verdict',
          'reps',
          'reps all plays',
          'good-form s',
          "can't judge s",
          'counting s',
          'watched s',
          'shown longest while counting',
          'said more than once',
        ],
        files.map((file, i) => {
          const score = scores[i] as FileScore;
          return [
            file.row.file,
            file.row.view,
            file.plan,
            file.row.expected.join(';'),
            score.shown.join(';') || '-',
            verdictWord(score),
            score.repsCounted === null ? '-' : `${score.repsCounted}/${file.row.reps ?? ''}`,
            file.verdict.repsWatched === null ? '-' : String(file.verdict.repsWatched),
            file.verdict.holdSeconds === null ? '-' : seconds(file.verdict.holdSeconds),
            seconds(file.verdict.cannotJudgeSeconds),
            seconds(file.verdict.countingSeconds),
            seconds(file.watchedSeconds),
            file.verdict.mostShown ?? '-',
            saidOften(file),
          ];
        }),
      ),
    );
    console.log('');
  }
  console.log(groupedTable('exercise', scores, (score) => score.row.exercise));
  console.log('');
  console.log(groupedTable('camera view', scores, (score) => score.row.view));
  console.log('');
  console.log(
    `live: ${String(files.length)} clips in ${seconds((Date.now() - startedAt) / 60_000)} min, each watched up to ${String(passes)} plays`,
  );
  for (const { file, reason } of notRun)
    console.log(`not run, left out of the scores: ${file} (${reason})`);
  if (notRun.length > 0) process.exitCode = 1;
  console.log(summaryLine(summarise(scores)));
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
  const only = options.get('only');
  const rows = readLabels(dataDir).filter(
    (row) => only === undefined || matchesOnly(row.file, only),
  );
  if (options.has('live')) {
    await mainLive(dataDir, rows, options);
    return;
  }
  const strictness = strictnessOf(options);
  const fixturesDir = options.get('fixtures');
  const session = fixturesDir ? null : await openHarness();
  const judged: Judged[] = [];
  const recordings = new Map<string, PoseRecording>();
  const checked = checkedRows(rows);
  const startedAt = Date.now();
  try {
    for (const [index, { row, exercise }] of checked.entries()) {
      const recording = session
        ? await liveRecording(
            session,
            dataDir,
            row,
            options,
            exercise.usesBodyOutline === true,
          ).catch((error: unknown) => {
            // A file nobody can read is what a person would see as "can't see": scored, not fatal.
            console.error(`${row.file}: could not be read (${String(error)}); judged as unseen`);
            return unreadRecording(row, options);
          })
        : fixtureRecording(fixturesDir ?? '', row);
      if (!recording) {
        console.error(`${row.file}: no recording in ${fixturesDir ?? ''}, skipped`);
        continue;
      }
      // The limits the app holds for the engine that read it: margins and the limits table too.
      const judgedBy = forEngine(exercise, recording.engine);
      const verdict = judgeRecording(judgedBy, recording, strictness);
      const score = scoreFile(row, verdict);
      recordings.set(row.file, recording);
      judged.push({ exercise: judgedBy, file: { row, frames: verdict.frames }, score });
      // The engine takes minutes over a folder: say where it is, on stderr beside the tables.
      if (session)
        console.error(
          `${String(index + 1)}/${String(checked.length)} ${row.file}: ${verdictWord(score)} (${seconds((Date.now() - startedAt) / 60_000)} min)`,
        );
    }
  } finally {
    await session?.close();
  }

  const scores = judged.map((j) => j.score);
  if (options.has('files')) {
    console.log(
      formatTable(
        ['file', 'view', 'expected', 'shown', 'verdict', 'reps'],
        judged.map(({ score }) => [
          score.row.file,
          score.row.view,
          score.row.expected.join(';'),
          score.shown.join(';') || '-',
          verdictWord(score),
          score.repsCounted === null ? '-' : `${score.repsCounted}/${score.row.reps ?? ''}`,
        ]),
      ),
    );
    console.log('');
  }
  console.log(groupedTable('exercise', scores, (score) => score.row.exercise));
  console.log('');
  console.log(groupedTable('camera view', scores, (score) => score.row.view));
  console.log('');
  console.log("Margins: how far each scored file's deciding measure sat from its limit");
  console.log(marginsTable(judged, strictness));
  console.log('');
  console.log('Limits chosen on this folder (docs/judgement.md) and in the code');
  console.log(limitsTable(judged, strictness));
  console.log('');
  const leftOut = leftOutScores(judged, recordings, strictness);
  console.log(
    "Each source left out of the choice of limits, its files judged with the others' limits",
  );
  console.log(groupedTable('exercise', leftOut, (score) => score.row.exercise));
  for (const score of leftOut) {
    const dev = scores.find((devScore) => devScore.row.file === score.row.file);
    if (dev?.right === score.right && dev.shown.join() === score.shown.join()) continue;
    console.log(
      `  ${score.row.file} (${score.row.source}) left out: shown ${score.shown.join(';') || '-'}, ${verdictWord(score)}`,
    );
  }
  console.log(`left out: ${summaryLine(summarise(leftOut))}`);
  console.log(summaryLine(summarise(scores)));
}

await main();
