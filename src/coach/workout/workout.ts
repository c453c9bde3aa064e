/**
 * The live workout as one pure state machine: placement, counting, pause, rest, the next set and
 * the end. The hooks feed it frames (the worker's Coaching), clock ticks and the person's actions;
 * the components only show its state. (state, event) => state; time always comes in events.
 */
import type { Coaching, RangeReading } from '../../pose/exercises/coach';
import type { ImageSize } from '../../pose/pose';
import type { ReplayTrack } from '../../storage';
import type { Rep } from '../../pose/reps/rep-counter';
import type {
  ExerciseFacts,
  FaultId,
  FormStatus,
  Undecided,
  UndecidedReason,
} from '../../pose/exercises/types';
import { loweredTooFast } from '../measures';
import type { CueState, HoverState } from './cue-policy';
import { hoveringKeys, initialCueState, stepCue, stepHover } from './cue-policy';
import type { PlacementAdvice, PlacementSample, PlacementState } from './placement';
import {
  INITIAL_PLACEMENT,
  adviceWithView,
  setupAdvice,
  stepPlacement,
  stepViewVerdict,
} from './placement';
import type { SetPlan } from './plan';
import type { ReplayRecording } from './replay';
import { breakRecording, finishRecording, startRecording, stepRecording } from './replay';
import type { SceneState } from './scene';
import { INITIAL_SCENE, stepScene, walkedAway } from './scene';
import type { SetCounts, TallyState } from './tally';
import { INITIAL_TALLY, stepTally } from './tally';

/**
 * The exercise a workout coaches: its facts from its content file (src/content/exercises/). Test
 * fixtures may leave out `setupPhase`; placement then takes the usual 'setup'.
 */
export type WorkoutExercise = Omit<ExerciseFacts, 'setupPhase'> &
  Partial<Pick<ExerciseFacts, 'setupPhase'>>;

export type WorkoutPhase = 'idle' | 'placing' | 'counting' | 'paused' | 'resting' | 'finished';
/**
 * Why a set is paused: the person, a hidden tab, a lost camera, pain (the safety button), or the
 * person out of view ('away': it resumes by itself when they are back).
 */
export type PauseReason = 'user' | 'hidden' | 'camera' | 'pain' | 'away';

/** Setup advice worth saying; "hold still" and "ready" are shown, not said. */
export type SetupCue = Exclude<PlacementAdvice, { kind: 'hold-still' } | { kind: 'ready' }>;
export type CoachCue =
  | { readonly kind: 'fault'; readonly fault: FaultId }
  | { readonly kind: 'setup'; readonly advice: SetupCue }
  /** A rep lowered faster than its seed's control allows (`loweredTooFast`). */
  | { readonly kind: 'slow-down' };

/**
 * The "slow down" cue stays wanted this long after the rep that asked for it: a rep ends in one
 * frame, and the cue may have to wait out another cue's `CUE_MIN_SHOW_MS`.
 */
export const SLOW_DOWN_WANTED_MS = 2000;

/**
 * What the coach could not judge, kept a moment after the last frame that said so: the headline
 * then does not flicker between "good form" and "can't judge" from one frame to the next.
 */
export const UNDECIDED_MIN_SHOW_MS = 1500;

/** Reasons worth saying once per workout: they hold for the whole set, unlike an ambiguous frame. */
export type LastingReason = Exclude<UndecidedReason, 'ambiguous'>;

function isLasting(reason: UndecidedReason): reason is LastingReason {
  return reason !== 'ambiguous';
}

/** Moments said at once (not subject to the cue cooldown). */
export type Announcement =
  | {
      readonly kind: 'set-started';
      readonly set: number;
      /** Said once per workout: a check this view or engine leaves open for the whole set. */
      readonly limit?: LastingReason;
    }
  | { readonly kind: 'set-done'; readonly set: number; readonly restSeconds: number }
  | { readonly kind: 'rest-over'; readonly set: number }
  /** Done in turn: the first side has its reps, the other side's start now. */
  | { readonly kind: 'switch-sides' }
  | { readonly kind: 'workout-done' }
  | { readonly kind: 'paused'; readonly reason: PauseReason };

