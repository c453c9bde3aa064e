/** Two posture snapshots side by side: each number, its change, and whether that is better. Pure. */
import type { PostureMeasureId } from '../../pose/posture-measures';
import { POSTURE_MEASURE_IDS, POSTURE_MEASURES } from '../../pose/posture-measures';
import type { PostureSnapshot } from '../../storage';

export type ChangeVerdict = 'better' | 'worse' | 'same' | 'not-comparable';

export interface ComparisonRow {
  readonly measure: PostureMeasureId;
  readonly before: number | null;
  readonly after: number | null;
  /** After minus before, in the measure's unit; null unless both were measured. */
  readonly change: number | null;
  readonly verdict: ChangeVerdict;
}

function measured(snapshot: PostureSnapshot, id: PostureMeasureId): number | null {
  const value = snapshot.metrics[id];
  return value !== undefined && Number.isFinite(value) ? value : null;
}

/**
 * Compares two snapshots, the earlier one first whatever order they were picked in. Every measure
 * aims at 0 (on the plumb line, level, upright), so a smaller distance from 0 is better; a change
 * within the measure's error (`minimalChange`) is "about the same". A measure taken in only one of
 * them (a side view against a front view) is listed but not judged.
 */
export function compareSnapshots(
  a: PostureSnapshot,
  b: PostureSnapshot,
): { readonly earlier: PostureSnapshot; readonly later: PostureSnapshot; rows: ComparisonRow[] } {
  const [earlier, later] = a.takenAt <= b.takenAt ? [a, b] : [b, a];
  const rows: ComparisonRow[] = [];
  for (const measure of POSTURE_MEASURE_IDS) {
    const before = measured(earlier, measure);
    const after = measured(later, measure);
    if (before === null && after === null) continue;
    if (before === null || after === null) {
      rows.push({ measure, before, after, change: null, verdict: 'not-comparable' });
      continue;
    }
    const gain = Math.abs(before) - Math.abs(after);
    const verdict: ChangeVerdict =
      Math.abs(gain) < POSTURE_MEASURES[measure].minimalChange
        ? 'same'
        : gain > 0
          ? 'better'
          : 'worse';
    rows.push({ measure, before, after, change: after - before, verdict });
  }
  return { earlier, later, rows };
}
