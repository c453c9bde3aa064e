import { useCallback, useEffect, useRef, useState } from 'react';
import { REMINDER_TEXT } from '../../content/reminders';
import {
  SCHEDULE_KEY,
  markDone,
  nextTickInMs,
  resumeSchedule,
  serialiseSchedule,
  snooze,
  tick,
} from '../../coach/reminders/schedule';
import type { ReminderKind, ReminderSettings, Schedule } from '../../coach/reminders/schedule';
import { readLocal, writeLocal } from './local-store';

/** Replaces an earlier reminder still on screen rather than stacking them. */
const NOTIFICATION_TAG = 'plumbline-reminder';
const NOTIFICATION_ICON = '/icons/icon-192.png';

function minuteOfDay(ms: number): number {
  const date = new Date(ms);
  return date.getHours() * 60 + date.getMinutes();
}

export type NotificationAccess = NotificationPermission | 'missing';

export function notificationAccess(): NotificationAccess {
  return 'Notification' in window ? Notification.permission : 'missing';
}

/** Asks the browser for system notifications: only ever from a button press. */
export async function askForNotifications(): Promise<NotificationAccess> {
  if (!('Notification' in window)) return 'missing';
  return Notification.requestPermission();
}

function notify(kind: ReminderKind): void {
  if (notificationAccess() !== 'granted') return;
  try {
    const notification = new Notification(REMINDER_TEXT[kind].title, {
      body: REMINDER_TEXT[kind].body,
      tag: NOTIFICATION_TAG,
      icon: NOTIFICATION_ICON,
    });
    notification.onclick = () => {
      window.focus();
      notification.close();
    };
  } catch {
    // Chrome on Android allows notifications from service workers only: the banner is enough.
  }
}

export interface Reminders {
  /** The reminder on screen, if any. */
  readonly showing: ReminderKind | null;
  readonly done: (kind: ReminderKind) => void;
  readonly snooze: (kind: ReminderKind) => void;
  readonly dismiss: () => void;
}

/** The clocks in use, or those a reload left (schedule.ts `resumeSchedule`). */
function currentSchedule(schedule: Schedule | null, nowMs: number): Schedule {
  return schedule ?? resumeSchedule(readLocal(SCHEDULE_KEY), nowMs);
}

/** Saves the clocks for the next page load, and passes them on. */
function saveClocks(schedule: Schedule, nowMs: number): Schedule {
  writeLocal(SCHEDULE_KEY, serialiseSchedule(schedule, nowMs));
  return schedule;
}

/**
 * Owns the reminder timers: looks at the clock when a reminder comes due (at least once a minute,
 * and whenever the tab comes back into view) and shows at most one reminder at a time. The clocks
 * are saved at every look, so a reload does not put the next reminder off.
 */
export function useReminders(settings: ReminderSettings, busy: boolean): Reminders {
  const [showing, setShowing] = useState<ReminderKind | null>(null);
  const schedule = useRef<Schedule | null>(null);

  useEffect(() => {
    let timer: number | undefined;
    const look = (): void => {
      window.clearTimeout(timer);
      const nowMs = Date.now();
      const result = tick(currentSchedule(schedule.current, nowMs), settings, {
        nowMs,
        minuteOfDay: minuteOfDay(nowMs),
        busy,
      });
      schedule.current = saveClocks(result.schedule, nowMs);
      if (result.show) {
        setShowing(result.show);
        if (settings.systemNotifications) notify(result.show);
      } else if (!settings.enabled) {
        // Turned off: a reminder left on screen is gone, and does not come back when turned on.
        setShowing(null);
      }
      timer = window.setTimeout(look, nextTickInMs(result.schedule, settings, nowMs));
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'visible') look();
    };
    look();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [settings, busy]);

  const change = useCallback((next: (current: Schedule, nowMs: number) => Schedule): void => {
    const nowMs = Date.now();
    schedule.current = saveClocks(next(currentSchedule(schedule.current, nowMs), nowMs), nowMs);
    setShowing(null);
  }, []);
  const done = useCallback(
    (kind: ReminderKind) => {
      change((current, nowMs) => markDone(current, kind, nowMs));
    },
    [change],
  );
  const snoozeReminder = useCallback(
    (kind: ReminderKind) => {
      change((current, nowMs) => snooze(current, kind, nowMs));
    },
    [change],
  );
  const dismiss = useCallback(() => {
    setShowing(null);
  }, []);
  return {
    showing,
    done,
    snooze: snoozeReminder,
    dismiss,
  };
}
