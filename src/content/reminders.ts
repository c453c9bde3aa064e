import type { ReminderKind } from '../coach/reminders/schedule';

/** What each reminder says; the posture reset is the wall routine of seed 000 (docs/seeds.md). */
export const REMINDER_TEXT: Readonly<Record<ReminderKind, { title: string; body: string }>> = {
  posture: {
    title: 'Time for a posture reset',
    body: 'Stand against a wall: heels, hips, shoulders and head touching, chin slightly back. Hold for 30 seconds.',
  },
  movement: {
    title: 'Time to move',
    body: 'You have been still for a while. Stand up, walk about and stretch for a few minutes.',
  },
};

export const REMINDER_BUTTONS = {
  doItNow: 'Do it now',
  snooze: (minutes: number) => `Snooze ${minutes} min`,
  dismiss: 'Dismiss',
};

export const REMINDER_SETTINGS_TEXT = {
  menu: 'Reminders',
  enabled: 'Remind me to reset my posture and to move',
  posture: 'Posture reset every',
  movement: 'Movement break after sitting for',
  quiet: 'Quiet hours',
  quietFrom: 'from',
  quietTo: 'to',
  notifications: 'Also as system notifications',
  notificationsBlocked:
    'Notifications are blocked for this site in the browser settings: reminders show in the page.',
  notificationsMissing: 'This browser has no system notifications: reminders show in the page.',
  note: 'Reminders come while Plumbline is open, in a tab or installed.',
};

export function intervalLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} hours`;
}