export interface SetSummary {
  /** 1-based. */
  readonly set: number;
  readonly counts: SetCounts;
  /** 'target': the plan's reps or seconds were reached; 'person': ended early. */
  readonly endedBy: 'target' | 'person';
  /** The set's reps, for its median tempo and the balance of left and right. */
  readonly reps: readonly Rep<FaultId>[];
  /** The set recorded for replay (replay.ts); null when no counted frame was kept. */
  readonly replay: ReplayTrack | null;
}

export interface WorkoutState {
  readonly phase: WorkoutPhase;
  readonly exercise: WorkoutExercise | null;
  readonly plan: SetPlan | null;
  /** The set being placed, counted, or next after rest (1-based). */
  readonly setNumber: number;
  readonly placement: PlacementState;
  readonly tally: TallyState;
  readonly sets: readonly SetSummary[];
  readonly rest: { readonly startedAtMs: number; readonly endsAtMs: number } | null;
  readonly paused: { readonly from: 'placing' | 'counting'; readonly reason: PauseReason } | null;
  readonly cue: CueState<CoachCue>;
  /** The faults cued this set, to tell one that hovers at its threshold (then "can't judge"). */
  readonly hover: HoverState<FaultId>;
  readonly announcement: { readonly what: Announcement; readonly seq: number } | null;
  /** The last frame's status, for the overlay. */
  readonly status: FormStatus | null;
  /** The last frame's rep signal against its target band, for the range meter; null unjudged. */
  readonly range: RangeReading | null;
  /** The room and who is in it: dark, the person gone, others in view. */
  readonly scene: SceneState;
  /** Faults the coach last could not judge and when (see `UNDECIDED_MIN_SHOW_MS`). */
  readonly undecided: { readonly items: readonly Undecided[]; readonly atMs: number } | null;
  /**
   * This set's last frame whose back was read on the body outline (`backOutlineSeen` 1), and
   * whether it was flat there: nothing shown, unsure or hovering, and for a rep exercise nothing
   * cued in the frames read since the rep before (`cued`; `reps`, the reps counted then): a back
   * cued rounded at the floor is not called flat once the pull stands up. Null until the outline
   * is read: a view or engine that cannot see the back never claims it flat.
   */
  readonly backRead: {
    readonly flat: boolean;
    readonly atMs: number;
    readonly reps: number;
    readonly cued: boolean;
  } | null;
  /** When this set's last rep lowered too fast (`loweredTooFast`), or null. */
  readonly fastRepAtMs: number | null;
  /** The set under way, recorded for replay; null outside a set. */
  readonly recording: ReplayRecording | null;
  /** The lasting limits already said this workout, so each is said once. */
  readonly limitsSaid: readonly LastingReason[];
  readonly nowMs: number;
}

export type WorkoutEvent =
  | {
      readonly type: 'start';
      readonly exercise: WorkoutExercise;
      readonly plan: SetPlan;
      readonly tMs: number;
    }
  | {
      readonly type: 'frame';
      readonly coaching: Coaching;
      readonly tMs: number;
      /** The frame's mean luma, 0-1 (FrameAnalysis.brightness); absent or null: not measured. */
      readonly brightness?: number | null;
      /** The camera frame's size, for the replay; absent: the set is not recorded. */
      readonly imageSize?: ImageSize;
    }
  | { readonly type: 'tick'; readonly tMs: number }
  | { readonly type: 'pause'; readonly reason: PauseReason; readonly tMs: number }
  | { readonly type: 'resume'; readonly tMs: number }
  | { readonly type: 'end-set'; readonly tMs: number }
  | { readonly type: 'skip-rest'; readonly tMs: number }
  /** Leave the workout (back to choosing). */
  | { readonly type: 'stop' };

