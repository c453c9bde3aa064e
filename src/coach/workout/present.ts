/**
 * What the workout screen shows for a state: the big line over the video, the counters and the
 * set label, as plain strings and numbers. Pure, so components only lay them out.
 */
import type { FaultId } from '../../pose/exercises/types';
import { FAULT_WORDING } from '../../content/cues';
import type { ExerciseContent, RangeUnit } from '../../content/exercises';
import { othersInViewText } from '../../content/robustness';
import { undecidedText } from '../../content/undecided';
import {
  backCheckText,
  balanceText,
  cueText,
  pauseText,
  placementText,
  progressTarget,
  rangeValueText,
  repMeasuresText,
  sideCounterLabels,
  tempoText,
} from '../../content/workout';
import type { RangeMeter } from '../measures';
import { medianTempo, rangeMeter, sideBalance } from '../measures';
import {
  inSet,
  repsBySide,
  repsCountedPer,
  repsInTurn,
  repsTowardPlan,
  restSecondsLeft,
} from './workout';
import type { SetSummary, WorkoutState } from './workout';

export type HeadlineTone = 'setup' | 'fault' | 'good' | 'info';

export interface Counter {
  readonly id: string;
  readonly label: string;
  readonly value: string;
}

export interface WorkoutView {
  readonly setLabel: string;
  /** The big line over the video. */
  readonly headline: { readonly text: string; readonly tone: HeadlineTone } | null;
  /** The cue shown now (also spoken), and its fault when it is one. */
  readonly cue: { readonly text: string; readonly fault: FaultId | null } | null;
  /** 0-1 while the start position is being held. */
  readonly placementProgress: number | null;
  /** The main number: reps or seconds against the target. */
  readonly progress: { readonly value: string; readonly target: string } | null;
  readonly counters: readonly Counter[];
  readonly restLeft: number | null;
  /** A line about the scene, e.g. who is coached when others are in view. */
  readonly note: string | null;
  /** The back as last read on the body outline this set, or null when it was never read. */
  readonly backCheck: string | null;
  /** The rep signal now against its target, while the check judges a rep exercise; else null. */
  readonly rangeMeter:
    (RangeMeter & { readonly valueText: string; readonly targetText: string }) | null;
  /** The last rep's tempo this set ("down 1.2 s · pause 0.8 s · up 0.9 s"), or null. */
  readonly lastTempo: string | null;
  /** What the last rep kept ("hips bent to 44° · lower back curved 5°"), or null where nothing. */
  readonly lastRepMeasures: string | null;
  /** One line per set done (`summaryLine`). */
  readonly setLines: readonly { readonly set: number; readonly text: string }[];
}

/** An exercise's words and the unit of its rep signal (its file in src/content/exercises/). */
export type PresentedExercise = ExerciseContent & { readonly rangeUnit: RangeUnit };

/** The range meter while a set is placed or counted and the check judges; else null. */
function presentRange(
  state: WorkoutState,
  content: PresentedExercise | null,
): WorkoutView['rangeMeter'] {
  const range = state.range;
  if (!range || !content || (state.phase !== 'counting' && state.phase !== 'placing')) return null;
  return {
    ...rangeMeter(range),
    valueText: rangeValueText(range.value, content.rangeUnit),
    targetText: rangeValueText(range.enterTopAbove, content.rangeUnit),
  };
}

