/**
 * When to remind the person to reset their posture and to get up and move. Pure: the clock is
 * passed in (epoch ms, and the local time of day in minutes), so Node tests run on a fake clock;
 * useReminders owns the timers.
 *
 * From the seeds (docs/seeds.md, seed 000): the wall posture reset is repeated "every 2–3 hours,
 * especially after prolonged sitting", and "avoid prolonged static positions (sit/stand >30 mins
 * without moving)" (one reader of it walked "every 45 minutes").
 */

export type ReminderKind = 'posture' | 'movement';

export interface MinuteRange {
  readonly min: number;
  readonly max: number;
}

/** Minutes between posture resets: "repeat every 2–3 hours" (docs/seeds.md, seed 000). */
export const POSTURE_EVERY_MIN: MinuteRange = { min: 120, max: 180 };
/** Minutes of sitting before a movement break: ">30 mins without moving", "every 45 minutes". */
export const MOVEMENT_EVERY_MIN: MinuteRange = { min: 30, max: 45 };
/** How long "Snooze" puts a reminder off, in minutes: less than the shortest interval. */
export const SNOOZE_MIN = 10;
/**
 * The longest wait between two looks at the clock, in ms. A timer set for hours may fire late
 * after the machine slept; looking every minute catches up within a minute of waking.
 */
export const MAX_TICK_WAIT_MS = 60_000;
export const MINUTES_PER_DAY = 24 * 60;
const MS_PER_MIN = 60_000;

export interface ReminderSettings {
  readonly enabled: boolean;
  readonly postureEveryMin: number;
  readonly movementEveryMin: number;
  readonly quietHours: boolean;
  /** Minutes after local midnight; quiet from `quietFromMin` up to `quietToMin`, maybe past midnight. */
  readonly quietFromMin: number;
  readonly quietToMin: number;
  /** Also as system notifications (when the browser allows them). */
  readonly systemNotifications: boolean;
}

/** Off until the person turns them on: an app should not start nagging on its own. */
export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  enabled: false,
  postureEveryMin: POSTURE_EVERY_MIN.min,
  movementEveryMin: MOVEMENT_EVERY_MIN.min,
  quietHours: true,
  quietFromMin: 21 * 60,
  quietToMin: 8 * 60,
  systemNotifications: false,
};

function minutesIn(value: unknown, range: MinuteRange, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(range.max, Math.max(range.min, Math.round(value)));
}

const DAY: MinuteRange = { min: 0, max: MINUTES_PER_DAY - 1 };

/** Stored reminder settings, field by field, with anything missing or odd set to its default. */
export function toReminderSettings(raw: unknown): ReminderSettings {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const d = DEFAULT_REMINDER_SETTINGS;
  return {
    enabled: r.enabled === true,
    postureEveryMin: minutesIn(r.postureEveryMin, POSTURE_EVERY_MIN, d.postureEveryMin),
    movementEveryMin: minutesIn(r.movementEveryMin, MOVEMENT_EVERY_MIN, d.movementEveryMin),
    quietHours: r.quietHours !== false,
    quietFromMin: minutesIn(r.quietFromMin, DAY, d.quietFromMin),
    quietToMin: minutesIn(r.quietToMin, DAY, d.quietToMin),
    systemNotifications: r.systemNotifications === true,
  };
}

/** Whether a local time of day (minutes after midnight) falls in the quiet hours. */
export function isQuiet(settings: ReminderSettings, minuteOfDay: number): boolean {
  if (!settings.quietHours || settings.quietFromMin === settings.quietToMin) return false;
  const { quietFromMin: from, quietToMin: to } = settings;
  // 21:00-08:00 spans midnight: quiet after the start or before the end.
  return from < to
    ? minuteOfDay >= from && minuteOfDay < to
    : minuteOfDay >= from || minuteOfDay < to;
}

interface ReminderClock {
  /** When this reminder's interval started: the last reminder, or the last time it was done. */
  readonly sinceMs: number;
  readonly snoozedUntilMs: number | null;
}

export type Schedule = Readonly<Record<ReminderKind, ReminderClock>>;

export function startSchedule(nowMs: number): Schedule {
  return {
    posture: { sinceMs: nowMs, snoozedUntilMs: null },
    movement: { sinceMs: nowMs, snoozedUntilMs: null },
  };
}

function intervalMs(settings: ReminderSettings, kind: ReminderKind): number {
  return (kind === 'posture' ? settings.postureEveryMin : settings.movementEveryMin) * MS_PER_MIN;
}

export function dueAtMs(
  schedule: Schedule,
  settings: ReminderSettings,
  kind: ReminderKind,
): number {
  const clock = schedule[kind];
  return clock.snoozedUntilMs ?? clock.sinceMs + intervalMs(settings, kind);
}

/**
 * Restarts a reminder's interval from now. A posture reset means standing up at a wall, so it
 * counts as a movement break too.
 */
