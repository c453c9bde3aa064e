import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay, mondayOf, weekdayIndex } from './dates';

describe('calendar days', () => {
  it('reads the local day of a moment, not its UTC day', () => {
    expect(localDay(new Date(2025, 2, 30, 23, 59))).toBe('2025-03-30');
    expect(localDay(new Date(2025, 0, 1, 0, 0))).toBe('2025-01-01');
  });

  it('adds whole days across month ends and daylight-saving changes', () => {
    expect(addDays('2025-03-29', 2)).toBe('2025-03-31');
    expect(addDays('2025-02-27', 2)).toBe('2025-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(daysBetween('2025-03-29', '2025-04-05')).toBe(7);
    expect(daysBetween('2025-04-05', '2025-03-29')).toBe(-7);
  });

  it('starts checklist weeks on Monday', () => {
    expect(weekdayIndex('2025-03-03')).toBe(0);
    expect(mondayOf('2025-03-09')).toBe('2025-03-03');
    expect(mondayOf('2025-03-03')).toBe('2025-03-03');
    expect(mondayOf('2025-03-01')).toBe('2025-02-24');
  });
});
