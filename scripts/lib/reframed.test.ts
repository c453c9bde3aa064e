import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeRecording } from '../../src/pose/exercises/judge-recording';
import { plank } from '../../src/pose/exercises/plank';
import type { Exercise } from '../../src/pose/exercises/types';
import { frameStepMs } from '../../src/pose/recording';
import type { PoseRecording } from '../../src/pose/recording';
import {
  atFrameRate,
  atTempo,
  closerFramedRecording,
  elevatedRecording,
  firstPose,
  jitteredRecording,
  mirroredRecording,
  movedPose,
  reclocked,
  rolledRecording,
  scaledRecording,
  zoomedRecording,
} from '../../src/pose/testing/reshape';
import { countedLive } from '../../tests/support/clip-reps';
import { loadRecording, recordedFiles } from '../../tests/support/fixtures';
import { testDataDir } from '../../tests/support/testdata';
import { readLabels } from './labels';
import { exerciseOfLabel } from './scoring';

/**
 * Footage nobody tuned on shows people facing the way the development recordings did not, and
 * smaller: a phone clip, a photo 220 px wide. What a checker judges must not depend on either.
 */
const FILES = recordedFiles().flatMap((file) => {
  // The rendered clips' folder names no exercise; their names do (rendered_glute_bridge_01).
  const folder = path.dirname(file);
  const exercise = exerciseOfLabel(
    folder === 'rendered' ? path.basename(file).replace(/^rendered_|_\d+$/g, '') : folder,
  );
  return exercise ? [{ file, exercise }] : [];
});

/**
 * Half the resolution, where every development file is judged the same. At a quarter five are
 * not, as their torsos near or drop under the 20 px judged at all (src/pose/body.ts): "can't see"
 * or reps unseen, the honest answer that small.
 */
const HALF_SIZE = 0.5;

/**
 * A camera not quite level, as a laptop on a cushion or a propped phone films: at 5° either way no
 * file is cued a fault it was not cued level (some lose a cue or a rep; the handheld
 * roundedback_27, whose two pulls are labelled ±1, counts three at +5°). From 7° a standing
 * person's level shoulders read as uneven, which no measure against the image's horizontal can tell
 * from a camera's roll.
 */
const CAMERA_ROLL_DEG = 5;

/**
 * A camera higher or lower than the one that filmed the file: a laptop on the floor, a chair seat
 * (45 cm at 2.5 m: 10°) or a table sees the person from angles 10-20° apart
 * (`elevatedRecording`: the joints turned in the world landmarks, the outline dropped). 10° either
 * way, no file is cued a fault it was not cued as filmed, and none gains a rep. Before, the
 * rendered bridge was cued "dropped fast" from 5° either way: its hips, misread on the line for
 * one frame after the model lost the figure, fell 40° on the next (glute-bridge.ts
 * `DROP_TOP_SEEN_MS`). From 20° lower (measured, not asserted) lifts are cued nothing new, but a
 * superman photo is cued "neck craned" and a bird-dog clip "hip rotation"; some reps go (a
 * superman lift, three-quarter lifts seen from above), and the handheld roundedback_27 (two pulls,
 * labelled ±1) counts three seen from below, four from above (docs/judgement.md).
 */
const CAMERA_ELEVATION_DEG = 10;
/**
 * And a camera 20° higher than filmed, about 30° above the mat, as the recordings were mostly
 * filmed from a little above it (docs/judgement.md): no file is cued a fault it was not cued as
 * filmed, now that a body on the floor keeps its side view there (src/pose/view.ts). Reps may go
 * either way (the three-quarter lifts lose theirs; the handheld roundedback_27 counts four).
 */
const HIGHER_CAMERA_ELEVATION_DEG = 20;

/**
 * A slower or busier machine judges fewer frames, and unevenly: the worker takes the newest camera
 * frame each time it is free (`atFrameRate`). Judged at 10 and 7.5 frames a second, no clip is
 * cued a fault it was not cued at 15 (the recordings' rate), and none gains a rep. Before, the
 * rendered bridge was cued "lower with control" at both: the model lost the figure halfway down,
 * and a top misread after the gap was taken for the top held before it (glute-bridge.ts). Lost,
 * measured and not asserted: hyperextended_20's one lift at both (its lockout read side-on on too
 * few frames), and one of the mixed bridge clip's 7 reps, whose top reaches 16° of the 17° a top
 * needs (docs/judgement.md).
 */
