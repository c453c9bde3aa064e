import { describe, expect, it } from 'vitest';
import { repsOfClip } from '../../../tests/support/clip-reps';
import { loadRecording } from '../../../tests/support/fixtures';
import type { PoseRecording } from '../recording';
import {
  atTempo,
  closerFramedRecording,
  turnedRecording,
  upperBodyLeanedBack,
  worldTrunkTiltedForward,
  withoutOutline,
} from '../testing/reshape';
import { deadlift } from './deadlift';
import { MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG } from './hinge';
import { kbSwing } from './kb-swing';
import { rdl } from './rdl';
import { resultsOver, undecidedOver } from '../testing/undecided';
import { initialCoachState, stepCoach } from './coach';
import { judgeRecording } from './judge-recording';
import type { Exercise, FaultId, FormResult } from './types';

/*
 * The deadlift judged on the real labelled clips (MediaPipe full fixtures, docs/testing.md). What
 * the limits catch is what docs/judgement.md allows on this data: the pulls whose lumbar spine
 * rounds past the next source's prediction are cued; the one rounded only at the upper back and
 * the mildest lumbar rounding (roundedback_24, 19°) measure where good and rounded overlap
 * ("can't judge"), and one rounded pull measures inside good form at both (roundedback_04, not
 * tested as caught); the over-arched set-up is cued on the back's outline. The squat-like set-ups
 * (hipstoolow_01, the second pull of roundedback_27) are "can't judge" for the knees, not cued; the
 * leaning-back lockout (hyperextended_01) measures inside good form, so leaning back at lockout is
 * tested on a skeleton DERIVED from a real lockout below (docs/checkers.md).
 */

const clip = (name: string): PoseRecording => loadRecording(`deadlift/${name}.mp4`);

/** The times (ms) of the frames judged side-on, not hinged, with the knees "can't judge". */
function kneesUnsureUpright(exercise: Exercise, recording: PoseRecording): number[] {
  return resultsOver(exercise, recording)
    .filter(
      ({ result }) =>
        result.view === 'side' &&
        result.phase === 'standing' &&
        result.undecided.some(
          (item) => item.fault === 'hinge.knees-too-bent' && item.reason === 'ambiguous',
        ),
    )
    .map(({ timestampMs }) => Math.round(timestampMs));
}

