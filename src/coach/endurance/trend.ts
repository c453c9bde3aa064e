/**
 * The endurance tests week by week, for History and the physiotherapist's report: each week's
 * longest hold per test and the ratios between them. Pure.
 */
import type { EnduranceRecord } from '../../storage';
import { weekStartOf } from '../history/weekly';
import type { EnduranceTestId, HoldTimes, RatioReading } from './battery';
import { ENDURANCE_TESTS, ratiosOf } from './battery';

export interface EnduranceWeek {
  /** The week's Monday, YYYY-MM-DD (local time). */
  readonly weekStart: string;
  /** The longest good-form hold of each test done that week, seconds. */
  readonly best: HoldTimes;
  readonly ratios: readonly RatioReading[];
}

function isTest(id: string): id is EnduranceTestId {
  return (ENDURANCE_TESTS as readonly string[]).includes(id);
}

/** Weeks with at least one test, oldest first. A record of an unknown test is left out. */
export function enduranceWeeks(records: readonly EnduranceRecord[]): readonly EnduranceWeek[] {
  const weeks = new Map<string, Partial<Record<EnduranceTestId, number>>>();
  for (const record of records) {
    if (!isTest(record.test)) continue;
    const week = weekStartOf(record.takenAt);
    const best = weeks.get(week) ?? {};
    best[record.test] = Math.max(best[record.test] ?? 0, record.heldSeconds);
    weeks.set(week, best);
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, best]) => ({ weekStart, best, ratios: ratiosOf(best) }));
}