const SLOWER_MACHINE_FPS = [10, 7.5] as const;

/**
 * Framed closer, as a laptop near the mat films (footage nobody tuned on had hands, feet and heads
 * leaving the frame): 15% or a quarter of the body's length cut off one end or both. No file is
 * cued a fault it was not cued framed whole or counts a rep more; many answer "can't see" the part
 * that left, or lose a rep. At 15% a clip rolling to sit up, its ankles cut off, was cued
 * "over-arched" before the bridge's reading was bounded (glute-bridge.ts, MAX_HIP_PAST_LINE_DEG).
 * At a quarter off both ends a good bird-dog counted its one rep three times: each time the
 * reaching leg left the picture, the supporting limbs' low lift read as the rep's return
 * (bird-dog.ts `reachingOutOfFrame`).
 */
const CLOSER_FRAMING_CUT_FRACTIONS = [0.15, 0.25] as const;
/** The closer framing drawn for real below. */
const CLOSER_FRAMING_CUT_FRACTION = CLOSER_FRAMING_CUT_FRACTIONS[0];

/**
 * A live set begins wherever the person is when counting starts: mid-rep, or wherever the fake
 * camera's loop is. Each clip begun at every tenth of its length (then played whole) is cued no
 * fault it was not cued played from its start (twice, as the camera loops it). Begun on the way up,
 * the squat read its rising thighs as a shallow bottom and cued "too shallow" on a rep that reached
 * parallel (squat.ts `MAX_BOTTOM_FRAME_GAP_MS`).
 */
const SET_STARTS_PER_CLIP = 9;

/**
 * A slow laptop judges 5 frames a second where the recordings sample 15 (issue #15 measured 10 live
 * on two cores): every third frame, from each of the three, is cued no fault the whole clip was not.
 * Some lose a cue or a rep there (a bottom or a lockout falls between frames), none gains one.
 */
const SLOW_CAMERA_FRAME_STRIDE = 3;

/**
 * People lift at their own pace, and clips are cut close to the last lockout: each clip played a
 * quarter faster (the same frames on a clock 1.25 times as fast) keeps every rep and is cued no
 * fault it was not. Before, two squats lost their one rep (their bottoms and the 270-330 ms left
 * after their lockouts fell under the dwell: `SQUAT_REP_COUNTER`, `settleAtSignalEnd`). A half
 * faster, one deadlift still loses its rep (good_23, cut 133 ms before the bar leaves the floor:
 * 89 ms, under the 125 ms a bottom needs); a cue held just over its 400 ms gate may be lost.
 */
const FASTER_TEMPO = 1.25;

/**
 * And slower: every clip whose reps are labelled keeps its count played a fifth slower, and every
 * clip of good form is cued nothing played at two-thirds of its speed (a fault's 400 ms gate then
 * meets longer excursions). A fifth slower, roundedback_27 counted neither of its pulls before
 * the hinge counted from the trunk with the knees behind the plate (`countTrunkAlone`): its first
 * lockout went unseen 1.17 s, longer than a rep may (`DEFAULT_REP_MAX_GAP_MS`).
 */
const SLOWER_TEMPO = 0.8;
const MUCH_SLOWER_TEMPO = 2 / 3;

/**
 * A clip edited from two cameras (one of the real superman clips has a cut) or a person who turns
 * round mid-set: from a point in the clip on, the rest is seen from the other side (mirrored), or
 * from farther away and the other side (`FARTHER_CAMERA_ZOOM`), cut at every tenth of the clip.
 * No fault is cued that the uncut clip or its label did not have, and no rep is gained. Seen from
 * the other side, the bird-dog's pelvis level kept from the first read a good rep's still pelvis
 * as rolled by twice the camera's pitch and cued "hip rotation" (bird_dog_good_video_03,
 * bird_dog_legtoohigh_video_01): each side now keeps its own level (bird-dog.ts `RollBaseline`).
 * Some cuts lose a rep or a cue.
 */
const CAMERA_CUTS_PER_CLIP = 9;
const FARTHER_CAMERA_ZOOM = 0.6;