describe('deadlift on the real clips', () => {
  it.each([
    'deadlift_roundedback_side_video_01',
    'deadlift_roundedback_side_video_02',
    'deadlift_roundedback_side_video_03',
    'deadlift_roundedback_side_video_20',
    'deadlift_roundedback_side_video_27',
    'deadlift_roundedback_threequarter_video_07',
  ])('cues the rounded lower back in %s', (name) => {
    expect(judgeRecording(deadlift, clip(name)).shownFaults).toContain('hinge.rounded-back');
  });

  it.each([
    'deadlift_good_side_video_01',
    'deadlift_good_side_video_04',
    'deadlift_good_side_video_06',
    'deadlift_good_side_video_20',
    'deadlift_good_side_video_21',
    'deadlift_good_side_video_22',
    'deadlift_good_side_video_23',
  ])('cues nothing on the good pull %s', (name) => {
    const verdict = judgeRecording(deadlift, clip(name));
    expect(verdict.couldNotJudge).toBe(false);
    expect(verdict.shownFaults).toEqual([]);
  });

  it('never calls the back good on the 19° lumbar rounding of roundedback_24: "can\'t judge"', () => {
    const recording = clip('deadlift_roundedback_side_video_24');
    expect(judgeRecording(deadlift, recording).shownFaults).not.toContain('hinge.rounded-back');
    expect(undecidedOver(deadlift, recording)).toContainEqual({
      fault: 'hinge.rounded-back',
      reason: 'ambiguous',
    });
  });

  it('never calls the back good on the upper-back rounding of roundedback_08: "can\'t judge"', () => {
    const recording = clip('deadlift_roundedback_side_video_08');
    const verdict = judgeRecording(deadlift, recording);
    expect(verdict.shownFaults).not.toContain('hinge.rounded-back');
    expect(undecidedOver(deadlift, recording)).toContainEqual({
      fault: 'hinge.rounded-back',
      reason: 'ambiguous',
    });
    // The lumbar spine reads as good form there: the upper back alone is what is in doubt.
    const hinged = verdict.frames.filter((frame) => frame.phase === 'hinged');
    const upperBackUnsure = hinged.filter(
      (frame) =>
        (frame.metrics.upperBackRoundingDeg ?? 0) >=
        deadlift.thresholds.beginner.upperBackRoundingUnsureDeg,
    );
    expect(upperBackUnsure.length).toBeGreaterThan(0);
    expect(
      upperBackUnsure.every(
        (frame) =>
          (frame.metrics.backRoundingDeg ?? 0) < deadlift.thresholds.beginner.backRoundingUnsureDeg,
      ),
    ).toBe(true);
  });

  // The squat-like pull sets up crouched at the bar: trunk 22-27° off vertical, hips bent 66-85°.
  // Read as standing before (the trunk under the 30° of a hinge), its knees were called good there.
  it('never calls the knees good in the crouched set-up of hipstoolow_01: "can\'t judge"', () => {
    const recording = clip('deadlift_hipstoolow_side_video_01');
    const crouched = kneesUnsureUpright(deadlift, recording);
    // Every side-on frame of the set-up (0.33-0.67 s; MediaPipe reads 0.13-0.27 s and 0.73 s as
    // front or three-quarter), and nothing after the hips rise into the hinge.
    expect(crouched).toEqual([333, 400, 467, 533, 600, 667]);
    // Not cued: 334 ms of side-on set-up is shorter than the fault gate (docs/checkers.md).
    expect(judgeRecording(deadlift, recording).shownFaults).toEqual([]);
  });

  // roundedback_27 sits in a deep squat at the bar before its second pull (trunk 1-17° off vertical,
  // hips bent 71-90°): the same squat-like set-up, which its label does not list (docs/checkers.md).
  it('answers the squat at the bar in roundedback_27 "can\'t judge" for the knees, not a cue', () => {
    const recording = clip('deadlift_roundedback_side_video_27');
    const crouched = kneesUnsureUpright(deadlift, recording);
    expect(crouched.filter((ms) => ms >= 25_000 && ms <= 27_000).length).toBeGreaterThan(5);
    expect(crouched.filter((ms) => ms >= 37_500 && ms <= 39_700).length).toBeGreaterThan(5);
    expect(judgeRecording(deadlift, recording).shownFaults).toEqual(['hinge.rounded-back']);
  });

  it.each([
    ['deadlift/deadlift_good_side_video_01.mp4', deadlift, 0],
    ['deadlift/deadlift_good_side_video_04.mp4', deadlift, 0],
    // The one frame of the body the engine guesses while the plate hides the lockout.
    ['deadlift/deadlift_good_side_video_06.mp4', deadlift, 1],
    ['deadlift/deadlift_good_side_video_20.mp4', deadlift, 0],
    ['deadlift/deadlift_good_side_video_21.mp4', deadlift, 0],
    ['deadlift/deadlift_good_side_video_22.mp4', deadlift, 0],
    ['deadlift/deadlift_good_side_video_23.mp4', deadlift, 0],
    ['rdl/rdl_good_threequarter_video_01.mp4', rdl, 0],
    ['kb_swing/kb_swing_good_side_video_01.mp4', kbSwing, 0],
  ] as const)('finds no crouch in the good hinge %s', (file, exercise, frames) => {
    expect(kneesUnsureUpright(exercise, loadRecording(file))).toHaveLength(frames);
  });

  it('cues the over-arched lower back at the set-up (hyperextended_20) on the outline', () => {
    const verdict = judgeRecording(deadlift, clip('deadlift_hyperextended_side_video_20'));
    expect(verdict.shownFaults).toEqual(['hinge.hyperextension']);
  });

  // One rep per lockout reached from the floor, however the clip starts and ends: from the floor
  // and back (good_01, _20, _21, _22), from standing down and up (roundedback_04), ending at the
  // lockout with no lowering (hipstoolow_01, hyperextended_01, good_23), twice (roundedback_27).
  it.each([
    ['deadlift_good_side_video_01', 1],
    ['deadlift_good_side_video_04', 1],
    ['deadlift_good_side_video_20', 1],
    ['deadlift_good_side_video_21', 1],
    ['deadlift_good_side_video_22', 1],
    ['deadlift_roundedback_side_video_01', 1],
    ['deadlift_roundedback_side_video_04', 1],
    ['deadlift_roundedback_side_video_27', 2],
    ['deadlift_hipstoolow_side_video_01', 1],
    ['deadlift_hyperextended_side_video_01', 1],
    ['deadlift_bardrift_side_video_20', 1],
    // Cut to the pull: 133 ms at the floor before it (the hinge's shorter bottom dwell).
    ['deadlift_good_side_video_23', 1],
    // Its lockout is seen from behind (the view reads 'front'): counted in the world landmarks.
    ['deadlift_roundedback_side_video_24', 1],
    // Its lockout seen side-on only down to the hips, the plate hiding the knees: the trunk counts.
    ['deadlift_hyperextended_side_video_20', 1],
  ] as const)('counts the labelled reps of %s (%i), one per lockout', (name, reps) => {
    expect(judgeRecording(deadlift, clip(name)).reps?.total).toBe(reps);
  });

  it('counts the two pulls of roundedback_27 seen from 30° off side-on, where the view flips', () => {
    // Turned 30°, its squat at the bar (trunk upright, hips at 90-100°) reads side-on and
    // three-quarter by turns; the hips must count the same in both, or it counts 4.
    expect(
      judgeRecording(deadlift, turnedRecording(clip('deadlift_roundedback_side_video_27'), 30)).reps
        ?.total,
    ).toBe(2);
  });

  it('counts the squat-like pull of hipstoolow_01 seen 15° off side-on, in the world landmarks', () => {
    // Its trunk leans to 34-38° there: the bias the world landmarks need near vertical must not
    // lift that bottom over the 45° it passes.
    const turned = turnedRecording(clip('deadlift_hipstoolow_side_video_01'), 15);
    expect(judgeRecording(deadlift, turned).reps?.total).toBe(1);
  });

  it('counts from the trunk while the plate hides the knees side-on, judging nothing there', () => {
    const recording = clip('deadlift_roundedback_side_video_27');
    const hidden = resultsOver(deadlift, recording).filter(
      ({ result }) =>
        result.view === 'side' &&
        result.status === 'cannot-see' &&
        result.unseen.includes('knees') &&
        result.repSignal !== null,
    );
    expect(hidden.length).toBeGreaterThan(10);
    for (const { result } of hidden) {
      expect(result.faults).toEqual([]);
      expect(result.metrics).toEqual({});
    }
    // Lifted a fifth slower, the knees stay hidden 1.17 s into the lockout of the first pull: longer
    // than a rep may go unseen (`DEFAULT_REP_MAX_GAP_MS`); counted from the hips up, both pulls count.
    expect(judgeRecording(deadlift, atTempo(recording, 0.8)).reps?.total).toBe(2);
  });

  it('counts the pull seen from the front three-quarter (world landmarks), judging the knees there and leaving the back to a side view', () => {
    const recording = clip('deadlift_good_threequarter_video_03');
    let state = initialCoachState(deadlift);
    const views = new Set<string>();
    let kneesJudged = 0;
    for (const frame of recording.frames) {
      const step = stepCoach(deadlift, state, frame, 'beginner', false);
      state = step.state;
      const result = step.coaching.result;
      if (result.status !== 'ok') continue;
      views.add(result.view);
      expect(result.faults).toEqual([]);
      const open = new Map(result.undecided.map((item) => [item.fault, item.reason]));
      // The back is never called good from here.
      expect(open.get('hinge.rounded-back')).toBe('needs-side-view');
      expect(open.get('hinge.hyperextension')).toBe('needs-side-view');
      const kneeRatio = result.metrics.worldKneeToHipFlexion;
      if (kneeRatio !== undefined) {
        kneesJudged += 1;
        // Judged: good, or past good form's top (a frame or two of 0.8) "can't judge".
        const unsure = kneeRatio >= deadlift.thresholds.beginner.worldKneeToHipFlexionUnsure;
        expect(open.get('hinge.knees-too-bent')).toBe(unsure ? 'ambiguous' : undefined);
      }
    }
    expect(views.has('side')).toBe(false);
    expect(kneesJudged).toBeGreaterThan(10);
    const verdict = judgeRecording(deadlift, recording);
    expect(verdict.reps?.total).toBe(1);
    expect(verdict.shownFaults).toEqual([]);
    expect(verdict.couldNotJudge).toBe(false);
  });

  it.each([-12, -6, 6, 12])(
    'counts that pull once with its world trunk read %i° further forward, as people standing facing the camera read 69-79°',
    (degrees) => {
      // DERIVED: the same images, the world landmarks above the hips tilted about them. This lifter
      // stands at 71-78° there; a person the model reads 12° further forward (59-66°) never reached
      // the 70° lockout before the world landmarks' lean was added back.
      const tilted = worldTrunkTiltedForward(clip('deadlift_good_threequarter_video_03'), degrees);
      expect(judgeRecording(deadlift, tilted).reps?.total).toBe(1);
    },
  );

  it('never calls the knees of a real squat good at three-quarter, and cues a squat-like set-up past the limit', () => {
    // Real skeletons seen from a camera turned 45° about them (world landmarks turned, the image
    // made again from them: reshape.ts): 3D joint angles do not change with the camera.
    const turned = (recording: PoseRecording): PoseRecording => turnedRecording(recording, 45);
    const limits = deadlift.thresholds.beginner;
    const squat = resultsOver(
      deadlift,
      turned(loadRecording('squat/squat_heelsrising_side_video_01.mp4')),
    );
    const squatRatios = squat.flatMap(({ result }) => {
      const ratio = result.metrics.worldKneeToHipFlexion;
      return ratio === undefined ? [] : [{ ratio, result }];
    });
    expect(squatRatios.length).toBeGreaterThan(3);
    for (const { ratio, result } of squatRatios) {
      const kneesOpen = result.undecided.some((item) => item.fault === 'hinge.knees-too-bent');
      // A squat bends the knees about as much as the hips: inside the band, "can't judge".
      if (ratio >= limits.worldKneeToHipFlexionUnsure) expect(kneesOpen).toBe(true);
    }
    expect(squatRatios.some(({ ratio }) => ratio >= limits.worldKneeToHipFlexionUnsure)).toBe(true);
    // The crouched set-up of roundedback_27 bends the knees 1.5 times the hips in the world
    // landmarks: past the limit, the frame is cued.
    const crouched = resultsOver(deadlift, turned(clip('deadlift_roundedback_side_video_27')));
    const cued = crouched.filter(({ result }) => result.faults.includes('hinge.knees-too-bent'));
    expect(cued.length).toBeGreaterThan(0);
    for (const { result } of cued) {
      expect(result.metrics.worldKneeToHipFlexion).toBeGreaterThan(limits.worldKneeToHipFlexion);
    }
  });

  it.each([
    ['deadlift_good_side_video_06', 1150, 1950],
    ['deadlift_hyperextended_side_video_20', 1150, 2650],
  ] as const)(
    'reads no rep signal off side-on from the guessed body while the plate hides the lockout of %s',
    (name, fromMs, toMs) => {
      const recording = clip(name);
      const readOffSide = resultsOver(deadlift, recording).filter(
        ({ timestampMs, result }) =>
          timestampMs > fromMs &&
          timestampMs < toMs &&
          result.view !== 'side' &&
          result.repSignal !== null,
      );
      // The engine still returns a body there (knees drawn above the hips): at most a stray frame.
      const guessed = recording.frames.filter(
        (frame) => frame.timestampMs > fromMs && frame.timestampMs < toMs && frame.poses.length > 0,
      );
      expect(guessed.length).toBeGreaterThan(5);
      expect(readOffSide.length).toBeLessThanOrEqual(1);
    },
  );

  it('says a rounded back cannot be judged without the body outline (MoveNet), not "good"', () => {
    const recording = clip('deadlift_roundedback_side_video_01');
    const noOutline: PoseRecording = {
      ...recording,
      frames: recording.frames.map((frame) => ({
        ...frame,
        poses: frame.poses.map(withoutOutline),
      })),
    };
    expect(judgeRecording(deadlift, noOutline).shownFaults).not.toContain('hinge.rounded-back');
    expect(undecidedOver(deadlift, noOutline)).toContainEqual({
      fault: 'hinge.rounded-back',
      reason: 'needs-body-outline',
    });
  });

  /*
   * What each pull keeps (issue #14), as the history and the report show it: the lowest hip angle
   * and the back's curve, each rep on its own. A pull whose back was cued rounded, at the floor or
   * on the way up, is a rep with that fault (it used to count clean: the fault was cued before the
   * rise), and a good pull keeps a back inside good form's range and a hinge's hip angle.
   */
  const limits = deadlift.thresholds.beginner;
  it.each([
    'deadlift_roundedback_side_video_01',
    'deadlift_roundedback_side_video_02',
    'deadlift_roundedback_side_video_03',
    'deadlift_roundedback_side_video_20',
  ])('keeps the rounded curve of %s with its pull, a rep with the fault', (name) => {
    const reps = repsOfClip('deadlift', `deadlift/${name}.mp4`);
    expect(reps).toHaveLength(1);
    const [pull] = reps;
    expect(pull?.faults).toContain('hinge.rounded-back');
    expect(pull?.measures?.backRoundingDeg).toBeGreaterThan(limits.backRoundingDeg);
    expect(pull?.measures?.hipAngleDeg).toBeLessThan(90);
  });

  it.each([
    'deadlift_good_side_video_01',
    'deadlift_good_side_video_04',
    'deadlift_good_side_video_20',
    'deadlift_good_side_video_21',
    'deadlift_good_side_video_22',
  ])('keeps a flat back and a hinge with the clean pull of %s', (name) => {
    const [pull, ...more] = repsOfClip('deadlift', `deadlift/${name}.mp4`);
    expect(more).toEqual([]);
    expect(pull?.faults).toEqual([]);
    expect(pull?.measures?.backRoundingDeg).toBeLessThanOrEqual(limits.backRoundingUnsureDeg);
    expect(pull?.measures?.upperBackRoundingDeg).toBeLessThanOrEqual(
      limits.upperBackRoundingUnsureDeg,
    );
    expect(pull?.measures?.hipAngleDeg).toBeLessThan(90);
  });
});