export function presentWorkout(
  state: WorkoutState,
  content: PresentedExercise | null,
): WorkoutView {
  const plan = state.plan;
  const exercise = state.exercise;
  const counts = state.tally.counts;
  const setLabel = plan ? `Set ${Math.min(state.setNumber, plan.sets)} of ${plan.sets}` : '';
  const shown = state.cue.shown;
  const cue = shown
    ? { text: cueText(shown, content), fault: shown.kind === 'fault' ? shown.fault : null }
    : null;

  let headline: WorkoutView['headline'] = null;
  let placementProgress: number | null = null;
  switch (state.phase) {
    case 'placing': {
      const advice = state.placement.advice;
      if (advice.kind === 'hold-still') placementProgress = advice.progress;
      headline = {
        text: placementText(advice, content),
        tone: advice.kind === 'hold-still' || advice.kind === 'ready' ? 'good' : 'setup',
      };
      break;
    }
    case 'counting': {
      // "Good form" only when every check could judge: an undecided one is said as such.
      const unsure =
        state.undecided && exercise ? undecidedText(state.undecided.items, exercise) : null;
      headline = cue
        ? { text: cue.text, tone: cue.fault ? 'fault' : 'setup' }
        : unsure
          ? { text: unsure, tone: 'info' }
          : { text: 'Good form', tone: 'good' };
      break;
    }
    case 'paused': {
      const reason = state.paused?.reason ?? 'user';
      // Out of view, it resumes by itself; every other pause waits for the person.
      const resume = reason === 'away' ? '' : ' Press Space to resume.';
      headline = { text: `${pauseText(reason)}${resume}`, tone: 'info' };
      break;
    }
    case 'resting':
      headline = { text: 'Rest', tone: 'info' };
      break;
    case 'finished':
      headline = { text: 'Workout complete. Well done.', tone: 'good' };
      break;
    case 'idle':
      break;
  }

  const counters: Counter[] = [];
  let progress: WorkoutView['progress'] = null;
  if (plan && exercise) {
    if (plan.kind === 'hold') {
      progress = {
        value: `${Math.floor(counts.holdSeconds)} s`,
        target: progressTarget(plan, 'set'),
      };
      counters.push({
        id: 'hold',
        label: 'Good-form seconds',
        value: counts.holdSeconds.toFixed(1),
      });
    } else {
      const per = repsCountedPer(exercise);
      const turn = per === 'side-in-turn' ? repsInTurn(counts.reps, plan.reps) : null;
      progress = {
        value: `${turn ? turn.reps : repsTowardPlan(exercise, counts)}`,
        target: progressTarget(plan, per),
      };
      counters.push(
        { id: 'good-reps', label: 'Good reps', value: `${counts.cleanReps}` },
        {
          id: 'fault-reps',
          label: 'Reps with a fault',
          value: `${counts.reps - counts.cleanReps}`,
        },
      );
      if (per !== 'set') {
        const labels = sideCounterLabels(per);
        const bySide = repsBySide(per, counts, plan.reps);
        counters.push(
          { id: 'left', label: labels.left, value: `${bySide.left}` },
          { id: 'right', label: labels.right, value: `${bySide.right}` },
        );
      }
    }
  }
  return {
    setLabel,
    headline,
    cue,
    placementProgress,
    progress,
    counters,
    restLeft: restSecondsLeft(state),
    note:
      inSet(state) && state.scene.othersInView > 0
        ? othersInViewText(state.scene.othersInView)
        : null,
    backCheck:
      state.phase === 'counting' && state.backRead ? backCheckText(state.backRead.flat) : null,
    rangeMeter: presentRange(state, content),
    lastTempo: state.tally.lastRep ? tempoText(state.tally.lastRep.tempo) : null,
    lastRepMeasures: state.tally.lastRep?.measures
      ? repMeasuresText(state.tally.lastRep.measures)
      : null,
    setLines: state.sets.map((set) => ({
      set: set.set,
      text: summaryLine(set, state, content?.rangeUnit ?? null),
    })),
  };
}

/** "Hips too high ×2, Head dropping ×1" or null for a clean set. */
export function faultList(faults: Readonly<Partial<Record<FaultId, number>>>): string | null {
  const entries = (Object.entries(faults) as [FaultId, number][]).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return entries.map(([fault, times]) => `${FAULT_WORDING[fault].label} ×${times}`).join(', ');
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** " (left 3, right 3)" for a set counted per side or arm (both arms' reps count for each). */
function sidesText(state: WorkoutState, c: SetSummary['counts']): string {
  const per = state.exercise ? repsCountedPer(state.exercise) : 'set';
  if (per === 'set') return '';
  const perSide = state.plan?.kind === 'reps' ? state.plan.reps : 0;
  const { left, right } = repsBySide(per, c, perSide);
  return ` (left ${left}, right ${right})`;
}

/**
 * The set's median tempo, and left against right over the workout so far (a single-arm row's arms
 * are often done in separate sets), or null when neither applies.
 */
function measuresLine(set: SetSummary, state: WorkoutState, unit: RangeUnit | null): string | null {
  const tempo = medianTempo(set.reps.map((rep) => rep.tempo));
  const sets = state.sets.filter((done) => done.set <= set.set);
  const balance = sideBalance(
    sets.flatMap((done) => done.reps),
    {
      left: sets.reduce((sum, done) => sum + done.counts.sideHoldSeconds.left, 0),
      right: sets.reduce((sum, done) => sum + done.counts.sideHoldSeconds.right, 0),
    },
  );
  const parts = [
    tempo ? `Median tempo: ${tempoText(tempo)}.` : null,
    balance && unit ? balanceText(balance, unit) : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** One line of the end-of-set summary. */
export function summaryLine(set: SetSummary, state: WorkoutState, unit: RangeUnit | null): string {
  const c = set.counts;
  const counted =
    state.plan?.kind === 'hold'
      ? `${c.holdSeconds.toFixed(0)} s in good form`
      : `${plural(c.reps, 'rep', 'reps')}: ${c.cleanReps} good, ${c.reps - c.cleanReps} with a fault` +
        sidesText(state, c);
  const early = set.endedBy === 'person' ? ' (ended early)' : '';
  const repFaults = state.plan?.kind === 'reps' ? faultList(c.repFaults) : null;
  const cues = faultList(c.faults);
  const notes = [
    repFaults ? `Faults in reps: ${repFaults}.` : null,
    cues ? `Cues: ${cues}.` : 'No form cues.',
    measuresLine(set, state, unit),
  ].filter((note) => note !== null);
  return `Set ${set.set}: ${counted}${early}. ${notes.join(' ')}`;
}