/**
 * Someone else in the room: a real person standing side-on (the standing posture photo's skeleton
 * and outline) in every frame, half the picture high at its right edge or a third high at either
 * edge. Every labelled clip counts the same reps, credits a hold the same seconds (within a frame)
 * and cues nothing it did not. Before, the person followed was the tallest in the first frame (a
 * standing bystander over someone bent over a bar or on all fours), and a frame that missed the
 * one exercising handed the set to the bystander for good (src/pose/subject.ts): 21 of the 48
 * clips lost reps or cues so. The hold seconds, checked since, found more: the side planks were
 * credited none of their seconds (two clips), a plank 6 of its 10, and three clips still lost their set when
 * the person was unseen for over half a second (a handheld camera, cuts) or filled the picture,
 * until someone seen beside the person was never taken for them come back (`others`) and someone
 * in position took the set from a bystander out of it (src/pose/exercises/coach.ts).
 */
const BYSTANDER_PHOTO = 'standing_posture/standing_posture_good_side_01.jpg';
const BYSTANDERS = [
  { heightShare: 1 / 2, atWidthShare: 0.9 },
  { heightShare: 1 / 3, atWidthShare: 0.1 },
  { heightShare: 1 / 3, atWidthShare: 0.9 },
] as const;
/**
 * And someone in view before the person comes into it (a partner on the sofa as the set starts):
 * the bystander alone for a second, then beside the clip. The first person seen was followed for
 * good, so every floor exercise counted nothing; then, while the one followed was plainly out of
 * the exercise's position, someone in it, not upright, took the set (src/pose/exercises/coach.ts),
 * but the hinges and the squats still counted nothing: standing is in them, so a standing
 * bystander was never out of position. Now standing upright before any rep has begun is waiting.
 */
const BYSTANDER_FIRST_MS = 1000;
/**
 * Done upright throughout, so a bystander standing in view first keeps the set: nobody upright
 * takes a set over (coach.ts `UPRIGHT_TRUNK_MAX_DEG`), and one frame tells no standing person
 * from another.
 */
const EXERCISED_UPRIGHT: readonly string[] = ['pallof-press', 'farmers-carry'];
/** Clips of other exercises where the person reads upright throughout too. */
const READ_UPRIGHT: Readonly<Record<string, string>> = {
  'squat/squat_kneescaving_front_video_01':
    'a squat filmed from the front: the trunk leans towards the camera, upright in the picture',
};
/** Where a bystander still takes the set, and why: the person is found again nearest to them. */
const BYSTANDER_TAKES_OVER: Readonly<Record<string, string>> = {
  'farmers_carry/farmers_carry_good_side_video_01':
    'title cards first: the bystander is alone in view for 6.8 s, and standing is the carry too',
};

/** A real person standing, and where they stand in their photo: below the middle of their box. */
function standingPerson(photo: string) {
  const pose = firstPose(loadRecording(photo));
  const points = pose.landmarks.flatMap((point) => (point ? [point] : []));
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  return {
    pose,
    height: Math.max(...ys) - Math.min(...ys),
    feet: { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: Math.max(...ys) },
  };
}
const BYSTANDER = standingPerson(BYSTANDER_PHOTO);
/** Someone facing the camera (a partner on the sofa watching): the front standing photo. */
const FACING_BYSTANDER = standingPerson('standing_posture/standing_posture_neutral_front_01.jpg');

/** The bystander standing with their feet near the bottom of a picture of this size. */
function bystanderIn(
  imageSize: { readonly width: number; readonly height: number },
  at: (typeof BYSTANDERS)[number],
  who: ReturnType<typeof standingPerson> = BYSTANDER,
) {
  return movedPose(who.pose, (at.heightShare * imageSize.height) / who.height, who.feet, {
    x: at.atWidthShare * imageSize.width,
    y: 0.98 * imageSize.height,
  });
}

/**
 * The loaded lifts are done in sets of 8-12 (the seeds' table), most recorded lifts once: a lift
 * counted at its top, done ten times without a pause (the clip's first lift played back from its
 * lockout and forward again) counts ten and cues no fault its one lift or its label did not. Of
 * the seven faulty lifts caught once, six are still caught so: the seventh (roundedback_20) reads
 * just past the limit only in its set-up's seconds at the floor.
 */
