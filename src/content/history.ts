/**
 * The words of the History screen, its data actions (export, import, delete) and the report for a
 * physiotherapist. Exercise names and fault labels come from exercises.ts and cues.ts.
 */
import { POSTURE_MEASURES } from '../pose/posture-measures';
import type { PostureMeasureId } from '../pose/posture-measures';
import { MEASURE_WORDING, formatChange, formatMeasure } from './posture-check';
import { PROGRAMME_WEEKS } from '../storage';
import type { ImportSummary, PersonalBests } from '../storage';
import type { MetricTrend } from '../coach/history/weekly';
import type { RepMeasureSummary, SideBalance } from '../coach/measures';
import type { RepMeasureMetric } from '../pose/reps/kept-measures';
import type { RepTempo } from '../pose/reps/tempo';
import { balanceText, depthText, tempoText } from './workout';
import { FAULT_WORDING, listWords } from './cues';
import { EXERCISE_CONTENT, isExerciseId, isFaultId } from './exercises';
import type { RangeUnit } from './exercises';

/** An exercise's title; an id from an older build (renamed since) is shown as it is. */
export function exerciseName(id: string): string {
  return isExerciseId(id) ? EXERCISE_CONTENT[id].title : id;
}

/** "Hips twisting (Bird-dog)", "Head forward (Posture)". */
export function faultName(id: string): string {
  if (!isFaultId(id)) return id;
  const prefix = id.slice(0, id.indexOf('.'));
  const where = isExerciseId(prefix)
    ? EXERCISE_CONTENT[prefix].title
    : (SHARED_PREFIX_NAMES[prefix] ?? prefix);
  return `${FAULT_WORDING[id].label} (${where})`;
}

/**
 * The prefixes several checks share: the standing and wall posture checks (`posture`), and the
 * deadlift, Romanian deadlift, kettlebell swing, suitcase deadlift and row (`hinge`).
 */
const SHARED_PREFIX_NAMES: Readonly<Record<string, string>> = {
  posture: 'Posture',
  hinge: 'Hip hinge',
};

/** A posture measure's name with its unit, for chart legends: "Forward head (°)". */
export function measureLabel(measure: PostureMeasureId): string {
  const unit = POSTURE_MEASURES[measure].unit === 'deg' ? '°' : '%';
  return `${MEASURE_WORDING[measure].name} (${unit})`;
}

/** An exercise this build does not know: the number as it was stored. */
const UNKNOWN_UNIT: RangeUnit = { suffix: '', decimals: 2 };

const REP_MEASURE_NAMES: Readonly<Record<RepMeasureMetric, string>> = {
  hipAngleDeg: 'hip angle',
  repBottomThighDeg: 'depth',
  backRoundingDeg: 'lower back',
  upperBackRoundingDeg: 'upper back',
};

/**
 * A kept angle: the hips' as it is, a squat's depth against parallel, the back's curve signed
 * (+ rounded, − arched).
 */
function repDegrees(metric: RepMeasureMetric, degrees: number): string {
  if (metric === 'repBottomThighDeg') return depthText(degrees);
  const rounded = Math.round(degrees);
  const sign = metric === 'hipAngleDeg' || rounded === 0 ? '' : rounded > 0 ? '+' : '−';
  return `${sign}${Math.abs(rounded)}°`;
}

/** A kept measure over many reps: its median and, in brackets, the extreme rep: "+5° (+9°)". */
function medianAndMost({ metric, median, extreme }: RepMeasureSummary): string {
  return `${repDegrees(metric, median)} (${repDegrees(metric, extreme)})`;
}

/**
 * What a session's reps kept: each measure's median over the reps that read it and, in brackets,
 * the extreme rep (the lowest hip angle, the deepest squat, the most curve): "Per rep: hip angle 44°
 * (38°), lower back +5° (+9°), upper back +7° (+13°)", "Per rep: depth 3° below parallel (9° below
 * parallel), ..."; the back's curve is signed, + rounded and − arched.
 * Null where none was kept.
 */
export function formatRepMeasures(summaries: readonly RepMeasureSummary[]): string | null {
  if (summaries.length === 0) return null;
  const parts = summaries.map(
    (summary) => `${REP_MEASURE_NAMES[summary.metric]} ${medianAndMost(summary)}`,
  );
  return `Per rep: ${parts.join(', ')}`;
}

