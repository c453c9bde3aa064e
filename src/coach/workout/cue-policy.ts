/**
 * One cue at a time: which cue is shown (and spoken) now, given the one the coach wants. A new cue
 * waits for the cooldown so the person is not talked over; a cue still wanted is repeated now and
 * then. Pure: (state, wanted, time) => state. Cues are compared by a key, so they can be objects.
 */

/** A new cue may replace the last one only this long after it appeared (spoken cues take 1-2 s). */
export const CUE_COOLDOWN_MS = 4000;
/** A cue no longer wanted stays on screen at least this long, so it can be read. */
export const CUE_MIN_SHOW_MS = 1500;
/** The same cue, still wanted, is said again after this: a reminder, not a nag. */
export const CUE_REPEAT_MS = 10_000;

export interface CueState<Cue> {
  readonly shown: Cue | null;
  /** When the shown cue (or the last one, once cleared) appeared. */
  readonly shownAtMs: number | null;
  /** The last cue to say; `seq` changes each time it should be spoken. */
  readonly spoken: { readonly cue: Cue; readonly seq: number; readonly atMs: number } | null;
}

export function initialCueState<Cue>(): CueState<Cue> {
  return { shown: null, shownAtMs: null, spoken: null };
}

function say<Cue>(state: CueState<Cue>, cue: Cue, tMs: number, shownAtMs: number): CueState<Cue> {
  return { shown: cue, shownAtMs, spoken: { cue, seq: (state.spoken?.seq ?? 0) + 1, atMs: tMs } };
}

/**
 * `outranks(wanted, shown)`: the wanted cue matters more than the one on screen, so it replaces it
 * once that has been readable (CUE_MIN_SHOW_MS) instead of waiting out the whole cooldown.
 */
export function stepCue<Cue>(
  state: CueState<Cue>,
  wanted: Cue | null,
  tMs: number,
  keyOf: (cue: Cue) => string,
  outranks: (wanted: Cue, shown: Cue) => boolean = () => false,
): CueState<Cue> {
  const age = state.shownAtMs === null ? Infinity : tMs - state.shownAtMs;
  const shown = state.shown;
  if (wanted !== null && shown !== null && keyOf(wanted) === keyOf(shown)) {
    const sinceSpoken = state.spoken === null ? Infinity : tMs - state.spoken.atMs;
    return sinceSpoken >= CUE_REPEAT_MS ? say(state, shown, tMs, state.shownAtMs ?? tMs) : state;
  }
  if (wanted === null) {
    return shown !== null && age >= CUE_MIN_SHOW_MS ? { ...state, shown: null } : state;
  }
  // A different cue: only once the last one has had its cooldown, or been read if this one matters more.
  const wait = shown !== null && outranks(wanted, shown) ? CUE_MIN_SHOW_MS : CUE_COOLDOWN_MS;
  return age >= wait ? say(state, wanted, tMs, tMs) : state;
}
