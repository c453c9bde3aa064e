/**
 * `npm run eval -- --live` on two short clips (the whole folder runs on demand: README, "Other
 * commands"): the tables and the summary line a person reads after playing a good bird-dog and a
 * good plank through the fake camera into the built app (the bird-dog is the e2e sets' steady
 * clip, `STEADY_REP_CLIP`, for the reason given there).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { ffmpegFound, testDataDir } from '../support/testdata';
import { STEADY_REP_CLIP } from './support/workout-page';

const GOOD_BIRD_DOG = STEADY_REP_CLIP;
const GOOD_PLANK = 'rendered/rendered_plank_01.mp4';
/** Two clips of 3-4 s, each watched up to twice plus placement, and a model loaded per clip. */
const LIVE_EVAL_MS = 240_000;

/** A table row of the eval's output by its first cell, as cells. */
function rowOf(output: string, first: string): string[] {
  const line = output.split('\n').find((text) => text.startsWith(`| ${first} `));
  expect(line, output).toBeDefined();
  return (line ?? '')
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

test('the live eval scores two good clips as the page showed them: reps counted, no cue', async () => {
  test.setTimeout(LIVE_EVAL_MS);
  const dataDir = testDataDir();
  test.skip(!dataDir || !ffmpegFound(), 'test data or ffmpeg missing');
  const { stdout, stderr } = await promisify(execFile)(
    path.resolve('node_modules/.bin/tsx'),
    [
      ...['scripts/eval.ts', '--live', '--data', dataDir ?? '', '--files'],
      ...['--only', `${GOOD_BIRD_DOG},${GOOD_PLANK}`],
    ],
    { timeout: LIVE_EVAL_MS, maxBuffer: 16 * 1024 * 1024 },
  );
  const output = `${stdout}\n${stderr}`;
  const header = rowOf(stdout, 'file');
  const cell = (file: string, column: string) => rowOf(stdout, file)[header.indexOf(column)];
  // The good bird-dog: its one rep counted, nothing cued.
  expect(cell(GOOD_BIRD_DOG, 'reps'), output).toBe('1/1');
  expect(cell(GOOD_BIRD_DOG, 'shown'), output).toBe('-');
  expect(cell(GOOD_BIRD_DOG, 'verdict'), output).toBe('right');
  // The plank: nothing cued, its form called good and credited good-form seconds.
  expect(cell(GOOD_PLANK, 'shown'), output).toBe('-');
  expect(cell(GOOD_PLANK, 'verdict'), output).toBe('right');
  expect(Number(cell(GOOD_PLANK, 'good-form s')), output).toBeGreaterThan(0);
  // Both filmed from the side: the per-view table and the summary say the same.
  expect(rowOf(stdout, 'side').slice(1, 3), output).toEqual(['2/2', '0']);
  expect(stdout.trim().split('\n').at(-1), output).toBe(
    'verdicts 2/2 right, false cues 0, reps exact 2/2',
  );
});