/** Each set's median tempo: "Set 1: down 0.9 s · pause 1.8 s · up 1.1 s", one per timed set. */
export function formatSetTempos(tempos: readonly (RepTempo | null)[]): string | null {
  const timed = tempos
    .map((tempo, i) => (tempo ? `Set ${i + 1}: ${tempoText(tempo)}` : null))
    .filter((line) => line !== null);
  return timed.length > 0 ? timed.join('; ') : null;
}

/** Left against right in the exercise's unit, or null when one side only was worked. */
export function formatBalance(exercise: string, balance: SideBalance | null): string | null {
  if (!balance) return null;
  return balanceText(
    balance,
    isExerciseId(exercise) ? EXERCISE_CONTENT[exercise].rangeUnit : UNKNOWN_UNIT,
  );
}

export function formatRange(
  exercise: string,
  meanSpan: number,
  lowest: number,
  highest: number,
): string {
  const unit = isExerciseId(exercise) ? EXERCISE_CONTENT[exercise].rangeUnit : UNKNOWN_UNIT;
  const n = (value: number): string => value.toFixed(unit.decimals);
  return `${n(meanSpan)} avg (${n(lowest)} to ${n(highest)}${unit.suffix})`;
}

// ---------------------------------------------------------------------------------------------
// Numbers as text

const DATE = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});
const DATE_TIME = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const SHORT_DATE = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const SHORT_DATE_TIME = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** A YYYY-MM-DD calendar day, read as local time (not UTC midnight). */
function localDate(day: string): Date {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}

export const formatDay = (day: string): string => DATE.format(localDate(day));
export const formatShortDay = (day: string): string => SHORT_DATE.format(localDate(day));
export const formatDateTime = (at: string): string => DATE_TIME.format(new Date(at));
export const formatShortDateTime = (at: string): string => SHORT_DATE_TIME.format(new Date(at));

export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  return `${Math.floor(whole / 60)} min ${whole % 60} s`;
}

export function weekLabel(weekStart: string): string {
  return `w/c ${formatShortDay(weekStart)}`;
}

// ---------------------------------------------------------------------------------------------
// Screen

export const HISTORY = {
  title: 'History',
  opening: 'Opening your saved data…',
  loading: 'Loading your history…',
  empty:
    'No workouts or posture snapshots saved yet. Finish a set on the Workout tab and it appears here; or import a backup below.',
  sessionsTitle: 'Workouts',
  sessionsCaption: 'Every saved workout, newest first.',
  chartsTitle: 'Week by week',
  chartsNote: (weeks: number) => `The last ${weeks} weeks at most; weeks start on Monday.`,
  bestsTitle: 'Personal bests',
  postureTitle: 'Posture snapshots',
  postureNoAngles: 'These snapshots have no angles to chart.',
  unfinished: 'not finished',
  painStops: (sets: number) =>
    sets === 1 ? 'a set stopped for pain' : `${sets} sets stopped for pain`,
  columns: {
    date: 'Date',
    exercise: 'Exercise',
    sets: 'Sets',
    reps: 'Reps (left / right)',
    quality: 'Good / with a fault',
    share: 'Good form',
    hold: 'Good-form hold',
    range: 'Range of motion',
    tempo: 'Tempo (median per set)',
    balance: 'Left / right',
    replay: 'Replay',
    remove: 'Delete',
    mostReps: 'Most reps in a set',
    mostClean: 'Most good reps in a set',
    longestHold: 'Longest good-form hold',
    angle: 'Angle',
    first: 'First',
    latest: 'Latest',
    change: 'Change',
    snapshots: 'Snapshots',
  },
  reps: (total: number, left: number, right: number): string =>
    left + right === 0 ? String(total) : `${total} (${left} / ${right})`,
  bestOn: (value: string, at: string) => `${value} on ${formatDateTime(at)}`,
  none: '—',
  skipped: (count: number) =>
    count === 1
      ? 'One saved record could not be read and is left out. Your other data is fine.'
      : `${count} saved records could not be read and are left out. Your other data is fine.`,
  readFailed: 'Plumbline could not read your saved data.',
  /** One workout's Delete, its question and its outcome (the failure is the storage's message). */
  deleteWorkout: 'Delete',
  deleteWorkoutLabel: (exercise: string, at: string) =>
    `Delete the ${exercise} workout of ${formatDateTime(at)}`,
  confirmDeleteWorkout: (exercise: string, at: string) =>
    `Delete the ${exercise} workout of ${formatDateTime(at)}, with its sets, reps and replays? This cannot be undone: export first to keep a copy.`,
  confirmDeleteWorkoutButton: 'Yes, delete this workout',
  workoutDeleted: (exercise: string, at: string) =>
    `Deleted the ${exercise} workout of ${formatDateTime(at)} and its replays. The charts and personal bests no longer count it.`,
} as const;