export const INITIAL_WORKOUT: WorkoutState = {
  phase: 'idle',
  exercise: null,
  plan: null,
  setNumber: 1,
  placement: INITIAL_PLACEMENT,
  tally: INITIAL_TALLY,
  sets: [],
  rest: null,
  paused: null,
  cue: initialCueState(),
  hover: [],
  announcement: null,
  status: null,
  range: null,
  scene: INITIAL_SCENE,
  undecided: null,
  backRead: null,
  fastRepAtMs: null,
  recording: null,
  limitsSaid: [],
  nowMs: 0,
};

export function cueKey(cue: CoachCue): string {
  if (cue.kind === 'fault') return cue.fault;
  if (cue.kind === 'slow-down') return 'slow-down';
  const advice = cue.advice;
  if (advice.kind === 'cannot-see') return `cannot-see:${advice.parts.join(',')}`;
  if (advice.kind === 'view') return advice.guidance;
  return advice.kind;
}

function announce(state: WorkoutState, what: Announcement): WorkoutState['announcement'] {
  return { what, seq: (state.announcement?.seq ?? 0) + 1 };
}

/**
 * What a set's reps are counted per: the whole set, each side (alternating), each arm, or each
 * side done in turn (all the reps on one side, then on the other).
 */
export type RepsCountedPer = 'set' | 'side' | 'arm' | 'side-in-turn';

export function repsCountedPer(
  exercise: Pick<WorkoutExercise, 'alternatesSides' | 'repsPerArm' | 'sidesInTurn'>,
): RepsCountedPer {
  if (exercise.repsPerArm === true) return 'arm';
  if (exercise.sidesInTurn === true) return 'side-in-turn';
  return exercise.alternatesSides ? 'side' : 'set';
}

/**
 * Done in turn, the reps of the side being trained: the first side's until it has the plan's
 * reps, then the second side's. The checkers do not tell which side holds the weight, so the turn
 * is the count's.
 */
export function repsInTurn(reps: number, perSide: number): { side: 1 | 2; reps: number } {
  return reps < perSide ? { side: 1, reps } : { side: 2, reps: reps - perSide };
}

/**
 * The reps counted against the plan: all of them; for an exercise that alternates sides the reps
 * done on each side (the weaker side's; half the total when the sides are not told apart); per
 * arm, the weaker arm's, a rep pulled with both arms (no side) counting for each.
 */
export function repsTowardPlan(exercise: WorkoutExercise, counts: SetCounts): number {
  switch (repsCountedPer(exercise)) {
    // Done in turn, both sides' reps: the plan's reps are each side's (`targetReached`).
    case 'set':
    case 'side-in-turn':
      return counts.reps;
    case 'side':
      return Math.max(Math.min(counts.left, counts.right), Math.floor(counts.reps / 2));
    case 'arm': {
      const { left, right } = repsBySide('arm', counts);
      return Math.min(left, right);
    }
  }
}

/**
 * Each side's or arm's reps; per arm, a rep pulled with both arms (no side) counts for each; done
 * in turn, the first side's and the second's (`left`, `right`), `perSide` reps each.
 */
export function repsBySide(
  per: RepsCountedPer,
  counts: SetCounts,
  perSide = 0,
): { readonly left: number; readonly right: number } {
  if (per === 'side-in-turn') {
    const first = Math.min(counts.reps, perSide);
    return { left: first, right: counts.reps - first };
  }
  const both = per === 'arm' ? counts.reps - counts.left - counts.right : 0;
  return { left: counts.left + both, right: counts.right + both };
}

/** True when the set's plan is met. Alternating exercises need the reps on each side. */
export function targetReached(
  plan: SetPlan,
  exercise: WorkoutExercise,
  counts: SetCounts,
): boolean {
  if (plan.kind === 'hold') return counts.holdSeconds >= plan.holdSeconds;
  const sides = repsCountedPer(exercise) === 'side-in-turn' ? 2 : 1;
  return repsTowardPlan(exercise, counts) >= plan.reps * sides;
}

const TOO_DARK: CoachCue = { kind: 'setup', advice: { kind: 'too-dark' } };

/**
 * The cue the coach wants for this frame: a dark room first (it explains everything else), then
 * setup problems (`advice`, with a wrong view that still stands), then the first fault to cue
 * (none while placing: form feedback only once the set counts).
 */
