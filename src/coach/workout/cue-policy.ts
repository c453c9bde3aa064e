/**
 * One cue at a time: which cue is shown (and spoken) now, given the one the coach wants. A new cue
 * waits for the cooldown so the person is not talked over; a cue still wanted is repeated now and
 * then, and a cue that comes and goes is not said again each time it comes back (a cue that
 * repeats may be wrong: saying it again adds nothing), nor, once it hovers at its threshold
 * (`stepHover`), cued at all. Pure: (state, wanted, time) => state. Cues are compared by a key, so
 * they can be objects.
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
  /**
   * When each cue said within the last CUE_REPEAT_MS was said, by key: a cue said, then another,
   * then the first again is still not said twice within the reminder's interval.
   */
  readonly saidAtMs: Readonly<Record<string, number>>;
}

export function initialCueState<Cue>(): CueState<Cue> {
  return { shown: null, shownAtMs: null, spoken: null, saidAtMs: {} };
}

function say<Cue>(
  state: CueState<Cue>,
  cue: Cue,
  key: string,
  tMs: number,
  shownAtMs: number,
): CueState<Cue> {
  const saidAtMs: Record<string, number> = { [key]: tMs };
  for (const [other, atMs] of Object.entries(state.saidAtMs)) {
    if (other !== key && tMs - atMs < CUE_REPEAT_MS) saidAtMs[other] = atMs;
  }
  return {
    shown: cue,
    shownAtMs,
    spoken: { cue, seq: (state.spoken?.seq ?? 0) + 1, atMs: tMs },
    saidAtMs,
  };
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
    const saidAtMs = state.saidAtMs[keyOf(shown)];
    const sinceSaid = saidAtMs === undefined ? Infinity : tMs - saidAtMs;
    return sinceSaid >= CUE_REPEAT_MS
      ? say(state, shown, keyOf(shown), tMs, state.shownAtMs ?? tMs)
      : state;
  }
  if (wanted === null) {
    return shown !== null && age >= CUE_MIN_SHOW_MS ? { ...state, shown: null } : state;
  }
  // A different cue: only once the last one has had its cooldown, or been read if this one matters
  // more, whether that one is still on screen or already cleared (its cooldown runs on).
  const last = shown ?? state.spoken?.cue ?? null;
  const wait = last !== null && outranks(wanted, last) ? CUE_MIN_SHOW_MS : CUE_COOLDOWN_MS;
  if (age < wait) return state;
  // A cue said lately, back after a gap or another cue: shown again, but said again only as a
  // reminder would be.
  const wantedKey = keyOf(wanted);
  const saidAtMs = state.saidAtMs[wantedKey];
  const saidLately = saidAtMs !== undefined && tMs - saidAtMs < CUE_REPEAT_MS;
  return saidLately
    ? { ...state, shown: wanted, shownAtMs: tMs }
    : say(state, wanted, wantedKey, tMs, tMs);
}

/**
 * A cue that comes back this often within `HOVER_WINDOW_MS` from "can't judge" hovers at its
 * threshold: the measure behind it cannot tell, so the coach says it cannot judge instead of
 * alternating cue and praise (issue #17: a good plank's hip cue and "Hips: can't judge" took turns
 * for a whole 44 s hold). A fault that comes and goes with each rep, clean between, is no such cue.
 */
export const HOVER_RETURNS = 2;
/** How far back the returns are counted: a few spoken cycles of a hovering cue (each 5-10 s). */
export const HOVER_WINDOW_MS = 20_000;
/** A gap shorter than this is a blip of the check (2-5 frames), not the cue going away. */
export const HOVER_GAP_MS = 500;

export interface HoverTrack<Key extends string> {
  readonly key: Key;
  readonly lastWantedMs: number;
  /** Whether the check could not judge it since it was last wanted. */
  readonly unsureSince: boolean;
  /** When the cue came back from "can't judge" after a gap, within the window. */
  readonly returnsMs: readonly number[];
}

export type HoverState<Key extends string> = readonly HoverTrack<Key>[];

/** One frame: the keys of the cues wanted now (e.g. the faults shown), and those undecided. */
export function stepHover<Key extends string>(
  state: HoverState<Key>,
  wanted: readonly Key[],
  unsure: readonly Key[],
  tMs: number,
): HoverState<Key> {
  const recent = (times: readonly number[]) => times.filter((t) => tMs - t < HOVER_WINDOW_MS);
  const tracks = state.map((track): HoverTrack<Key> => {
    if (!wanted.includes(track.key)) {
      const unsureSince = track.unsureSince || unsure.includes(track.key);
      return { ...track, unsureSince, returnsMs: recent(track.returnsMs) };
    }
    const back = tMs - track.lastWantedMs > HOVER_GAP_MS && track.unsureSince;
    const returnsMs = recent(back ? [...track.returnsMs, tMs] : track.returnsMs);
    return { key: track.key, lastWantedMs: tMs, unsureSince: false, returnsMs };
  });
  const fresh = wanted
    .filter((key) => !state.some((track) => track.key === key))
    .map((key): HoverTrack<Key> => ({ key, lastWantedMs: tMs, unsureSince: false, returnsMs: [] }));
  return [...tracks, ...fresh].filter(
    (track) => track.returnsMs.length > 0 || tMs - track.lastWantedMs < HOVER_WINDOW_MS,
  );
}

/** The keys hovering at their threshold now. */
export function hoveringKeys<Key extends string>(state: HoverState<Key>): readonly Key[] {
  return state.filter((track) => track.returnsMs.length >= HOVER_RETURNS).map((t) => t.key);
}