export const CHART = {
  goodReps: 'Good reps',
  faultedReps: 'Reps with a fault',
  holdSeconds: 'Good-form seconds',
  share: 'Good form %',
  repsAxis: 'Reps',
  secondsAxis: 'Seconds',
  shareAxis: 'Good form %',
  postureAxis: 'Degrees or % (see each line)',
  exerciseLabel: (exercise: string, weeks: number) =>
    `${exercise}: reps or good-form seconds and good-form share for each of ${weeks} weeks. The numbers are in the Workouts table.`,
  postureLabel: 'Posture angles in degrees for each snapshot. The numbers are in the table below.',
} as const;

// ---------------------------------------------------------------------------------------------
// Data actions

export const DATA = {
  title: 'Your data',
  privacy: 'Everything stays on this device. Exports are files you keep; nothing is uploaded.',
  exportJson: 'Export everything (JSON)',
  exportSessionsCsv: 'Workouts (CSV)',
  exportSnapshotsCsv: 'Posture snapshots (CSV)',
  exportTimelineCsv: 'Fault timelines of replayed sets (CSV)',
  importLabel: 'Import a Plumbline export (JSON)',
  modeLegend: 'When importing',
  merge: 'Add to my data (same records are replaced by the file’s)',
  replace: 'Replace all my data with the file’s',
  confirmReplace: (name: string) =>
    `Replace all your data with “${name}”? What is saved now is deleted first.`,
  confirmReplaceButton: 'Replace my data',
  deleteAll: 'Delete all my data',
  confirmDelete:
    'Delete every workout, snapshot, setting and programme record on this device? This cannot be undone: export first to keep a copy.',
  confirmDeleteButton: 'Yes, delete everything',
  cancel: 'Cancel',
  working: 'Working…',
  exported: (file: string, skipped: number) =>
    skipped === 0
      ? `Saved ${file}.`
      : `Saved ${file}. ${skipped} damaged record${skipped === 1 ? ' was' : 's were'} left out.`,
  imported: (summary: ImportSummary, mode: 'merge' | 'replace') => {
    const parts = [
      count(summary.sessions, 'workout'),
      count(summary.snapshots, 'posture snapshot'),
      count(summary.checklistWeeks, 'checklist week'),
    ];
    if (summary.enduranceResults > 0) {
      parts.push(count(summary.enduranceResults, 'endurance test result'));
    }
    if (summary.replays > 0) parts.push(count(summary.replays, 'set replay'));
    if (summary.settings) parts.push('settings');
    if (summary.programme) parts.push('the programme');
    const what = listWords(parts);
    const skipped = summary.replaysSkipped;
    const left =
      skipped === 0
        ? ''
        : ` ${count(skipped, 'set replay')} in the file could not be read and ${skipped === 1 ? 'was' : 'were'} left out; nothing else was.`;
    return mode === 'replace'
      ? `Imported ${what}; your data now is exactly the file’s.${left}`
      : `Imported ${what}, added to your data.${left}`;
  },
  deleted: 'All your data was deleted from this device.',
} as const;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

// ---------------------------------------------------------------------------------------------
// Report