/*
 * DERIVED (no real footage of it outside good form's range): leaning back at lockout. The real
 * good pull deadlift_good_side_video_22 holds its lockout from 2 to 8 s. Between 2.5 and 5 s its
 * upper body (head, shoulders, arms) is turned back about the hip midpoint by 30°, as a lifter who
 * over-extends at the top does; the legs, the hinge before it and each frame's jitter stay real.
 */
const LEAN_BACK_DEG = 30;

/** The clip with its upper body turned back `LEAN_BACK_DEG` from `fromMs` to `toMs`. */
function leaningBack(recording: PoseRecording, fromMs: number, toMs: number): PoseRecording {
  return upperBodyLeanedBack(recording, LEAN_BACK_DEG, (_pose, frame) =>
    frame.timestampMs >= fromMs && frame.timestampMs <= toMs ? 1 : 0,
  );
}

describe('deadlift on a squat-like pull', () => {
  // A real squat, read as a deadlift whose knees do the work (a kettlebell lifted squatting): the
  // trunk leans at most 34°, never the 45° a hinge's bottom needs, while the hips bend to 60°.
  // The clip ends 134 ms after standing up, under the lockout's 250 ms: its frames end there, not
  // the rep (`settleAtSignalEnd`).
  const squatLike = loadRecording('squat/squat_heelsrising_side_video_01.mp4');

  it('counts the rep from the hips bending, with the trunk upright', () => {
    expect(judgeRecording(deadlift, squatLike).reps?.total).toBe(1);
  });

  it('counts the same from the front, in the world landmarks (a real squat facing the camera)', () => {
    const fromTheFront = loadRecording('squat/squat_kneescaving_front_video_01.mp4');
    expect(judgeRecording(deadlift, fromTheFront).reps?.total).toBe(1);
  });

  it('leaves the knees of that pull "can\'t judge", not good: they bend as much as the hips', () => {
    const verdict = judgeRecording(deadlift, squatLike);
    expect(verdict.shownFaults).toEqual([]);
    expect(undecidedOver(deadlift, squatLike).map((item) => item.fault)).toContain(
      'hinge.knees-too-bent',
    );
  });
});

