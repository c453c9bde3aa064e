/**
 * Calendar days as `YYYY-MM-DD` strings in the person's local time (how storage keeps programme
 * and checklist dates). Arithmetic runs on UTC midnights, so a daylight-saving change never makes
 * a day 23 or 25 hours long. Pure.
 */

const MS_PER_DAY = 24 * 60 * 60 * 1000;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** The local calendar day of a moment. */
export function localDay(moment: Date): string {
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1, 2)}-${pad(moment.getDate(), 2)}`;
}

/** The local calendar day of an ISO date-time as storage writes them (UTC). */
export function localDayOf(isoDateTime: string): string {
  return localDay(new Date(isoDateTime));
}

function utcMidnight(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`);
}

export function addDays(day: string, days: number): string {
  return new Date(utcMidnight(day) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(day: string): number {
  return (new Date(utcMidnight(day)).getUTCDay() + 6) % 7;
}

/** The Monday on or before `day`: checklist weeks run Monday to Sunday. */
export function mondayOf(day: string): string {
  return addDays(day, -weekdayIndex(day));
}