function wantedCue(
  advice: PlacementAdvice | null,
  faults: readonly FaultId[],
  scene: SceneState,
  slowDown = false,
): CoachCue | null {
  if (scene.dark) return TOO_DARK;
  if (advice !== null && advice.kind !== 'hold-still' && advice.kind !== 'ready') {
    return { kind: 'setup', advice };
  }
  const fault = faults[0];
  if (fault !== undefined) return { kind: 'fault', fault };
  return slowDown ? { kind: 'slow-down' } : null;
}

/**
 * A form fault seen mid-set matters more than setup advice still on screen (e.g. "get into
 * position" from the moment before): it need not wait out the setup cue's cooldown.
 */
function faultOutranksSetup(wanted: CoachCue, shown: CoachCue): boolean {
  return wanted.kind === 'fault' && shown.kind === 'setup';
}

function freshSet(state: WorkoutState, setNumber: number): WorkoutState {
  return {
    ...state,
    phase: 'placing',
    setNumber,
    placement: INITIAL_PLACEMENT,
    tally: INITIAL_TALLY,
    rest: null,
    paused: null,
    status: null,
    range: null,
    undecided: null,
    backRead: null,
    fastRepAtMs: null,
    hover: [],
    recording: state.exercise ? startRecording(state.exercise.id) : null,
  };
}

/**
 * The undecided faults to show after this frame: this frame's and those hovering at their
 * threshold, or the last ones for a moment.
 */
function nextUndecided(
  state: WorkoutState,
  coaching: Coaching,
  hovering: readonly FaultId[],
  tMs: number,
): WorkoutState['undecided'] {
  const judged = coaching.result.undecided;
  const items: readonly Undecided[] = [
    ...judged,
    ...hovering
      .filter((fault) => !judged.some((item) => item.fault === fault))
      .map((fault): Undecided => ({ fault, reason: 'ambiguous' })),
  ];
  if (items.length > 0) return { items, atMs: tMs };
  const last = state.undecided;
  return last !== null && tMs - last.atMs < UNDECIDED_MIN_SHOW_MS ? last : null;
}

/** The first lasting limit of this frame not yet said this workout, if any. */
function unsaidLimit(state: WorkoutState, coaching: Coaching): LastingReason | null {
  for (const { reason } of coaching.result.undecided) {
    if (isLasting(reason) && !state.limitsSaid.includes(reason)) return reason;
  }
  return null;
}

function finishSet(state: WorkoutState, endedBy: SetSummary['endedBy'], tMs: number): WorkoutState {
  const plan = state.plan;
  if (!plan) return state;
  const summary: SetSummary = {
    set: state.setNumber,
    counts: state.tally.counts,
    endedBy,
    reps: state.tally.reps,
    replay: state.recording ? finishRecording(state.recording) : null,
  };
  const sets = [...state.sets, summary];
  const cleared = {
    ...state,
    sets,
    paused: null,
    recording: null,
    cue: { ...state.cue, shown: null },
  };
  if (state.setNumber >= plan.sets) {
    return {
      ...cleared,
      phase: 'finished',
      rest: null,
      announcement: announce(state, { kind: 'workout-done' }),
    };
  }
  return {
    ...cleared,
    phase: 'resting',
    setNumber: state.setNumber + 1,
    rest: { startedAtMs: tMs, endsAtMs: tMs + plan.restSeconds * 1000 },
    announcement: announce(state, {
      kind: 'set-done',
      set: state.setNumber,
      restSeconds: plan.restSeconds,
    }),
  };
}

/** Back to placement after a pause: the person has moved. The set keeps what it counted. */
function resumed(state: WorkoutState, tMs: number): WorkoutState {
  return {
    ...state,
    phase: 'placing',
    paused: null,
    placement: INITIAL_PLACEMENT,
    recording: state.recording ? breakRecording(state.recording) : null,
    nowMs: tMs,
  };
}