const LIFTS_IN_A_SET = 10;
/**
 * Touch and go: the weight meets the floor this long between two pulls, not for the set-up's
 * seconds. Every lift counts ten with no touch at all (the bottom is all of the lift below a trunk
 * 45° up); with the hinge's bottom needing the whole 250 ms dwell, not half (`HINGE_BOTTOM_DWELL_MS`),
 * good_23 loses lifts.
 */
const FLOOR_TOUCH_MS = 200;
/** Near the floor: within this of the lowest rep signal (a hinge's trunk, degrees) before a lift. */
const FLOOR_SIGNAL_DEG = 3;

/**
 * A noisier engine or poorer footage (a dim room, a compressed phone clip, a watermark): every
 * landmark moved each frame by normal noise of 2% of the torso's length, about three times the
 * median frame-to-frame noise of the recorded clips (0.5-0.8% per coordinate, read off second
 * differences, which movement inflates; 75th percentile 1.1-1.8%). No labelled file is cued a
 * fault it was not cued as recorded or labelled (two labelled faults are then caught: an
 * over-arched bridge in its "can't judge" band and the sagging plank photo); some lose a cue or a
 * rep. At 3% a standing posture's front photo, one frame with no smoothing to average the noise,
 * reads a tilted head: its ears are 0.26-0.29 torso lengths apart, so the noise turns their line
 * by about 9° (one standard deviation) against the 10° limit.
 */
const LANDMARK_NOISE_TORSOS = 0.02;
const NOISE_SEEDS = [1, 2] as const;

type Judged = ReturnType<typeof judgeRecording>;
/** What `seen` cued beyond `reference`, and whether it counted more reps. */
const gainedOver = (reference: Judged, seen: Judged) => ({
  gained: seen.shownFaults.filter((fault) => !reference.shownFaults.includes(fault)),
  repsGained: (seen.reps?.total ?? 0) > (reference.reps?.total ?? 0),
});
const verdict = (judged: Judged) => ({
  shown: judged.shownFaults,
  couldNotJudge: judged.couldNotJudge,
  reps: judged.reps?.total ?? null,
});