/*
 * Side-on, the bar's plate stands in front of the near shin at the bottom of a pull, and a close
 * frame cuts the feet: with the ankle unseen the knee's bend is not read, and the knees are not
 * called good there. Before, these frames said nothing of the knees, and "Good form" was shown
 * over them (good_01: 17 of its 35 hinged frames).
 */
describe('deadlift knees where the ankle is unseen', () => {
  const hingedFarEnough = (played: PoseRecording) =>
    resultsOver(deadlift, played).filter(
      ({ result }) =>
        result.phase === 'hinged' &&
        180 - (result.metrics.hipAngleDeg ?? 180) >= MIN_HIP_FLEXION_FOR_KNEE_RATIO_DEG,
    );
  const kneesOpen = (result: FormResult) =>
    result.undecided.find((item) => item.fault === 'hinge.knees-too-bent')?.reason;

  it('reads the knees or leaves them open on every frame hinged far enough to tell a squat', () => {
    const frames = hingedFarEnough(clip('deadlift_good_side_video_01'));
    const unread = frames.filter(({ result }) => result.metrics.kneeToHipFlexion === undefined);
    expect(unread.length).toBeGreaterThan(10);
    // Behind the plate, in the picture: hidden.
    expect(unread.map(({ result }) => kneesOpen(result))).toEqual(unread.map(() => 'hidden'));
  });

  it('says the knees are out of the picture when a close frame cuts the feet, and still counts', () => {
    const cut = closerFramedRecording(clip('deadlift_good_side_video_21'), 0.2, 'last');
    const reasons = hingedFarEnough(cut).map(({ result }) =>
      result.metrics.kneeToHipFlexion === undefined ? kneesOpen(result) : 'read',
    );
    expect(reasons).toContain('out-of-frame');
    expect(reasons).not.toContain(undefined);
    const verdict = judgeRecording(deadlift, cut);
    expect(verdict.reps?.total).toBe(1);
    expect(verdict.shownFaults).toEqual([]);
  });
});

describe('deadlift on derived lockouts', () => {
  const real = clip('deadlift_good_side_video_22');

  it('cues leaning back when the real lockout is turned 30° back, and not on the real one', () => {
    const derived = leaningBack(real, 2500, 5000);
    expect(judgeRecording(deadlift, derived).shownFaults).toEqual(['hinge.hyperextension']);
    expect(judgeRecording(deadlift, real).shownFaults).toEqual([]);
  });

  it('still counts the one rep: the lean happens after the lockout that counts it', () => {
    const derived = leaningBack(real, 2500, 5000);
    expect(judgeRecording(deadlift, derived).reps?.total).toBe(1);
  });

  it('reports only hinge faults', () => {
    const faults: readonly FaultId[] = deadlift.faults;
    expect(faults.every((fault) => fault.startsWith('hinge.'))).toBe(true);
  });
});
