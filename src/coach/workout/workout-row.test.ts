/**
 * A row's set counts reps per arm, as the Plan says (seed 003: "3 sets of 10 reps per arm"): on
 * the real clips, a barbell row's pulls count for both arms, a single-arm row's for the working arm
 * only, and the set ends once each arm has its reps. The other arm's set is the real single-arm clip
 * DERIVED: mirrored, left and right landmarks swapped, as the same lifter rowing with the other arm.
 */
import { describe, expect, it } from 'vitest';
import { loadRecording } from '../../../tests/support/fixtures';
import { EXERCISE_CONTENT } from '../../content/exercises';
import { row } from '../../pose/exercises/row';
import { LANDMARK_INDEX, LANDMARK_NAMES } from '../../pose/landmarks';
import type { Pose } from '../../pose/pose';
import type { PoseRecording } from '../../pose/recording';
import { presentWorkout } from './present';
import type { WorkoutView } from './present';
import type { WorkoutState } from './workout';
import { watchSet } from '../../../tests/support/watch-set';

const BARBELL = loadRecording('row/row_good_threequarter_video_01.mp4');
const SINGLE_ARM = loadRecording('row/row_good_threequarter_singlearm_video_03.mp4');

/** Each landmark's index on the other side of the body (itself for the nose). */
const OTHER_SIDE: readonly number[] = LANDMARK_NAMES.map((name) => {
  const other = name.replace(/^left_|^right_/, (side) => (side === 'left_' ? 'right_' : 'left_'));
  return LANDMARK_INDEX[other as keyof typeof LANDMARK_INDEX];
});

function otherArm(recording: PoseRecording): PoseRecording {
  const mirrored = (pose: Pose, width: number): Pose => ({
    ...pose,
    landmarks: OTHER_SIDE.map((i) => {
      const p = pose.landmarks[i];
      return p ? { ...p, x: width - p.x } : null;
    }),
    worldLandmarks:
      pose.worldLandmarks &&
      OTHER_SIDE.map((i) => {
        const p = pose.worldLandmarks?.[i];
        return p ? { ...p, x: -p.x } : null;
      }),
  });
  return {
    ...recording,
    frames: recording.frames.map((frame) => ({
      ...frame,
      poses: frame.poses.map((pose) => mirrored(pose, frame.imageSize.width)),
    })),
  };
}

/** Plays the recordings one after another into a row set of `reps` reps. */
function watch(recordings: readonly PoseRecording[], reps: number): WorkoutState {
  return watchSet(row, recordings, reps).state;
}

function shown(state: WorkoutState): WorkoutView {
  return presentWorkout(state, EXERCISE_CONTENT.row);
}

function counter(view: WorkoutView, id: string): string | undefined {
  return view.counters.find((c) => c.id === id)?.value;
}

describe('a row set counts reps per arm', () => {
  it('counts each barbell pull for both arms, and ends the set at the reps per arm', () => {
    const state = watch([BARBELL], 4);
    expect(state.phase).toBe('finished');
    expect(state.sets[0]?.counts.reps).toBe(4);
  });

  it('counts a single-arm row for the working arm only: the set waits for the other arm', () => {
    const state = watch([SINGLE_ARM], 3);
    expect(state.phase).toBe('counting');
    const view = shown(state);
    expect(view.progress).toEqual({ value: '0', target: 'of 3 reps per arm' });
    expect(counter(view, 'right')).toBe('5');
    expect(counter(view, 'left')).toBe('0');
    expect(view.counters.find((c) => c.id === 'right')?.label).toBe('Right arm');
  });

  it('ends the single-arm set once the other arm has its reps too', () => {
    const state = watch([SINGLE_ARM, otherArm(SINGLE_ARM)], 3);
    expect(state.phase).toBe('finished');
    const counts = state.sets[0]?.counts;
    expect(counts?.right).toBe(5);
    expect(counts?.left).toBe(3);
  });
});