describe('every recorded file judged again', () => {
  it('covers the fixtures of every exercise folder', () => {
    expect(FILES.length).toBeGreaterThan(80);
  });

  it.each(FILES)(
    `$file: rolled ${String(CAMERA_ROLL_DEG)}° either way, no fault it was not cued level`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const level = judgeRecording(exercise, recording).shownFaults;
      for (const degrees of [CAMERA_ROLL_DEG, -CAMERA_ROLL_DEG]) {
        const rolled = judgeRecording(exercise, rolledRecording(recording, degrees)).shownFaults;
        expect({ degrees, gained: rolled.filter((fault) => !level.includes(fault)) }).toEqual({
          degrees,
          gained: [],
        });
      }
    },
  );

  it.each(FILES)(
    `$file: seen from ${String(CAMERA_ELEVATION_DEG)}° higher or lower, no fault it was not cued as filmed, no rep gained; from ${String(HIGHER_CAMERA_ELEVATION_DEG)}° higher, no fault`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const asFilmed = judgeRecording(exercise, recording);
      for (const degrees of [CAMERA_ELEVATION_DEG, -CAMERA_ELEVATION_DEG]) {
        const seen = judgeRecording(exercise, elevatedRecording(recording, degrees));
        expect({ degrees, ...gainedOver(asFilmed, seen) }).toEqual({
          degrees,
          gained: [],
          repsGained: false,
        });
      }
      const higher = judgeRecording(
        exercise,
        elevatedRecording(recording, HIGHER_CAMERA_ELEVATION_DEG),
      );
      expect(higher.shownFaults.filter((fault) => !asFilmed.shownFaults.includes(fault))).toEqual(
        [],
      );
    },
  );

  it.each(FILES.filter(({ file }) => loadRecording(file).mode === 'video'))(
    `$file: judged at ${SLOWER_MACHINE_FPS.join(' and ')} frames a second, no fault it was not cued at 15, no rep gained`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const asRecorded = judgeRecording(exercise, recording);
      for (const fps of SLOWER_MACHINE_FPS) {
        const seen = judgeRecording(exercise, atFrameRate(recording, fps));
        expect({ fps, ...gainedOver(asRecorded, seen) }).toEqual({
          fps,
          gained: [],
          repsGained: false,
        });
      }
    },
  );

  it('frames closer for real: the body’s ends leave the image, the outline stays inside it', () => {
    const photo = loadRecording('plank/plank_good_forearm_01.jpg');
    const framed = closerFramedRecording(photo, CLOSER_FRAMING_CUT_FRACTION, 'both');
    const frame = framed.frames[0];
    const pose = frame?.poses[0];
    if (!frame || !pose?.outline) throw new Error('the plank photo has no pose or outline');
    const { width, height } = frame.imageSize;
    const outside = pose.landmarks.filter(
      (point) => point && (point.x < 0 || point.x > width || point.y < 0 || point.y > height),
    );
    expect(outside.length).toBeGreaterThan(0);
    const xy = pose.outline.xy;
    expect(xy.length).toBeGreaterThan(0);
    expect(xy.every((value, i) => value >= 0 && value <= (i % 2 === 0 ? width : height))).toBe(
      true,
    );
    expect(judgeRecording(plank, framed).unseen.length).toBeGreaterThan(0);
  });

  it.each(FILES)(
    `$file: framed closer (${CLOSER_FRAMING_CUT_FRACTIONS.map((f) => `${String(f * 100)}%`).join(' or ')} of the body cut off), no fault it was not cued whole, no rep gained`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const whole = judgeRecording(exercise, recording);
      for (const fraction of CLOSER_FRAMING_CUT_FRACTIONS) {
        for (const ends of ['first', 'last', 'both'] as const) {
          const framed = judgeRecording(exercise, closerFramedRecording(recording, fraction, ends));
          expect({ fraction, ends, ...gainedOver(whole, framed) }).toEqual({
            fraction,
            ends,
            gained: [],
            repsGained: false,
          });
        }
      }
    },
  );

  it.each(FILES)('$file: mirrored and at half size, the same verdict', ({ file, exercise }) => {
    const recording = loadRecording(file);
    const asRecorded = verdict(judgeRecording(exercise, recording));
    expect(verdict(judgeRecording(exercise, mirroredRecording(recording)))).toEqual(asRecorded);
    expect(verdict(judgeRecording(exercise, scaledRecording(recording, HALF_SIZE)))).toEqual(
      asRecorded,
    );
  });

  it.each(FILES.filter(({ file }) => loadRecording(file).mode === 'video'))(
    '$file: a set begun anywhere in the clip, no fault it was not cued from its start',
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const { frames } = recording;
      const fromStart = judgeRecording(exercise, reclocked(recording, [...frames, ...frames]));
      for (let k = 1; k <= SET_STARTS_PER_CLIP; k++) {
        const cut = Math.floor((frames.length * k) / (SET_STARTS_PER_CLIP + 1));
        const begun = reclocked(recording, [...frames.slice(cut), ...frames]);
        const shown = judgeRecording(exercise, begun).shownFaults;
        expect({
          cut,
          gained: shown.filter((fault) => !fromStart.shownFaults.includes(fault)),
        }).toEqual({
          cut,
          gained: [],
        });
      }
    },
  );

  it.each(FILES.filter(({ file }) => loadRecording(file).mode === 'video'))(
    `$file: every ${String(SLOW_CAMERA_FRAME_STRIDE)}rd frame, as a slow laptop judges it, no fault it was not cued`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const everyFrame = judgeRecording(exercise, recording).shownFaults;
      for (let first = 0; first < SLOW_CAMERA_FRAME_STRIDE; first++) {
        const frames = recording.frames.filter((_, i) => i % SLOW_CAMERA_FRAME_STRIDE === first);
        const shown = judgeRecording(exercise, { ...recording, frames }).shownFaults;
        expect({ first, gained: shown.filter((fault) => !everyFrame.includes(fault)) }).toEqual({
          first,
          gained: [],
        });
      }
    },
  );

  it.each(FILES.filter(({ file }) => loadRecording(file).mode === 'video'))(
    `$file: a quarter faster, every rep counted and no fault it was not cued`,
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const asRecorded = judgeRecording(exercise, recording);
      const faster = judgeRecording(exercise, atTempo(recording, FASTER_TEMPO));
      expect({
        gained: faster.shownFaults.filter((fault) => !asRecorded.shownFaults.includes(fault)),
        repsLost: (asRecorded.reps?.total ?? 0) > (faster.reps?.total ?? 0),
      }).toEqual({ gained: [], repsLost: false });
    },
  );
});