export function markDone(schedule: Schedule, kind: ReminderKind, nowMs: number): Schedule {
  const restarted: ReminderClock = { sinceMs: nowMs, snoozedUntilMs: null };
  return kind === 'posture'
    ? { posture: restarted, movement: restarted }
    : { ...schedule, movement: restarted };
}

export function snooze(schedule: Schedule, kind: ReminderKind, nowMs: number): Schedule {
  return {
    ...schedule,
    [kind]: { ...schedule[kind], snoozedUntilMs: nowMs + SNOOZE_MIN * MS_PER_MIN },
  };
}

export interface TickInput {
  readonly nowMs: number;
  /** The local time of day at `nowMs`, in minutes after midnight. */
  readonly minuteOfDay: number;
  /** A workout is under way: the person is moving, and is not interrupted. */
  readonly busy: boolean;
}

export interface TickResult {
  readonly schedule: Schedule;
  /** The reminder to show now, if any: at most one, however long the clock was away. */
  readonly show: ReminderKind | null;
}

/**
 * Looks at the clock. Off, quiet hours and workouts restart the intervals (nobody is sitting at
 * the desk then), so nothing piles up for later. When both reminders are due, the posture reset
 * is shown: it is a movement break as well. A tab that slept for hours shows one reminder.
 */
export function tick(schedule: Schedule, settings: ReminderSettings, input: TickInput): TickResult {
  const { nowMs } = input;
  if (!settings.enabled || isQuiet(settings, input.minuteOfDay)) {
    return { schedule: startSchedule(nowMs), show: null };
  }
  if (input.busy) return { schedule: markDone(schedule, 'movement', nowMs), show: null };
  const due = (kind: ReminderKind): boolean => dueAtMs(schedule, settings, kind) <= nowMs;
  const show: ReminderKind | null = due('posture')
    ? 'posture'
    : due('movement')
      ? 'movement'
      : null;
  return { schedule: show ? markDone(schedule, show, nowMs) : schedule, show };
}

/** Where the clocks are kept between page loads (localStorage). */
export const SCHEDULE_KEY = 'plumbline.reminder-clocks.v1';

/**
 * A page gone for less than the shortest movement interval was reloaded or left for a moment: its
 * clocks go on. Gone longer, nobody knows whether the person sat meanwhile: they start afresh.
 */
export const RESUME_WITHIN_MS = MOVEMENT_EVERY_MIN.min * MS_PER_MIN;

/** The clocks as saved, with when: `savedAtMs` is refreshed at every look (once a minute). */
export function serialiseSchedule(schedule: Schedule, nowMs: number): string {
  return JSON.stringify({ ...schedule, savedAtMs: nowMs });
}

function timeIn(value: unknown, notAfterMs: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value <= notAfterMs ? value : null;
}

function toClock(raw: unknown, nowMs: number): ReminderClock | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const sinceMs = timeIn(r.sinceMs, nowMs);
  const snoozedUntilMs = r.snoozedUntilMs === null ? null : timeIn(r.snoozedUntilMs, Infinity);
  if (sinceMs === null || (r.snoozedUntilMs !== null && snoozedUntilMs === null)) return null;
  return { sinceMs, snoozedUntilMs };
}

function parsedJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The clocks to go on with after a page load: the saved ones when they were saved under
 * `RESUME_WITHIN_MS` ago, otherwise (or when missing, malformed or from the future) new ones.
 */
export function resumeSchedule(saved: string | null, nowMs: number): Schedule {
  const raw = parsedJson(saved);
  if (typeof raw !== 'object' || raw === null) return startSchedule(nowMs);
  const r = raw as Record<string, unknown>;
  const savedAtMs = timeIn(r.savedAtMs, nowMs);
  const posture = toClock(r.posture, nowMs);
  const movement = toClock(r.movement, nowMs);
  if (savedAtMs === null || nowMs - savedAtMs > RESUME_WITHIN_MS || !posture || !movement) {
    return startSchedule(nowMs);
  }
  return { posture, movement };
}

/**
 * How long to wait before looking at the clock again, in ms. A reminder still due after a look was
 * held back by a workout: it is looked at again in a minute (and at once when the workout ends).
 */
export function nextTickInMs(
  schedule: Schedule,
  settings: ReminderSettings,
  nowMs: number,
): number {
  const next = Math.min(
    dueAtMs(schedule, settings, 'posture'),
    dueAtMs(schedule, settings, 'movement'),
  );
  return next > nowMs ? Math.min(MAX_TICK_WAIT_MS, next - nowMs) : MAX_TICK_WAIT_MS;
}

/** The intervals the settings offer, every `stepMin` across a range. */
export function intervalChoices(range: MinuteRange, stepMin: number): number[] {
  const choices: number[] = [];
  for (let minutes = range.min; minutes <= range.max; minutes += stepMin) choices.push(minutes);
  return choices;
}

/** "21:00" for 1260, as an <input type="time"> shows it. */
export function clockText(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  return `${String(hours).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}

/** Minutes after midnight from "HH:MM" (seconds ignored), or null for anything else. */
export function parseClock(text: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}
