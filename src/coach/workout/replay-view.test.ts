import { describe, expect, it } from 'vitest';
import { LANDMARK_INDEX } from '../../pose/landmarks';
import { makeReplayTrack } from '../../storage/testing';
import { replayMoment, replayTimeline } from './replay-view';

const track = makeReplayTrack();

describe('a moment of a replay', () => {
  it('draws the frame at or before it, in the camera frame’s pixels', () => {
    const moment = replayMoment(track, 250); // frame 2 (200 ms)
    const nose = moment.pose?.landmarks[LANDMARK_INDEX.nose];
    expect(nose?.x).toBeCloseTo((502 / 1000) * 640);
    expect(nose?.y).toBeCloseTo((200 / 1000) * 480);
    // Only the recorded joints are drawn; the others stay absent.
    expect(moment.pose?.landmarks.filter((p) => p !== null)).toHaveLength(3);
    expect(moment.outline).toEqual([]);
    expect(moment.pose?.landmarks[LANDMARK_INDEX.left_hip]?.visibility).toBe(0);
  });

  it('keeps a joint unseen in the frame unseen in the replay', () => {
    expect(replayMoment(track, 900).pose?.landmarks[LANDMARK_INDEX.nose]).toBeNull();
  });

  it('names the fault cued then, "can’t judge" where the screen said so, or no fault', () => {
    const sag = replayMoment(track, 1200);
    expect(sag.faults).toEqual(['plank.hips-sagging']);
    expect(sag.text).toBe('Hips sagging');
    expect(sag.outline).toHaveLength(3);
    expect(replayMoment(track, 1600).text).toBe('Can’t judge: Hips sagging');
    expect(replayMoment(track, 500).text).toBe('No fault cued here');
    expect(replayMoment(track, 500).clock).toBe('0:00.5 / 0:01.9');
  });
});

describe('the timeline of a replay', () => {
  it('has a row per fault with its spans, and the reps, as shares of the set', () => {
    const timeline = replayTimeline(track);
    expect(timeline.rows).toHaveLength(1);
    expect(timeline.rows[0]?.label).toBe('Hips sagging');
    expect(timeline.rows[0]?.spans.map((s) => s.kind)).toEqual(['fault', 'unsure']);
    expect(timeline.rows[0]?.spans[0]?.leftPercent).toBeCloseTo((100 * 1000) / 1900);
    expect(timeline.rows[0]?.spans[0]?.widthPercent).toBeCloseTo((100 * 500) / 1900);
    expect(timeline.reps).toEqual([
      expect.objectContaining({ text: 'Rep 1', startMs: 100, endMs: 1500 }),
    ]);
  });
});