/** What placement reads of a frame: the check's answer, and whether what it missed is hidden. */
function placementSample(coaching: Coaching): PlacementSample {
  return { ...coaching.result, unseenHidden: coaching.unseenHidden };
}

/** True while the camera's frames should be analysed: not in a pause the person must end. */
export function wantsFrames(state: WorkoutState): boolean {
  return state.phase !== 'paused' || state.paused?.reason === 'away';
}

function onFrame(
  state: WorkoutState,
  coaching: Coaching,
  tMs: number,
  brightness: number | null,
  imageSize: ImageSize | null,
): WorkoutState {
  const exercise = state.exercise;
  const plan = state.plan;
  if (!exercise || !plan) return state;
  const personSeen = coaching.result.status !== 'no-person';
  const scene = stepScene(
    state.scene,
    {
      brightness,
      personSeen,
      personJudged: coaching.result.status === 'ok',
      peopleInView: coaching.peopleInView,
    },
    tMs,
  );
  if (state.phase === 'paused' && state.paused?.reason === 'away') {
    return personSeen ? resumed({ ...state, scene }, tMs) : { ...state, scene, nowMs: tMs };
  }
  if (state.phase === 'placing') {
    const placement = scene.dark
      ? { ...INITIAL_PLACEMENT, advice: { kind: 'too-dark' as const } }
      : stepPlacement(
          state.placement,
          placementSample(coaching),
          exercise.views,
          tMs,
          exercise.setupPhase,
        );
    const tally = stepTally(state.tally, coaching, false);
    const range = coaching.range;
    const cue = stepCue(
      state.cue,
      wantedCue(placement.advice, [], scene),
      tMs,
      cueKey,
      faultOutranksSetup,
    );
    const undecided = nextUndecided(state, coaching, [], tMs);
    const status = coaching.result.status;
    const base = { ...state, placement, tally, cue, scene, status, range, undecided, nowMs: tMs };
    if (placement.advice.kind !== 'ready') return base;
    const limit = unsaidLimit(state, coaching);
    return {
      ...base,
      phase: 'counting',
      cue: { ...cue, shown: null },
      limitsSaid: limit === null ? state.limitsSaid : [...state.limitsSaid, limit],
      announcement: announce(state, {
        kind: 'set-started',
        set: state.setNumber,
        ...(limit === null ? {} : { limit }),
      }),
    };
  }
  if (state.phase === 'counting') {
    if (walkedAway(scene, tMs)) {
      return stepWorkout({ ...state, scene }, { type: 'pause', reason: 'away', tMs });
    }
    const frameAdvice = setupAdvice(placementSample(coaching), exercise.views, exercise.setupPhase);
    const view = stepViewVerdict(state.placement.view, coaching.result.status, frameAdvice, tMs);
    const placement = { ...state.placement, view };
    // A fault hovering at its threshold is neither cued nor counted as cued: it is undecided.
    // Only a measure that could not tell hovers; a view or engine that cannot see it does not.
    const unsure = coaching.result.undecided
      .filter((item) => item.reason === 'ambiguous')
      .map((item) => item.fault);
    const hover = stepHover(state.hover, coaching.shownFaults, unsure, tMs);
    const hovering = hoveringKeys(hover);
    const faults = coaching.shownFaults.filter((fault) => !hovering.includes(fault));
    const tally = stepTally(
      state.tally,
      { ...coaching, shownFaults: faults, side: coaching.result.activeSide },
      true,
    );
    const rep = coaching.repDone;
    const fastRepAtMs = rep && loweredTooFast(exercise.id, rep.tempo) ? tMs : state.fastRepAtMs;
    const slowDown = fastRepAtMs !== null && tMs - fastRepAtMs < SLOW_DOWN_WANTED_MS;
    const cue = stepCue(
      state.cue,
      wantedCue(adviceWithView(frameAdvice, view), faults, scene, slowDown),
      tMs,
      cueKey,
      faultOutranksSetup,
    );
    const undecided = nextUndecided(state, coaching, hovering, tMs);
    const status = coaching.result.status;
    const before = state.backRead;
    const cuedBefore =
      before !== null &&
      exercise.kind === 'reps' &&
      before.reps === tally.counts.reps &&
      before.cued;
    const cued = faults.length > 0 || cuedBefore;
    const backRead =
      coaching.result.metrics.backOutlineSeen === 1
        ? {
            flat: !cued && unsure.length === 0 && hovering.length === 0,
            atMs: tMs,
            reps: tally.counts.reps,
            cued,
          }
        : state.backRead;
    const firstSideDone =
      plan.kind === 'reps' &&
      repsCountedPer(exercise) === 'side-in-turn' &&
      state.tally.counts.reps < plan.reps &&
      tally.counts.reps >= plan.reps;
    const next = {
      ...state,
      placement,
      tally,
      cue,
      hover,
      scene,
      status,
      range: coaching.range,
      undecided,
      backRead,
      fastRepAtMs,
      recording:
        state.recording &&
        stepRecording(state.recording, {
          tMs,
          imageSize,
          pose: coaching.pose,
          evidence: coaching.result.evidence,
          faults,
          unsure: undecided?.items.map((item) => item.fault) ?? [],
          repDone: rep,
        }),
      nowMs: tMs,
      ...(firstSideDone ? { announcement: announce(state, { kind: 'switch-sides' }) } : {}),
    };
    return targetReached(plan, exercise, tally.counts) ? finishSet(next, 'target', tMs) : next;
  }
  return state;
}

