/**
 * The words of the Plan screen: the equipment question, the programme's weeks and items (with what
 * a substitute replaces), today's session, why a week was repeated, and the weekly checklist.
 * Sources are the seeds (docs/seeds.md, seeds 000 and 003); the programme and its rules' numbers
 * are in ./programme.ts, which src/coach/programme applies.
 */
import { PROGRAMME_WEEKS, type Equipment } from '../storage/schema';
import type { ChecklistEntry, ChecklistItemId } from '../coach/programme/checklist';
import type { WeekRun } from '../coach/programme/schedule';
import type { MovementPattern } from './exercises';
import { listWords } from './cues';
import {
  DAYS_PER_PROGRAMME_WEEK,
  MIN_GOOD_FORM_SHARE_TO_ADVANCE,
  MIN_SESSIONS_TO_PASS_WEEK,
  PAIN_RESUME_WEEK,
  PER_ARM,
  PER_SIDE,
  REST_SECONDS,
  SESSIONS_PER_WEEK_TARGET,
  type Dose,
  type NumberRange,
  type PlanEntry,
  type PlanMovement,
  type WeekFocus,
} from './programme';

/** "Wed 5 Mar" for a YYYY-MM-DD day. */
export function dayText(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

function percent(share: number): string {
  return `${String(Math.round(share * 100))}%`;
}

/** "a, b or c"; with a comma before the "or" from three on, as the last may hold an "or" itself. */
function orText(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' or ');
  return `${items.slice(0, -1).join(', ')}, or ${items.at(-1) ?? ''}`;
}

export const FOCUS_WORDING: Readonly<Record<WeekFocus, { title: string; about: string }>> = {
  foundation: {
    title: 'Foundation & form',
    about: 'Learn each movement slowly and with control; keep any weight light.',
  },
  resistance: {
    title: 'Adding resistance',
    about: 'Load comes in: start light and master the technique before you lift heavier.',
  },
  intensity: {
    title: 'Increasing intensity',
    about: 'Fewer reps with more weight: the last couple of reps should feel difficult.',
  },
  power: {
    title: 'Building power',
    about: 'Heavier swings and light deadlifts: if your form breaks down, drop the weight.',
  },
};

export const PLAN_WORDS = {
  title: 'Your 4-week plan',
  intro:
    'A 4-week programme from the guide this app is built on: two to three sessions a week with a rest day in between, building from foundation and form to power.',
  rules: [
    `Each week lasts ${String(DAYS_PER_PROGRAMME_WEEK)} days from its first day. Aim for ${String(SESSIONS_PER_WEEK_TARGET)} sessions, with at least one rest day between them.`,
    `A week with fewer than ${String(MIN_SESSIONS_TO_PASS_WEEK)} sessions is repeated, not skipped.`,
    `A week where less than ${percent(MIN_GOOD_FORM_SHARE_TO_ADVANCE)} of your work had good form is repeated: master the movement before adding more.`,
    `Sharp pain stops the programme. When you feel fine again it restarts at week ${String(PAIN_RESUME_WEEK)}, with the foundational movements.`,
  ],
  start: 'Start the programme today',
  restart: 'Restart from week 1',
  stop: 'Stop the programme',
  confirmStop: 'Stop the programme? Your workouts stay in History.',
  confirmRestart: 'Restart from week 1 today?',
  confirmYes: 'Yes',
  confirmNo: 'No',
  pause: 'Pause (holiday, busy week)',
  resume: 'Resume',
  resumeAfterPain: `I feel fine: resume at week ${String(PAIN_RESUME_WEEK)}`,
  startExercise: 'Start',
  doneToday: 'done today',
  loading: 'Loading your plan…',
  weeksTitle: 'Your weeks',
  overviewTitle: 'The four weeks, with your equipment',
  checklistTitle: 'Weekly checklist',
  storageFailed: 'Plumbline could not read or save your plan on this device.',
} as const;

export function weekHeading(week: number, focus: WeekFocus): string {
  return `Week ${String(week)} of ${String(PROGRAMME_WEEKS)}: ${FOCUS_WORDING[focus].title}`;
}

export function weekProgressText(run: WeekRun, dayOfRun: number): string {
  const sessions = run.sessionDays.length;
  return `Day ${String(dayOfRun)} of ${String(DAYS_PER_PROGRAMME_WEEK)} · ${String(sessions)} of ${String(SESSIONS_PER_WEEK_TARGET)} sessions done this week`;
}

export const TODAY_WORDS = {
  due: "Today's session",
  dueHint: 'Press Start on each exercise; the Workout tab opens with its sets ready.',
  done: "Today's session is done. Well done: rest tomorrow.",
  restTitle: 'Rest day',
  afterSession:
    'You trained yesterday. Muscles repair and grow stronger on rest days: a walk or gentle stretching helps.',
  weekComplete: `This week's ${String(SESSIONS_PER_WEEK_TARGET)} sessions are done. Rest, walk, stretch gently.`,
  recovery: 'Optional: the daily wall posture reset.',
  pausedTitle: 'Programme paused',
  paused: 'Resume when you are ready: the week you were on starts again from that day.',
  painTitle: 'Stopped for sharp pain',
  completeTitle: 'Programme complete',
  complete:
    'Most people feel less discomfort within 4 to 6 weeks, and real strength comes at 8 to 12 weeks: keep going with a new round.',
} as const;

export function nextSessionText(day: string): string {
  return `Next session: ${dayText(day)}.`;
}

function rangeText({ min, max }: NumberRange): string {
  return min === max ? String(min) : `${String(min)}–${String(max)}`;
}