export const REPORT = {
  open: 'Report for a physiotherapist',
  title: 'Plumbline training report',
  intro:
    'Numbers measured by Plumbline, a webcam form coach, during home back exercises. Form is judged from a 2D camera view; treat it as a guide, not a clinical measurement.',
  print: 'Print',
  close: 'Back to history',
  includeThumbnail: 'Include one posture snapshot’s picture',
  chooseSnapshot: 'Snapshot',
  period: 'Period',
  periodText: (from: string, to: string) => `${formatDay(from)} to ${formatDay(to)}`,
  programme: 'Programme',
  programmeText: (startedOn: string, week: number, paused: boolean) =>
    `${PROGRAMME_WEEKS}-week programme started ${formatDay(startedOn)}, week ${week} of ${PROGRAMME_WEEKS}${paused ? ' (paused)' : ''}`,
  noProgramme: 'Free training (no programme started)',
  sessions: 'Sessions',
  sessionsText: (sessions: number, finished: number, weeks: number, painStops: number) =>
    `${sessions} (${finished} finished) over ${weeks} week${weeks === 1 ? '' : 's'} with training` +
    (painStops > 0 ? `; ${count(painStops, 'set')} stopped for pain` : ''),
  exercisesTitle: 'Per exercise',
  weeklyTrend: 'Good form by week',
  /**
   * One narrow column: the median tempo, then the lower back's curve where reps kept it, then left
   * against right where both were worked.
   */
  measures: 'Tempo s (down/pause/up); back curve (+ rounded), median (most); left/right',
  /** A median tempo in a narrow cell: "1.2/0.8/0.9 s". */
  tempoText: (tempo: RepTempo): string =>
    [tempo.lowerMs, tempo.pauseMs, tempo.liftMs]
      .map((ms) => (ms === null ? '–' : (ms / 1000).toFixed(1)))
      .join('/') + ' s',
  /**
   * The median tempo and the lower back's curve (+ rounded) in a narrow cell, what there is of them:
   * "1.2/0.8/0.9 s · back +4° (+24°)", "back +4° (+24°)", or "—".
   */
  tempoAndBackText: (tempo: RepTempo | null, lowerBack: RepMeasureSummary | null): string =>
    [
      ...(tempo ? [REPORT.tempoText(tempo)] : []),
      ...(lowerBack ? [`back ${medianAndMost(lowerBack)}`] : []),
    ].join(' · ') || HISTORY.none,
  /**
   * Left against right in a narrow cell: "L/R even", or what was uneven over the period, and in how
   * many sessions on their own: "L/R even; uneven in 1 session".
   */
  balanceText: (balance: SideBalance, unevenSessions: number): string => {
    const sessions = unevenSessions > 0 ? `; uneven in ${count(unevenSessions, 'session')}` : '';
    const over = balance.imbalanced.join(', ');
    return (over ? `L/R uneven: ${over}` : 'L/R even') + sessions;
  },
  total: 'Total',
  totalText: (reps: number, clean: number, holdSeconds: number) =>
    [
      reps > 0 ? `${reps} reps, ${clean} good` : '',
      holdSeconds > 0 ? formatSeconds(holdSeconds) : '',
    ]
      .filter((part) => part !== '')
      .join('; ') || '—',
  weekShare: (weekStart: string, share: string) => `${formatShortDay(weekStart)}: ${share}`,
  bestSet: 'Best set',
  bestText: (bests: PersonalBests): string =>
    [
      bests.mostRepsInSet ? `${bests.mostRepsInSet.value} reps` : '',
      bests.mostCleanRepsInSet ? `${bests.mostCleanRepsInSet.value} good` : '',
      bests.longestHoldSeconds ? `${formatSeconds(bests.longestHoldSeconds.value)} held` : '',
    ]
      .filter((part) => part !== '')
      .join(', ') || '—',
  faultsTitle: 'Faults seen most',
  fault: 'Fault',
  faultReps: 'In reps',
  faultSnapshots: 'In snapshots',
  faultSeconds: 'Seconds cued',
  noFaults: 'No faults recorded.',
  postureTitle: 'Posture angles',
  noPosture: 'No posture snapshots.',
  angleText: (trend: MetricTrend): string =>
    `${MEASURE_WORDING[trend.metric].name}: ${formatMeasure(trend.metric, trend.first)} → ${formatMeasure(trend.metric, trend.last)} (${formatChange(trend.metric, trend.change)}, ${count(trend.points.length, 'snapshot')})`,
  empty: 'No sessions or snapshots to report yet.',
  thumbnailCaption: (at: string) => `Posture snapshot, ${formatDateTime(at)}`,
  generated: (at: string) => `Generated ${formatDateTime(at)} on this device.`,
} as const;