export function stepWorkout(state: WorkoutState, event: WorkoutEvent): WorkoutState {
  switch (event.type) {
    case 'start':
      return freshSet(
        {
          ...INITIAL_WORKOUT,
          exercise: event.exercise,
          plan: event.plan,
          cue: { ...state.cue, shown: null },
          announcement: state.announcement,
          nowMs: event.tMs,
        },
        1,
      );
    case 'frame':
      return onFrame(
        state,
        event.coaching,
        event.tMs,
        event.brightness ?? null,
        event.imageSize ?? null,
      );
    case 'tick': {
      if (state.phase !== 'resting' || !state.rest) return { ...state, nowMs: event.tMs };
      if (event.tMs < state.rest.endsAtMs) return { ...state, nowMs: event.tMs };
      return {
        ...freshSet(state, state.setNumber),
        nowMs: event.tMs,
        announcement: announce(state, { kind: 'rest-over', set: state.setNumber }),
      };
    }
    case 'pause': {
      if (state.phase === 'paused') {
        // A stronger reason (pain, a lost camera) replaces a weaker one; resuming needs the person.
        return state.paused && event.reason !== 'hidden'
          ? { ...state, paused: { ...state.paused, reason: event.reason } }
          : state;
      }
      if (state.phase !== 'placing' && state.phase !== 'counting') return state;
      return {
        ...state,
        phase: 'paused',
        paused: { from: state.phase, reason: event.reason },
        cue: { ...state.cue, shown: null },
        announcement: announce(state, { kind: 'paused', reason: event.reason }),
        nowMs: event.tMs,
      };
    }
    case 'resume':
      return state.phase === 'paused' ? resumed(state, event.tMs) : state;
    case 'end-set':
      if (state.phase !== 'placing' && state.phase !== 'counting' && state.phase !== 'paused') {
        return state;
      }
      return finishSet(state, 'person', event.tMs);
    case 'skip-rest':
      return state.phase === 'resting'
        ? { ...freshSet(state, state.setNumber), nowMs: event.tMs }
        : state;
    case 'stop':
      return { ...INITIAL_WORKOUT, announcement: state.announcement };
  }
}

/** Seconds of rest left, rounded up, or null when not resting. */
export function restSecondsLeft(state: WorkoutState): number | null {
  if (state.phase !== 'resting' || !state.rest) return null;
  return Math.max(0, Math.ceil((state.rest.endsAtMs - state.nowMs) / 1000));
}

/** True while a set is under way (placing, counting or paused): the camera is needed. */
export function inSet(state: WorkoutState): boolean {
  return state.phase === 'placing' || state.phase === 'counting' || state.phase === 'paused';
}
