import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_SETTINGS,
  MAX_TICK_WAIT_MS,
  MOVEMENT_EVERY_MIN,
  POSTURE_EVERY_MIN,
  RESUME_WITHIN_MS,
  clockText,
  intervalChoices,
  parseClock,
  isQuiet,
  markDone,
  nextTickInMs,
  resumeSchedule,
  serialiseSchedule,
  snooze,
  startSchedule,
  tick,
  toReminderSettings,
} from './schedule';
import type { ReminderKind, ReminderSettings, Schedule } from './schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** A fake clock that starts at 09:00 on some day; time of day follows epoch ms. */
const NINE_AM = 9 * HOUR;
const ON: ReminderSettings = {
  ...DEFAULT_REMINDER_SETTINGS,
  enabled: true,
  postureEveryMin: 120,
  movementEveryMin: 45,
};

function minuteOfDay(ms: number): number {
  return Math.floor(ms / MIN) % (24 * 60);
}

/** Runs the schedule like the hook does: a look every `stepMs`, collecting what is shown. */
function run(
  settings: ReminderSettings,
  fromMs: number,
  toMs: number,
  stepMs = MIN,
  start: Schedule = startSchedule(fromMs),
): { shown: [string, ReminderKind][]; schedule: Schedule } {
  let schedule = start;
  const shown: [string, ReminderKind][] = [];
  for (let now = fromMs; now <= toMs; now += stepMs) {
    const result = tick(schedule, settings, {
      nowMs: now,
      minuteOfDay: minuteOfDay(now),
      busy: false,
    });
    schedule = result.schedule;
    if (result.show) shown.push([clock(now), result.show]);
  }
  return { shown, schedule };
}

function clock(ms: number): string {
  return clockText(minuteOfDay(ms));
}

describe('reminder intervals', () => {
  it('asks for a movement break after 45 minutes and a posture reset after 2 hours', () => {
    const { shown } = run(ON, NINE_AM, NINE_AM + 2 * HOUR);
    expect(shown).toEqual([
      ['09:45', 'movement'],
      ['10:30', 'movement'],
      // 11:00: both due; the posture reset (standing at a wall) is the movement break too.
      ['11:00', 'posture'],
    ]);
  });

  it('follows the chosen intervals', () => {
    const { shown } = run(
      { ...ON, postureEveryMin: 180, movementEveryMin: 30 },
      NINE_AM,
      NINE_AM + 3 * HOUR,
    );
    expect(shown.filter(([, kind]) => kind === 'posture')).toEqual([['12:00', 'posture']]);
    expect(shown[0]).toEqual(['09:30', 'movement']);
  });

  it('shows nothing while off, and starts counting when turned on', () => {
    expect(run(DEFAULT_REMINDER_SETTINGS, NINE_AM, NINE_AM + 5 * HOUR).shown).toEqual([]);
    const off = run(DEFAULT_REMINDER_SETTINGS, NINE_AM, NINE_AM + 5 * HOUR).schedule;
    const { shown } = run(ON, NINE_AM + 5 * HOUR, NINE_AM + 6 * HOUR, MIN, off);
    expect(shown).toEqual([['14:45', 'movement']]);
  });
});

describe('quiet hours', () => {
  it('span midnight: 21:00 to 08:00 is quiet, 08:00 and 20:59 are not', () => {
    expect(isQuiet(ON, 21 * 60)).toBe(true);
    expect(isQuiet(ON, 23 * 60 + 59)).toBe(true);
    expect(isQuiet(ON, 0)).toBe(true);
    expect(isQuiet(ON, 7 * 60 + 59)).toBe(true);
    expect(isQuiet(ON, 8 * 60)).toBe(false);
    expect(isQuiet(ON, 20 * 60 + 59)).toBe(false);
  });

  it('within one day, and none when turned off or empty', () => {
    const lunch = { ...ON, quietFromMin: 12 * 60, quietToMin: 13 * 60 };
    expect(isQuiet(lunch, 12 * 60 + 30)).toBe(true);
    expect(isQuiet(lunch, 13 * 60)).toBe(false);
    expect(isQuiet({ ...ON, quietHours: false }, 23 * 60)).toBe(false);
    expect(isQuiet({ ...ON, quietFromMin: 600, quietToMin: 600 }, 600)).toBe(false);
  });

  it('show nothing overnight, and count the intervals again from the morning', () => {
    const evening = 20 * HOUR;
    const { shown } = run(ON, evening, evening + 13 * HOUR);
    // 20:45 before the quiet hours; nothing 21:00-08:00; then 45 minutes after the last quiet
    // minute (07:59), looked at once a minute.
    expect(shown).toEqual([
      ['20:45', 'movement'],
      ['08:44', 'movement'],
    ]);
  });
});

