/** The spreadsheet exports: one row per rep or set, one per posture snapshot (RFC 4180 CSV). */
import type { PostureSnapshot, ReplayRecord, SetRecord, WorkoutSession } from './schema';

const CSV_LINE_END = '\r\n'; // RFC 4180

/**
 * A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) is
 * prefixed with `'`; only text cells, so negative numbers stay numbers. Then RFC 4180 quoting.
 */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvTable(
  header: readonly string[],
  rows: readonly (readonly (string | number | null)[])[],
): string {
  return (
    [header, ...rows].map((row) => row.map(csvCell).join(',')).join(CSV_LINE_END) + CSV_LINE_END
  );
}

export const SESSION_CSV_HEADER = [
  'session_id',
  'session_started_at',
  'exercise',
  'strictness',
  'set_index',
  'set_started_at',
  'set_ended_at',
  'set_hold_seconds',
  'set_good_form_share',
  'set_hold_left_seconds',
  'set_hold_right_seconds',
  'set_fault_seconds',
  'rep_index',
  'side',
  'start_ms',
  'end_ms',
  'faults',
  'range_min_deg',
  'range_max_deg',
  'tempo_lower_ms',
  'tempo_pause_ms',
  'tempo_lift_ms',
  'lowest_hip_angle_deg',
  'lumbar_curve_deg',
  'upper_back_curve_deg',
  'squat_depth_thigh_deg',
] as const;

/** "plank.hips-sagging:12.3;plank.hips-piked:0.8", or empty where not recorded. */
function faultSecondsCell(seconds: SetRecord['faultSeconds']): string | null {
  if (seconds === undefined) return null;
  return Object.entries(seconds)
    .map(([fault, s]) => `${fault}:${String(s)}`)
    .join(';');
}

/**
 * One row per rep. A set with no reps (a hold) still gets one row, with the rep columns empty, so
 * holds are not lost from the table. Faults are joined with `;`. A rep's tempo (ms down, paused,
 * up) and a set's seconds held on each side are empty where not measured.
 */
export function toCsv(sessions: readonly WorkoutSession[]): string {
  const rows: (string | number | null)[][] = [];
  for (const session of sessions) {
    for (const set of session.sets) {
      const setCells = [
        session.id,
        session.startedAt,
        session.exercise,
        session.strictness,
        set.index,
        set.startedAt,
        set.endedAt,
        set.holdSeconds,
        set.goodFormShare,
        set.sideHoldSeconds?.left ?? null,
        set.sideHoldSeconds?.right ?? null,
        faultSecondsCell(set.faultSeconds),
      ];
      const repColumns = SESSION_CSV_HEADER.length - setCells.length;
      if (set.reps.length === 0) rows.push([...setCells, ...Array<null>(repColumns).fill(null)]);
      set.reps.forEach((rep, repIndex) => {
        rows.push([
          ...setCells,
          repIndex,
          rep.side,
          rep.startMs,
          rep.endMs,
          rep.faults.join(';'),
          rep.rangeOfMotion.min,
          rep.rangeOfMotion.max,
          rep.tempo?.lowerMs ?? null,
          rep.tempo?.pauseMs ?? null,
          rep.tempo?.liftMs ?? null,
          rep.measures?.hipAngleDeg ?? null,
          rep.measures?.backRoundingDeg ?? null,
          rep.measures?.upperBackRoundingDeg ?? null,
          rep.measures?.repBottomThighDeg ?? null,
        ]);
      });
    }
  }
  return csvTable(SESSION_CSV_HEADER, rows);
}

export const SNAPSHOT_CSV_HEADER = [
  'snapshot_id',
  'taken_at',
  'source',
  'view',
  'faults',
  'metric',
  'value',
] as const;

/** One row per snapshot metric (long format, since each check reports its own metrics). */
export function snapshotsToCsv(snapshots: readonly PostureSnapshot[]): string {
  const rows: (string | number | null)[][] = [];
  for (const snap of snapshots) {
    const cells = [snap.id, snap.takenAt, snap.source, snap.view, snap.faults.join(';')];
    const metrics = Object.entries(snap.metrics).sort(([a], [b]) => a.localeCompare(b));
    if (metrics.length === 0) rows.push([...cells, null, null]);
    for (const [name, value] of metrics) rows.push([...cells, name, value]);
  }
  return csvTable(SNAPSHOT_CSV_HEADER, rows);
}

export const TIMELINE_CSV_HEADER = [
  'session_id',
  'set_index',
  'exercise',
  'recorded_at',
  'set_ms',
  'kind',
  'fault',
  'side',
  'start_ms',
  'end_ms',
] as const;

/**
 * The fault timelines of the replayed sets: one row per fault cued ('fault') or not judged
 * ('unsure') and per rep ('rep', its faults joined with `;`), on the set's counting clock (ms).
 * The skeletons stay in the JSON backup.
 */
export function replaysToCsv(replays: readonly ReplayRecord[]): string {
  const rows: (string | number | null)[][] = [];
  for (const replay of replays) {
    const cells = [
      replay.sessionId,
      replay.setIndex,
      replay.exercise,
      replay.recordedAt,
      replay.durationMs,
    ];
    for (const span of replay.spans) {
      rows.push([...cells, span.kind, span.fault, null, span.startMs, span.endMs]);
    }
    for (const rep of replay.reps) {
      rows.push([...cells, 'rep', rep.faults.join(';'), rep.side, rep.startMs, rep.endMs]);
    }
  }
  return csvTable(TIMELINE_CSV_HEADER, rows);
}
