/**
 * The weekly checklist of "Holistic back strength" (docs/seeds.md, seed 000, "Checklist: Building a
 * Pain-Resistant Back"), plus seed 003's sessions-per-week target. Items the camera can witness are
 * ticked by the app from stored workouts and posture snapshots, with the evidence; the rest are
 * ticked by hand (and stored with setChecklistItem). Weeks run Monday to Sunday. Pure.
 */
import type { ExerciseId } from '../../pose/exercises/types';
import { EXERCISE_LIST, isExerciseId } from '../../content/exercises';
import type { MovementPattern } from '../../content/exercises';
import type {
  ChecklistItem,
  ChecklistWeek,
  PostureSnapshot,
  WorkoutSession,
} from '../../storage/schema';
import { addDays, localDayOf } from './dates';
import { POSTURE_RESET } from './programme';
import { MIN_SESSIONS_TO_PASS_WEEK } from '../../content/programme';
import { trainingDays, workSets } from './work';

export const CHECKLIST_ITEM_IDS = [
  /** Seed 003: "two to three dedicated back and core strengthening sessions per week". */
  'sessions',
  /** Seed 000: "at least three functional movement patterns … per week". */
  'movement-patterns',
  /** Seed 000: "Conduct posture resets 3+ times daily". */
  'posture-resets',
  /** Seed 000: "diaphragmatic breathing for 5 minutes each night". */
  'breathing',
  /** Seed 000: "Avoid prolonged static positions (sit/stand >30 mins without moving)". */
  'static-positions',
  /** Seed 000: "Foam roll thoracic spine 2–3 times weekly". */
  'foam-roll',
  /** Seed 000: "Sleep in a spine-neutral position with proper support". */
  'sleep',
  /** Seed 000: "Assess footwear". */
  'footwear',
] as const;
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

/** Seed 000: "at least three functional movement patterns … per week". */
export const MIN_MOVEMENT_PATTERNS_PER_WEEK = 3;
/** Seed 000: "posture resets 3+ times daily". */
export const POSTURE_RESETS_PER_DAY = 3;
/**
 * Days a week with POSTURE_RESETS_PER_DAY resets seen before the app ticks the item: the seed says
 * daily; 5 of 7 allows for days away from the laptop (the person can still tick it by hand).
 */
export const POSTURE_RESET_DAYS_PER_WEEK = 5;

export type { MovementPattern } from '../../content/exercises';

/** The movement pattern each exercise trains, from its content file (null: not a strength one). */
export const MOVEMENT_PATTERNS: Readonly<Record<ExerciseId, MovementPattern | null>> =
  Object.fromEntries(
    EXERCISE_LIST.map((file) => [file.id, file.movementPattern] as const),
  ) as Readonly<Record<ExerciseId, MovementPattern | null>>;

/** What the app saw towards an item this week; `ticked` when it is enough. */
export type Evidence =
  | { readonly item: 'sessions'; readonly ticked: boolean; readonly days: readonly string[] }
  | {
      readonly item: 'movement-patterns';
      readonly ticked: boolean;
      readonly patterns: readonly MovementPattern[];
    }
  | {
      readonly item: 'posture-resets';
      readonly ticked: boolean;
      /** Days with POSTURE_RESETS_PER_DAY or more resets seen. */
      readonly days: readonly string[];
    };

export interface ChecklistEntry {
  readonly id: ChecklistItemId;
  /** What the app saw, for the items it can see; null for hand-only items. */
  readonly evidence: Evidence | null;
  /** The person's own tick, if any. */
  readonly byHand: boolean;
  /** Ticked by the app or by hand. */
  readonly done: boolean;
}

function patternsTrained(sessions: readonly WorkoutSession[], from: string, to: string) {
  const patterns = new Set<MovementPattern>();
  for (const session of sessions) {
    const day = localDayOf(session.startedAt);
    if (day < from || day >= to || workSets(session).length === 0) continue;
    const pattern = isExerciseId(session.exercise) ? MOVEMENT_PATTERNS[session.exercise] : null;
    if (pattern) patterns.add(pattern);
  }
  return [...patterns].sort();
}

/** Posture resets seen per day: wall-posture workouts with work in them, and posture snapshots. */
function resetDays(
  sessions: readonly WorkoutSession[],
  snapshots: readonly PostureSnapshot[],
  from: string,
  to: string,
): string[] {
  const perDay = new Map<string, number>();
  const count = (day: string): void => {
    if (day >= from && day < to) perDay.set(day, (perDay.get(day) ?? 0) + 1);
  };
  for (const session of sessions) {
    if (session.exercise === POSTURE_RESET.exercise && workSets(session).length > 0)
      count(localDayOf(session.startedAt));
  }
  for (const snapshot of snapshots) count(localDayOf(snapshot.takenAt));
  return [...perDay]
    .filter(([, resets]) => resets >= POSTURE_RESETS_PER_DAY)
    .map(([day]) => day)
    .sort();
}

/** What the app saw this week (Monday `weekStart` to Sunday). */
export function checklistEvidence(
  weekStart: string,
  sessions: readonly WorkoutSession[],
  snapshots: readonly PostureSnapshot[],
): readonly Evidence[] {
  const weekEnd = addDays(weekStart, 7);
  const days = trainingDays(sessions, weekStart, weekEnd);
  const patterns = patternsTrained(sessions, weekStart, weekEnd);
  const resets = resetDays(sessions, snapshots, weekStart, weekEnd);
  return [
    { item: 'sessions', ticked: days.length >= MIN_SESSIONS_TO_PASS_WEEK, days },
    {
      item: 'movement-patterns',
      ticked: patterns.length >= MIN_MOVEMENT_PATTERNS_PER_WEEK,
      patterns,
    },
    { item: 'posture-resets', ticked: resets.length >= POSTURE_RESET_DAYS_PER_WEEK, days: resets },
  ];
}

function entryOf(id: ChecklistItemId, evidence: Evidence | null, byHand: boolean): ChecklistEntry {
  return { id, evidence, byHand, done: byHand || (evidence?.ticked ?? false) };
}

/** The checklist with one hand tick changed, shown while it is being saved. */
export function withHandTick(
  entries: readonly ChecklistEntry[],
  id: ChecklistItemId,
  done: boolean,
): readonly ChecklistEntry[] {
  return entries.map((entry) => (entry.id === id ? entryOf(id, entry.evidence, done) : entry));
}

/** The week's checklist: the app's evidence merged with the person's stored ticks. */
export function weeklyChecklist(
  weekStart: string,
  sessions: readonly WorkoutSession[],
  snapshots: readonly PostureSnapshot[],
  stored: ChecklistWeek | undefined,
): readonly ChecklistEntry[] {
  const evidence = checklistEvidence(weekStart, sessions, snapshots);
  return CHECKLIST_ITEM_IDS.map((id) => {
    const seen = evidence.find((e) => e.item === id) ?? null;
    const item: ChecklistItem | undefined = stored?.items[id];
    return entryOf(id, seen, item?.by === 'person' && item.done);
  });
}
