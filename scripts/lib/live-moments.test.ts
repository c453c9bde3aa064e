import { describe, expect, it } from 'vitest';
import type { CoachMoment } from '../browser/coach-watch';
import { matchesOnly, parseLabels } from './labels';
import type { LabelRow } from './labels';
import { setPlanOf } from './live-eval';
import { liveVerdict } from './live-moments';
import { scoreFile } from './scoring';

/** What the page showed at `atMs`: the coach panel's attributes and text (coach-watch.ts). */
function shown(atMs: number, screen: Partial<CoachMoment> = {}): CoachMoment {
  return {
    atMs,
    phase: 'counting',
    headline: 'Good form',
    tone: 'good',
    count: '',
    fault: '',
    counters: {},
    said: null,
    ...screen,
  };
}

const said = (atMs: number, text: string, screen: Partial<CoachMoment> = {}): CoachMoment =>
  shown(atMs, { ...screen, said: text });

const ROWS = parseLabels(
  [
    'file,exercise,view,expected,optional,reps,note',
    'plank/good.mp4,plank,side,none,,0,',
    'plank/sagging.mp4,plank,side,plank.hips-sagging,,0,',
    'bird_dog/cut.mp4,bird_dog,three-quarter,bird-dog.leg-too-high,,8,',
  ].join('\n'),
);

function row(file: string): LabelRow {
  const found = ROWS.find((label) => label.file === file);
  if (!found) throw new Error(`no label for ${file}`);
  return found;
}
const GOOD_PLANK = row('plank/good.mp4');
const SAGGING_PLANK = row('plank/sagging.mp4');
const BIRD_DOG = row('bird_dog/cut.mp4');

/** The clip's length: long enough to hold every moment below in one play. */
const CLIP_MS = 60_000;

const TURN_SIDEWAYS = { phase: 'placing', headline: 'Turn sideways', tone: 'setup' };
const HIPS_UP = { headline: 'Lift your hips', tone: 'fault', fault: 'plank.hips-sagging' };
const HIPS_UNSURE = { headline: "Hips: can't judge", tone: 'info' };