describe('snooze and "do it now"', () => {
  it('snooze brings the same reminder back ten minutes later', () => {
    const shownAt = NINE_AM + 45 * MIN;
    const first = tick(startSchedule(NINE_AM), ON, {
      nowMs: shownAt,
      minuteOfDay: minuteOfDay(shownAt),
      busy: false,
    });
    expect(first.show).toBe('movement');
    const snoozed = snooze(first.schedule, 'movement', shownAt);
    const { shown } = run(ON, shownAt + MIN, shownAt + 20 * MIN, MIN, snoozed);
    expect(shown).toEqual([['09:55', 'movement']]);
  });

  it('a posture reset done now restarts both intervals', () => {
    const done = markDone(startSchedule(NINE_AM), 'posture', NINE_AM + 40 * MIN);
    const { shown } = run(ON, NINE_AM + 41 * MIN, NINE_AM + 90 * MIN, MIN, done);
    expect(shown).toEqual([['10:25', 'movement']]);
  });

  it('a workout under way counts as moving and is not interrupted', () => {
    let schedule = startSchedule(NINE_AM);
    for (let now = NINE_AM; now <= NINE_AM + 60 * MIN; now += MIN) {
      const result = tick(schedule, ON, { nowMs: now, minuteOfDay: minuteOfDay(now), busy: true });
      expect(result.show).toBeNull();
      schedule = result.schedule;
    }
    const { shown } = run(ON, NINE_AM + 61 * MIN, NINE_AM + 110 * MIN, MIN, schedule);
    expect(shown).toEqual([['10:45', 'movement']]);
  });
});

describe('a tab that slept', () => {
  it('shows one reminder when it wakes hours later, not a backlog', () => {
    const start = startSchedule(NINE_AM);
    const wake = NINE_AM + 5 * HOUR;
    const result = tick(start, ON, { nowMs: wake, minuteOfDay: minuteOfDay(wake), busy: false });
    expect(result.show).toBe('posture');
    const { shown } = run(ON, wake + MIN, wake + 40 * MIN, MIN, result.schedule);
    expect(shown).toEqual([]);
  });

  it('looks at the clock at least once a minute, and when a reminder comes due', () => {
    const start = startSchedule(NINE_AM);
    expect(nextTickInMs(start, ON, NINE_AM)).toBe(MAX_TICK_WAIT_MS);
    expect(nextTickInMs(start, ON, NINE_AM + 44 * MIN + 30_000)).toBe(30_000);
    // Still due after a look (held by a workout): never a busy loop.
    expect(nextTickInMs(start, ON, NINE_AM + 5 * HOUR)).toBe(MAX_TICK_WAIT_MS);
  });
});

describe('a page reloaded', () => {
  it('goes on with the clocks it had: a reload does not put the next reminder off', () => {
    const snoozed = snooze(startSchedule(NINE_AM), 'posture', NINE_AM + 30 * MIN);
    const saved = serialiseSchedule(snoozed, NINE_AM + 31 * MIN);
    const reloaded = resumeSchedule(saved, NINE_AM + 32 * MIN);
    expect(reloaded).toEqual(snoozed);
    const { shown } = run(ON, NINE_AM + 32 * MIN, NINE_AM + 50 * MIN, MIN, reloaded);
    expect(shown).toEqual([['09:40', 'posture']]);
  });

  it('starts afresh after a longer absence, or from nothing usable', () => {
    const saved = serialiseSchedule(startSchedule(NINE_AM), NINE_AM);
    const later = NINE_AM + RESUME_WITHIN_MS + 1;
    expect(resumeSchedule(saved, later)).toEqual(startSchedule(later));
    const now = NINE_AM + MIN;
    for (const text of [
      null,
      'not json',
      '[]',
      JSON.stringify({ posture: { sinceMs: NINE_AM, snoozedUntilMs: null }, savedAtMs: NINE_AM }),
      JSON.stringify({ ...startSchedule(NINE_AM), savedAtMs: 'then' }),
      // Saved "in the future": a clock set back, not a reload.
      serialiseSchedule(startSchedule(NINE_AM), NINE_AM + HOUR),
      JSON.stringify({
        posture: { sinceMs: NINE_AM, snoozedUntilMs: 'soon' },
        movement: { sinceMs: NINE_AM, snoozedUntilMs: null },
        savedAtMs: NINE_AM,
      }),
    ]) {
      expect(resumeSchedule(text, now)).toEqual(startSchedule(now));
    }
  });
});

describe('stored reminder settings', () => {
  it('keep valid values and clamp intervals into the ranges from the seeds', () => {
    expect(
      toReminderSettings({
        enabled: true,
        postureEveryMin: 600,
        movementEveryMin: 5,
        quietHours: false,
        quietFromMin: 22 * 60,
        quietToMin: 7 * 60,
        systemNotifications: true,
      }),
    ).toEqual({
      enabled: true,
      postureEveryMin: 180,
      movementEveryMin: 30,
      quietHours: false,
      quietFromMin: 22 * 60,
      quietToMin: 7 * 60,
      systemNotifications: true,
    });
  });

  it('fall back to the defaults for anything missing or odd', () => {
    expect(toReminderSettings(undefined)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(toReminderSettings({ postureEveryMin: 'soon', quietToMin: Number.NaN })).toEqual(
      DEFAULT_REMINDER_SETTINGS,
    );
  });
});

describe('the settings form', () => {
  it('offers intervals only within the ranges', () => {
    expect(intervalChoices(POSTURE_EVERY_MIN, 30)).toEqual([120, 150, 180]);
    expect(intervalChoices(MOVEMENT_EVERY_MIN, 5)).toEqual([30, 35, 40, 45]);
  });

  it('reads and writes times of day as a time input does', () => {
    expect(clockText(21 * 60)).toBe('21:00');
    expect(clockText(8 * 60 + 5)).toBe('08:05');
    expect(parseClock('21:30')).toBe(21 * 60 + 30);
    expect(parseClock('07:15:00')).toBe(7 * 60 + 15);
    expect(parseClock('')).toBeNull();
    expect(parseClock('25:00')).toBeNull();
  });
});