/** "3 × 12–15 reps per side, rest 60–90 s" ("per arm" for the row), as the seed writes it. */
export function doseText(movement: PlanMovement, dose: Dose): string {
  const work =
    dose.kind === 'reps'
      ? `${rangeText(dose.reps)} reps${PER_ARM.has(movement) ? ' per arm' : PER_SIDE.has(movement) ? ' per side' : ''}`
      : `${rangeText(dose.seconds)} s`;
  return `${rangeText(dose.sets)} × ${work}, rest ${rangeText(REST_SECONDS)} s`;
}

/** "1 × 30 s hold": the rest-day posture reset, one at a time. */
export function postureResetText(holdSeconds: number): string {
  return `1 × ${String(holdSeconds)} s hold`;
}

const EQUIPMENT_NEEDED: Readonly<Record<Equipment, string>> = {
  dumbbells: 'a dumbbell',
  kettlebell: 'a kettlebell',
  barbell: 'a barbell',
  'band-or-cable': 'a band or cable',
};

/** "instead of the Romanian deadlift, which needs a dumbbell, a kettlebell or a barbell". */
export function insteadOfText(replaced: PlanEntry): string {
  const without = replaced.withoutEquipment;
  if (without === undefined) return '';
  const needs = without.needsText ?? orText(replaced.needs.map((kind) => EQUIPMENT_NEEDED[kind]));
  return `instead of ${without.insteadOf}, which needs ${needs}`;
}

export const EQUIPMENT_WORDS = {
  title: 'What do you train with?',
  hint: 'Tick all you have. Where you lack what an exercise needs, the plan gives a bodyweight move instead.',
  labels: {
    dumbbells: 'Dumbbells',
    kettlebell: 'A kettlebell',
    barbell: 'A barbell',
    'band-or-cable': 'A band or cable',
  } satisfies Readonly<Record<Equipment, string>>,
  nothing: 'Nothing ticked: bodyweight only.',
} as const;

export const ITEM_WORDS = {
  onYourOwn: 'On your own',
  onYourOwnHint:
    'The app cannot coach this one by camera yet: do it on your own, no record is kept.',
  extrasTitle: 'Optional extras',
  extrasHint: 'Functional movements from the holistic back guide, if you have time.',
} as const;

export function runOutcomeText(run: WeekRun): string {
  const sessions = run.sessionDays.length;
  switch (run.outcome) {
    case null:
      return 'under way';
    case 'passed':
      return `done: ${String(sessions)} sessions${run.goodFormShare === null ? '' : `, ${percent(run.goodFormShare)} good form`}`;
    case 'missed':
      return 'no session: repeated';
    case 'too-few':
      return `${String(sessions)} session (${String(MIN_SESSIONS_TO_PASS_WEEK)} needed): repeated`;
    case 'low-form':
      return `${percent(run.goodFormShare ?? 0)} good form (${percent(MIN_GOOD_FORM_SHARE_TO_ADVANCE)} needed): repeated`;
    case 'paused':
      return 'paused: restarted on resume';
    case 'pain':
      return `stopped for sharp pain: back to week ${String(PAIN_RESUME_WEEK)}`;
  }
}

export function runHeading(run: WeekRun): string {
  return `Week ${String(run.week)}, ${dayText(run.start)}`;
}

export const CHECKLIST_WORDING: Readonly<Record<ChecklistItemId, string>> = {
  sessions: `${String(MIN_SESSIONS_TO_PASS_WEEK)} to ${String(SESSIONS_PER_WEEK_TARGET)} back and core sessions, with a rest day between`,
  'movement-patterns': 'At least three different movement patterns this week',
  'posture-resets': 'Posture resets 3+ times a day',
  breathing: 'Diaphragmatic breathing for 5 minutes each night',
  'static-positions': 'No sitting or standing still for more than 30 minutes',
  'foam-roll': 'Foam roll your upper back 2–3 times this week',
  sleep: 'Sleep in a spine-neutral position with proper support',
  footwear: 'Check your shoes: worn-out shoes spoil your alignment',
};

const PATTERN_WORDING: Readonly<Record<MovementPattern, string>> = {
  'anti-extension': 'anti-extension (plank, dead bug)',
  'anti-rotation': 'anti-rotation (bird-dog, Pallof press)',
  'anti-lateral-flexion': 'side bracing (side plank)',
  'hip-extension': 'hip extension (glute bridge)',
  'back-extension': 'back extension (superman)',
  hinge: 'hip hinge (deadlift, Romanian deadlift, kettlebell swing)',
  squat: 'squat',
  pull: 'pull (row)',
  carry: "loaded carry (farmer's carry)",
};

/** Why an item is ticked by the app, or how far the app's count has got; null for hand items. */
export function evidenceText(entry: ChecklistEntry): string | null {
  const evidence = entry.evidence;
  if (evidence === null) return null;
  const prefix = evidence.ticked ? 'Ticked by the app: ' : 'The app has seen ';
  switch (evidence.item) {
    case 'sessions':
      return evidence.days.length === 0
        ? 'The app has seen no session yet this week.'
        : `${prefix}you train${evidence.ticked ? 'ed' : ''} on ${listWords(evidence.days.map(dayText))}.`;
    case 'movement-patterns':
      return evidence.patterns.length === 0
        ? 'The app has seen no movement pattern yet this week.'
        : `${prefix}${listWords(evidence.patterns.map((p) => PATTERN_WORDING[p]))}.`;
    case 'posture-resets':
      return evidence.days.length === 0
        ? 'The app counts wall posture resets and posture checks: none yet with 3 in a day.'
        : `${prefix}3+ resets on ${listWords(evidence.days.map(dayText))}.`;
  }
}

export function checklistWeekText(weekStart: string): string {
  return `Week of ${dayText(weekStart)}`;
}