const dataDir = testDataDir();
const LABELLED_FILES = dataDir
  ? readLabels(dataDir).flatMap((row) => {
      const recorded = FILES.find(({ file }) => row.file.startsWith(`${file}.`));
      return recorded ? [{ ...recorded, row }] : [];
    })
  : [];
const LABELLED_CLIPS = LABELLED_FILES.filter(({ file }) => loadRecording(file).mode === 'video');

describe.skipIf(!dataDir)('every labelled file with noisier landmarks', () => {
  it.each(LABELLED_FILES)(
    `$file: landmarks ${String(LANDMARK_NOISE_TORSOS * 100)}% of the torso noisier, no fault it or its label did not have`,
    ({ file, exercise, row }) => {
      const recording = loadRecording(file);
      const clean = judgeRecording(exercise, recording).shownFaults;
      const allowed = new Set<string>([...row.expected, ...row.optional, ...clean]);
      for (const seed of NOISE_SEEDS) {
        const noisy = jitteredRecording(recording, LANDMARK_NOISE_TORSOS, seed);
        const shown = judgeRecording(exercise, noisy).shownFaults;
        expect({ seed, unnamed: shown.filter((fault) => !allowed.has(fault)) }).toEqual({
          seed,
          unnamed: [],
        });
      }
    },
  );
});

/**
 * The labelled clip's first lift, from the floor to the frame that counted it at the top: null
 * where none was counted (good_06, its lockout behind the plate) or where the pose saw the lift on
 * no frame between (roundedback_24: floor to standing from one frame to the next, a cut in the
 * clip), which leaves nothing to play back. A pull from the floor leaves it where its rep signal
 * was last near its lowest (within `FLOOR_SIGNAL_DEG`) before the lift, not where the rep counter's
 * bottom band ends (a trunk 45° up, the bar at the knees).
 */
function firstLift(file: string, exercise: Exercise) {
  const recording = loadRecording(file);
  const { reps, signals } = countedLive(exercise.id, recording);
  const [first] = reps;
  if (!first || (first.rep.tempo.liftMs ?? 0) < 1.5 * frameStepMs(recording)) return null;
  const fromFloor = first.rep.tempo.lowerMs === null;
  const beforeLift = signals.flatMap(({ timestampMs, repSignal }) =>
    repSignal !== null && timestampMs < first.rep.startMs ? [{ timestampMs, repSignal }] : [],
  );
  const lowest = Math.min(...beforeLift.map(({ repSignal }) => repSignal));
  const nearFloor = beforeLift.filter(({ repSignal }) => repSignal <= lowest + FLOOR_SIGNAL_DEG);
  const leavesFloorMs = nearFloor.at(-1)?.timestampMs;
  return {
    recording,
    fromFloor,
    fromMs: fromFloor && leavesFloorMs !== undefined ? leavesFloorMs - FLOOR_TOUCH_MS / 2 : 0,
    countedAtMs: first.countedAtMs,
  };
}

/**
 * The clip's first lift played back from the frame that counted it and forward again until
 * `LIFTS_IN_A_SET` lifts are done: one per turn from a start at the floor (its set-up cut to a
 * touch), two from a start at the top (down and up each way).
 */
function tenWithoutPause({
  recording,
  fromFloor,
  fromMs,
  countedAtMs,
}: NonNullable<ReturnType<typeof firstLift>>) {
  const lift = recording.frames.filter(
    (frame) => frame.timestampMs >= fromMs && frame.timestampMs <= countedAtMs,
  );
  const turn = [...[...lift].reverse(), ...lift];
  const turns = fromFloor ? LIFTS_IN_A_SET : LIFTS_IN_A_SET / 2;
  return reclocked(
    recording,
    Array.from({ length: turns }, () => turn).flat(),
    `${recording.source}'s first lift, back and forth`,
  );
}

