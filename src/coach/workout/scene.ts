/**
 * What the camera's scene says beyond the pose: a room too dark to judge, the person gone out of
 * view, others in view beside them. Pure: (state, sample, time) => state.
 */

/**
 * Mean luma (0-1) below which the room may be too dark to judge form: a room lit by a screen or a
 * far lamp, where limbs blur into the floor. The rendered clips' dim studio measures 0.13-0.16 on
 * the worker's 32 x 18 copy, and its empty backdrop alone 0.08-0.10. A dim garage with the lifter
 * lit measures 0.04 and is judged well, so darkness is said only while the person's form cannot be
 * judged: the brightness explains a failure, it does not cause one.
 */
export const DARK_MEAN_LUMA = 0.05;
/** Back above this the room is lit again: a gap above DARK_MEAN_LUMA so a flicker cannot flip it. */
export const LIT_MEAN_LUMA = 0.065;
/** Dark this long before saying so: a hand over the lens or a passing shadow is not a dark room. */
export const DARK_FOR_MS = 1000;
/**
 * Nobody in view this long pauses a counting set: longer than the detector's misses (a few frames,
 * well under a second) and shorter than a rep, so walking off never counts as a rep.
 */
export const AWAY_FOR_MS = 2000;

export interface SceneState {
  /** The room is too dark (it has been below DARK_MEAN_LUMA for DARK_FOR_MS). */
  readonly dark: boolean;
  /** When the current dark stretch began; null while lit. */
  readonly darkSinceMs: number | null;
  /** When the person was last lost from view; null while someone is seen. */
  readonly goneSinceMs: number | null;
  /** People in view besides the one coached. */
  readonly othersInView: number;
}

export interface SceneSample {
  /** Mean luma of the frame, 0-1; null when the worker could not measure it. */
  readonly brightness: number | null;
  readonly personSeen: boolean;
  /** The coached person's form was judged this frame: then no room is too dark. */
  readonly personJudged: boolean;
  /** Distinct people in view, the coached one included. */
  readonly peopleInView: number;
}

export const INITIAL_SCENE: SceneState = {
  dark: false,
  darkSinceMs: null,
  goneSinceMs: null,
  othersInView: 0,
};

function stepDark(
  state: SceneState,
  brightness: number | null,
  judged: boolean,
  tMs: number,
): Partial<SceneState> {
  if (brightness === null) return {};
  const limit = state.dark ? LIT_MEAN_LUMA : DARK_MEAN_LUMA;
  if (brightness >= limit || judged) return { dark: false, darkSinceMs: null };
  const since = state.darkSinceMs ?? tMs;
  return { darkSinceMs: since, dark: state.dark || tMs - since >= DARK_FOR_MS };
}

export function stepScene(state: SceneState, sample: SceneSample, tMs: number): SceneState {
  return {
    ...state,
    ...stepDark(state, sample.brightness, sample.personJudged, tMs),
    goneSinceMs: sample.personSeen ? null : (state.goneSinceMs ?? tMs),
    othersInView: Math.max(0, sample.peopleInView - 1),
  };
}

/** True once nobody has been in view for AWAY_FOR_MS in a lit room (in the dark, say dark). */
export function walkedAway(state: SceneState, tMs: number): boolean {
  return !state.dark && state.goneSinceMs !== null && tMs - state.goneSinceMs >= AWAY_FOR_MS;
}
