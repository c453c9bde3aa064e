import { describe, expect, it } from 'vitest';
import type { RecordingVerdict } from '../../src/pose/exercises/judge-recording';
import type { FaultId } from '../../src/pose/exercises/types';
import { parseLabels } from './labels';
import { EXERCISES } from '../../src/pose/exercises/registry';
import { exerciseOfLabel, scoreFile, summarise, summaryLine } from './scoring';

const CSV = [
  'file,exercise,view,expected,optional,reps,note',
  'a.jpg,plank,side,none,,,',
  'b.jpg,plank,side,plank.hips-sagging,,,',
  'c.jpg,standing_posture,side,posture.forward-head,posture.rounded-shoulders,,"upper body, only"',
  'd.mp4,bird_dog,side,none,,1,',
  'e.jpg,plank,side,unknown,,,',
].join('\n');

function verdict(
  shownFaults: FaultId[],
  options: Partial<RecordingVerdict> = {},
): RecordingVerdict {
  return {
    shownFaults,
    statusFrames: { ok: 1, 'cannot-see': 0, 'wrong-view': 0, 'no-person': 0 },
    unseen: [],
    couldNotJudge: false,
    reps: null,
    holdSeconds: null,
    mostPeopleInView: 1,
    frames: [],
    ...options,
  };
}

describe('labels name exercises', () => {
  it('finds every registered exercise by its id with underscores, and standing posture', () => {
    for (const exercise of EXERCISES) {
      expect(exerciseOfLabel(exercise.id.replaceAll('-', '_'))?.id).toBe(exercise.id);
    }
    expect(exerciseOfLabel('standing_posture')?.id).toBe('wall-posture');
    expect(exerciseOfLabel('Side-Plank')?.id).toBe('side-plank');
    expect(exerciseOfLabel(' KB_swing ')?.id).toBe('kb-swing');
    expect(exerciseOfLabel('juggling')).toBeNull();
  });
});

describe('scoring by the test data rule', () => {
  const [a, b, c, d, e] = parseLabels(CSV);
  if (!a || !b || !c || !d || !e) throw new Error('labels did not parse');

  it('reads quoted notes with commas', () => {
    expect(c.note).toBe('upper body, only');
    expect(c.optional).toEqual(['posture.rounded-shoulders']);
  });

  it('a good file with no cue is right; with a cue it is a false cue', () => {
    expect(scoreFile(a, verdict([])).right).toBe(true);
    const wrong = scoreFile(a, verdict(['plank.hips-piked']));
    expect(wrong.right).toBe(false);
    expect(wrong.falseCues).toEqual(['plank.hips-piked']);
  });

  it("can't see on a good file is neither right nor a false cue", () => {
    const score = scoreFile(a, verdict([], { couldNotJudge: true }));
    expect(score.right).toBe(false);
    expect(score.falseCues).toEqual([]);
  });

  it('a missed fault is wrong; optional faults are allowed', () => {
    expect(scoreFile(b, verdict([])).missed).toEqual(['plank.hips-sagging']);
    expect(scoreFile(c, verdict(['posture.forward-head', 'posture.rounded-shoulders'])).right).toBe(
      true,
    );
  });

  it('unknown rows are not scored', () => {
    expect(scoreFile(e, verdict(['plank.hips-piked'])).right).toBeNull();
  });

  it('summarises with the required last line', () => {
    const scores = [
      scoreFile(a, verdict([])),
      scoreFile(b, verdict([])),
      scoreFile(d, verdict([], { reps: { total: 1, clean: 1, left: 1, right: 0 } })),
      scoreFile(e, verdict([])),
    ];
    expect(summaryLine(summarise(scores))).toBe('verdicts 2/3 right, false cues 0, reps exact 1/1');
  });
});