describe.skipIf(!dataDir)('every labelled lift done ten times without a pause', () => {
  const loadedLifts = LABELLED_CLIPS.filter(
    ({ exercise, row }) =>
      exercise.kind === 'reps' &&
      exercise.repCounter.beginner.countsAt === 'top' &&
      row.reps !== null &&
      row.reps > 0,
  ).map((clip) => ({ ...clip, lift: firstLift(clip.file, clip.exercise) }));

  it('plays back every labelled lift but the two with none to play', () => {
    expect(loadedLifts.filter(({ lift }) => !lift).map(({ file }) => file)).toEqual([
      'deadlift/deadlift_good_side_video_06',
      'deadlift/deadlift_roundedback_side_video_24',
    ]);
  });

  const playable = loadedLifts.flatMap(({ lift, ...clip }) => (lift ? [{ ...clip, lift }] : []));

  it.each(playable)(
    '$file: ten lifts counted, and no cue its one lift or its label did not have',
    ({ exercise, row, lift }) => {
      const once = judgeRecording(exercise, lift.recording).shownFaults;
      const ten = judgeRecording(exercise, tenWithoutPause(lift));
      expect({
        reps: ten.reps?.total,
        gained: ten.shownFaults.filter(
          (fault) => !once.includes(fault) && !row.expected.includes(fault),
        ),
      }).toEqual({ reps: LIFTS_IN_A_SET, gained: [] });
    },
  );

  it('keeps the labelled fault its one lift was cued, but for a rounding seen only at the set-up', () => {
    const lost = playable.filter(({ exercise, row, lift }) => {
      const caught = (shown: readonly string[]) =>
        row.expected.some((fault) => shown.includes(fault));
      return (
        caught(judgeRecording(exercise, lift.recording).shownFaults) &&
        !caught(judgeRecording(exercise, tenWithoutPause(lift)).shownFaults)
      );
    });
    expect(lost.map(({ file }) => file)).toEqual(['deadlift/deadlift_roundedback_side_video_20']);
  });
});

describe.skipIf(!dataDir)('every labelled clip cut to another camera', () => {
  it.each(LABELLED_CLIPS)(
    '$file: cut to the other side or farther, no fault the clip or its label did not have, no rep gained',
    ({ file, exercise, row }) => {
      const recording = loadRecording(file);
      const uncut = judgeRecording(exercise, recording);
      const allowed = new Set<string>([...row.expected, ...row.optional, ...uncut.shownFaults]);
      const whole = uncut.reps?.total ?? 0;
      const cameras = {
        'the other side': mirroredRecording(recording),
        'farther, the other side': zoomedRecording(
          mirroredRecording(recording),
          FARTHER_CAMERA_ZOOM,
        ),
      };
      for (const [camera, other] of Object.entries(cameras)) {
        for (let k = 1; k <= CAMERA_CUTS_PER_CLIP; k++) {
          const cut = Math.floor((recording.frames.length * k) / (CAMERA_CUTS_PER_CLIP + 1));
          const edited = reclocked(recording, [
            ...recording.frames.slice(0, cut),
            ...other.frames.slice(cut),
          ]);
          const judged = judgeRecording(exercise, edited);
          expect({
            camera,
            cut,
            unnamed: judged.shownFaults.filter((fault) => !allowed.has(fault)),
            repsGained: (judged.reps?.total ?? 0) > whole,
          }).toEqual({ camera, cut, unnamed: [], repsGained: false });
        }
      }
    },
  );
});

describe.skipIf(!dataDir)('every labelled clip with someone else in the room', () => {
  it.each(LABELLED_CLIPS.filter(({ file }) => !(file in BYSTANDER_TAKES_OVER)))(
    '$file: the same reps and no fault it did not have, a bystander at either side',
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const alone = judgeRecording(exercise, recording);
      for (const at of BYSTANDERS) {
        const judged = judgeRecording(exercise, {
          ...recording,
          frames: recording.frames.map((frame) => ({
            ...frame,
            poses: [...frame.poses, bystanderIn(frame.imageSize, at)],
          })),
        });
        expect({
          at,
          reps: judged.reps?.total ?? null,
          heldAsAlone: heldWithinAFrame(judged, alone, recording),
          gained: judged.shownFaults.filter((fault) => !alone.shownFaults.includes(fault)),
        }).toEqual({ at, reps: alone.reps?.total ?? null, heldAsAlone: true, gained: [] });
      }
    },
  );
});

