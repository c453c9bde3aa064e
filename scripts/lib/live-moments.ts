/**
 * `npm run eval -- --live`: a set's moments as the page showed and said them
 * (scripts/browser/coach-watch.ts) turned into the verdict the eval scores (scoring.ts), plus what
 * only the live app has: good-form seconds, time spent on "can't judge", and how often each
 * sentence was said.
 */
import type { CoachMoment } from '../browser/coach-watch';
import type { ScoredVerdict } from './scoring';

export interface LiveVerdict extends ScoredVerdict {
  /** Reps the panel counted over all the plays watched (`reps` holds one play's). */
  readonly repsWatched: number | null;
  /** Whether the set started counting at all (placement and view advice let it through). */
  readonly counted: boolean;
  /** Whether the set reached its planned reps or hold before the eval stopped watching. */
  readonly finished: boolean;
  /** The hold's good-form seconds at the end, for hold exercises; else null. */
  readonly holdSeconds: number | null;
  /** Seconds of counting with "can't judge" (the headline's info tone) on screen. */
  readonly cannotJudgeSeconds: number;
  /** Seconds of counting in all. */
  readonly countingSeconds: number;
  /** The headline on screen longest while counting, with its tone ("info: Lower back: can't judge"). */
  readonly mostShown: string | null;
  /** Every sentence said, with how often, most often first. */
  readonly said: readonly { readonly text: string; readonly times: number }[];
}

const COUNTING = 'counting';
/** Headline tones (src/coach/workout/present.ts): a form judged good or faulty, or left open. */
const JUDGED_TONES = new Set(['good', 'fault']);
const UNDECIDED_TONE = 'info';

/**
 * How far the time a rep shows on the panel may wander between two plays of the clip: a frame or
 * two, up to 1 s at the 2-5 frames a second of a full model on two busy cores.
 */
const REP_SHOWN_AFTER_MS = 1000;

const counterValue = (moment: CoachMoment, id: string): number => Number(moment.counters[id] ?? 0);

/**
 * A fault counts as cued when its cue was on screen or said (each said moment carries the cue on
 * screen then). "Can't see" is a set whose form was never called good or faulty while counting,
 * as the recording path's verdict is one with no frame judged. Reps are those the panel counted
 * (good plus faulty) over one play of the clip (`clipMs`) from the first rep counted, short of
 * that rep's return in the next play (REP_SHOWN_AFTER_MS early at most), so each rep of the
 * looping clip is counted once wherever in the clip counting began, as the label counts them.
 * `kind` says which counter the set has; `endMs` closes the last moment.
 */
export function liveVerdict(
  moments: readonly CoachMoment[],
  kind: 'reps' | 'hold',
  endMs: number,
  clipMs: number,
): LiveVerdict {
  const shown = moments.filter((m) => m.said === null);
  const counting = shown.filter((m) => m.phase === COUNTING);
  // How long each headline was on screen while counting, by tone: the counting, "can't judge" and
  // longest-shown figures below are read off this one pass.
  const onScreen: { readonly tone: string; readonly headline: string; ms: number }[] = [];
  shown.forEach((moment, i) => {
    if (moment.phase !== COUNTING) return;
    const ms = (shown[i + 1]?.atMs ?? endMs) - moment.atMs;
    const same = onScreen.find((h) => h.tone === moment.tone && h.headline === moment.headline);
    if (same) same.ms += ms;
    else onScreen.push({ tone: moment.tone, headline: moment.headline, ms });
  });
  const durationMs = (tone: string | null): number =>
    onScreen.reduce((sum, h) => (tone === null || h.tone === tone ? sum + h.ms : sum), 0);
  const longest = onScreen.reduce<(typeof onScreen)[number] | null>(
    (most, h) => (most === null || h.ms > most.ms ? h : most),
    null,
  );
  const said = new Map<string, number>();
  for (const { said: text } of moments)
    if (text !== null) said.set(text, (said.get(text) ?? 0) + 1);
  const repsBy = (untilMs: number): number =>
    Math.max(
      0,
      ...moments
        .filter((m) => m.atMs <= untilMs)
        .map((m) => counterValue(m, 'good-reps') + counterValue(m, 'fault-reps')),
    );
  const firstRep = moments.find(
    (m) => counterValue(m, 'good-reps') + counterValue(m, 'fault-reps') > 0,
  );
  const onePlayEndMs = firstRep === undefined ? endMs : firstRep.atMs + clipMs - REP_SHOWN_AFTER_MS;
  return {
    shownFaults: [...new Set(moments.map((m) => m.fault).filter((fault) => fault !== ''))],
    couldNotJudge: !counting.some((m) => JUDGED_TONES.has(m.tone)),
    reps: kind === 'reps' ? { total: repsBy(onePlayEndMs) } : null,
    repsWatched: kind === 'reps' ? repsBy(endMs) : null,
    counted: counting.length > 0,
    finished: moments.some((m) => m.phase === 'finished'),
    holdSeconds:
      kind === 'hold' ? Math.max(0, ...moments.map((m) => counterValue(m, 'hold'))) : null,
    cannotJudgeSeconds: durationMs(UNDECIDED_TONE) / 1000,
    countingSeconds: durationMs(null) / 1000,
    mostShown: longest === null ? null : `${longest.tone}: ${longest.headline}`,
    said: [...said].map(([text, times]) => ({ text, times })).sort((a, b) => b.times - a.times),
  };
}