describe('a live set scored from what the page showed and said', () => {
  it('a fault cue on screen is a fault cued, and one on a good plank is a false cue', () => {
    const moments = [
      shown(0, TURN_SIDEWAYS),
      shown(1000),
      shown(2000, HIPS_UP),
      said(2000, 'Lift your hips', HIPS_UP),
      shown(3000, { counters: { hold: '1.0' } }),
    ];
    const verdict = liveVerdict(moments, 'hold', 4000, CLIP_MS);
    expect(verdict.shownFaults).toEqual(['plank.hips-sagging']);
    expect(verdict.holdSeconds).toBe(1);
    expect(verdict.reps).toBeNull();
    const good = scoreFile(GOOD_PLANK, verdict);
    expect(good.right).toBe(false);
    expect(good.falseCues).toEqual(['plank.hips-sagging']);
    expect(scoreFile(SAGGING_PLANK, verdict).right).toBe(true);
  });

  it('a fault only said (the screen moved on before the watcher looked) counts as cued', () => {
    const moments = [shown(0), said(500, 'Lift your hips', HIPS_UP), shown(600)];
    expect(liveVerdict(moments, 'hold', 1000, CLIP_MS).shownFaults).toEqual(['plank.hips-sagging']);
  });

  it('only "can\'t judge" while counting is can\'t see: no false cue, and not right on a good clip', () => {
    const moments = [shown(0, TURN_SIDEWAYS), shown(1000, HIPS_UNSURE)];
    const verdict = liveVerdict(moments, 'hold', 5000, CLIP_MS);
    expect(verdict.couldNotJudge).toBe(true);
    expect(verdict.cannotJudgeSeconds).toBe(4);
    expect(verdict.countingSeconds).toBe(4);
    expect(verdict.mostShown).toBe("info: Hips: can't judge");
    const score = scoreFile(GOOD_PLANK, verdict);
    expect(score.right).toBe(false);
    expect(score.falseCues).toEqual([]);
    expect(score.couldNotJudge).toBe(true);
  });

  it("a set that never got past placement is can't see, with its advice counted as said", () => {
    const moments = [
      shown(0, TURN_SIDEWAYS),
      said(0, 'Turn sideways', TURN_SIDEWAYS),
      said(9000, 'Turn sideways', TURN_SIDEWAYS),
    ];
    const verdict = liveVerdict(moments, 'reps', 20_000, CLIP_MS);
    expect(verdict.counted).toBe(false);
    expect(verdict.couldNotJudge).toBe(true);
    expect(verdict.countingSeconds).toBe(0);
    expect(verdict.said).toEqual([{ text: 'Turn sideways', times: 2 }]);
  });

  it('reps are the most the panel counted, good and faulty, also after the set finished', () => {
    const moments = [
      shown(0, { counters: { 'good-reps': '1', 'fault-reps': '0' } }),
      shown(1000, { counters: { 'good-reps': '1', 'fault-reps': '2' } }),
      shown(2000, { phase: 'finished', tone: 'good', counters: {} }),
    ];
    const verdict = liveVerdict(moments, 'reps', 3000, CLIP_MS);
    expect(verdict.reps).toEqual({ total: 3 });
    expect(verdict.finished).toBe(true);
    expect(scoreFile(BIRD_DOG, verdict).repsCounted).toBe(3);
  });

  it('reps are those of one play of the clip from the first rep, the loop counted apart', () => {
    const moments = [
      shown(0, TURN_SIDEWAYS),
      shown(3000, { counters: { 'good-reps': '0', 'fault-reps': '0' } }),
      shown(9000, { counters: { 'good-reps': '1', 'fault-reps': '0' } }),
      // The clip (8 s) plays again: its one rep is counted a second time.
      shown(17_000, { counters: { 'good-reps': '2', 'fault-reps': '0' } }),
    ];
    const verdict = liveVerdict(moments, 'reps', 20_000, 8000);
    expect(verdict.reps).toEqual({ total: 1 });
    expect(verdict.repsWatched).toBe(2);
  });

  it('counts the one rep of a short clip that counting began just after (CI: 0 of 1)', () => {
    // A 4 s bridge: counting began 5.5 s before the rep was shown, more than a play later.
    const moments = [
      shown(3000, { counters: { 'good-reps': '0', 'fault-reps': '0' } }),
      shown(8500, { counters: { 'good-reps': '1', 'fault-reps': '0' } }),
      shown(12_600, { counters: { 'good-reps': '2', 'fault-reps': '0' } }),
    ];
    const verdict = liveVerdict(moments, 'reps', 15_000, 4000);
    expect(verdict.reps).toEqual({ total: 1 });
    expect(verdict.repsWatched).toBe(2);
  });

  it('says which sentences came most often first', () => {
    const moments = [said(0, 'Set 1. Go.'), said(1, 'Lift your hips'), said(2, 'Lift your hips')];
    expect(liveVerdict(moments, 'hold', 3, CLIP_MS).said.map(({ text }) => text)).toEqual([
      'Lift your hips',
      'Set 1. Go.',
    ]);
  });
});

describe('the set planned from a label', () => {
  it('is the label reps, a side each for alternating exercises, or the clip held', () => {
    expect(setPlanOf(BIRD_DOG, 'reps', true, 22.7)).toEqual({ reps: 4 });
    expect(setPlanOf(BIRD_DOG, 'reps', false, 22.7)).toEqual({ reps: 8 });
    expect(setPlanOf(GOOD_PLANK, 'hold', false, 21.6)).toEqual({ holdSeconds: 21 });
    // The plan's own bounds: at least 1 rep, a hold of 5 s to 3 min.
    expect(setPlanOf(GOOD_PLANK, 'reps', false, 4)).toEqual({ reps: 1 });
    expect(setPlanOf(GOOD_PLANK, 'hold', false, 2.8)).toEqual({ holdSeconds: 5 });
  });
});

describe('--only', () => {
  it('takes folders, files and globs, several with commas', () => {
    expect(matchesOnly('plank/a.mp4', 'plank')).toBe(true);
    expect(matchesOnly('plank/a.mp4', 'plank/')).toBe(true);
    expect(matchesOnly('side_plank/a.mp4', 'plank')).toBe(false);
    expect(matchesOnly('plank/a.mp4', 'plank/a.mp4')).toBe(true);
    expect(matchesOnly('plank/a.mp4', '*/a.mp4')).toBe(true);
    expect(matchesOnly('plank/a.mp4', '*.mp4')).toBe(false);
    expect(matchesOnly('plank/a.mp4', '**.mp4')).toBe(true);
    expect(matchesOnly('deadlift/x_good.mp4', 'plank,deadlift/*good*')).toBe(true);
  });
});