/**
 * The good-form seconds of a hold credited as alone, within one frame: handed over on a frame where
 * they are in position on their own, a person may be followed a frame before their own session
 * (smoothed) says so.
 */
function heldWithinAFrame(judged: Judged, alone: Judged, recording: PoseRecording): boolean {
  if (judged.holdSeconds === null || alone.holdSeconds === null) {
    return judged.holdSeconds === alone.holdSeconds;
  }
  // Plus a millisecond: the recordings keep their frame times rounded.
  return Math.abs(judged.holdSeconds - alone.holdSeconds) <= (frameStepMs(recording) + 1) / 1000;
}

/** The recording with the bystander alone in view for `BYSTANDER_FIRST_MS` first, then beside it. */
function bystanderFirst(
  recording: PoseRecording,
  at: (typeof BYSTANDERS)[number],
  who: ReturnType<typeof standingPerson>,
): PoseRecording {
  const stepMs = frameStepMs(recording);
  const first = recording.frames[0];
  if (!first) return recording;
  const lead = Math.round(BYSTANDER_FIRST_MS / stepMs);
  const alone = Array.from({ length: lead }, (_, i) => ({
    ...first,
    timestampMs: first.timestampMs + (i - lead) * stepMs,
    poses: [bystanderIn(first.imageSize, at, who)],
  }));
  return {
    ...recording,
    frames: [
      ...alone,
      ...recording.frames.map((frame) => ({
        ...frame,
        poses: [...frame.poses, bystanderIn(frame.imageSize, at, who)],
      })),
    ],
  };
}

describe.skipIf(!dataDir)('every labelled clip with someone in view before the person', () => {
  const cases = LABELLED_CLIPS.filter(
    ({ file, exercise }) => !EXERCISED_UPRIGHT.includes(exercise.id) && !(file in READ_UPRIGHT),
  ).flatMap((clip) => [
    { ...clip, facing: 'side-on', who: BYSTANDER },
    { ...clip, facing: 'facing the camera', who: FACING_BYSTANDER },
  ]);

  it('covers every exercise but those done upright', () => {
    const labelled = new Set(LABELLED_CLIPS.map(({ exercise }) => exercise.id));
    expect(new Set(cases.map(({ exercise }) => exercise.id))).toEqual(
      new Set([...labelled].filter((id) => !EXERCISED_UPRIGHT.includes(id))),
    );
  });

  it.each(cases)(
    '$file, a bystander $facing: the set goes to the person in position, the same reps, no new fault',
    ({ file, exercise, who }) => {
      const recording = loadRecording(file);
      const alone = judgeRecording(exercise, recording);
      for (const at of BYSTANDERS) {
        const judged = judgeRecording(exercise, bystanderFirst(recording, at, who));
        expect({
          at,
          reps: judged.reps?.total ?? null,
          heldAsAlone: heldWithinAFrame(judged, alone, recording),
          gained: judged.shownFaults.filter((fault) => !alone.shownFaults.includes(fault)),
        }).toEqual({ at, reps: alone.reps?.total ?? null, heldAsAlone: true, gained: [] });
      }
    },
  );
});

describe.skipIf(!dataDir)('every labelled clip done slower', () => {
  it.each(LABELLED_CLIPS.filter(({ row }) => row.reps !== null))(
    '$file: a fifth slower, the same reps',
    ({ file, exercise }) => {
      const recording = loadRecording(file);
      const asRecorded = judgeRecording(exercise, recording).reps?.total;
      expect(judgeRecording(exercise, atTempo(recording, SLOWER_TEMPO)).reps?.total).toBe(
        asRecorded,
      );
    },
  );

  it.each(LABELLED_CLIPS.filter(({ row }) => row.expected.includes('none')))(
    '$file: good form at two-thirds of its speed, no cue',
    ({ file, exercise }) => {
      const slower = atTempo(loadRecording(file), MUCH_SLOWER_TEMPO);
      expect(judgeRecording(exercise, slower).shownFaults).toEqual([]);
    },
  );
});
