/**
 * The set's replay, recorded as it is counted (issue #16): the smoothed skeleton the overlay draws
 * (its joints only) about 10 times a second, in thousandths of the frame; the back's outline where
 * the checker read it; the reps; and when each fault was cued or could not be judged. Numbers
 * only: no picture is kept. Pure: the workout steps it with each counted frame.
 *
 * Its clock is the set's counting time (a pause is left out), like the hold's seconds. The size
 * stays under the storage budget (`REPLAY_BUDGET_CHARS`) however long the set: past
 * `MAX_REPLAY_FRAMES` every other frame is dropped and frames are kept half as often.
 */
import { LANDMARK_INDEX, SKELETON_BONES, type LandmarkName } from '../../pose/landmarks';
import type { ImageSize, Pose } from '../../pose/pose';
import type { Evidence, FaultId } from '../../pose/exercises/types';
import type { Rep } from '../../pose/reps/rep-counter';
import {
  MAX_REPLAY_FRAMES,
  MAX_REPLAY_OUTLINE_POINTS,
  MAX_REPLAY_REPS,
  MAX_REPLAY_SPANS,
  type ReplayFrame,
  type ReplayJoint,
  type ReplayRep,
  type ReplaySpan,
  type ReplayTrack,
  type ReplayXY,
} from '../../storage';

/** A frame kept every 100 ms at first: 10 a second follows a rep's shape (about 2-3 s each). */
export const REPLAY_FRAME_MS = 100;
/** Coordinates are kept in thousandths of the frame's width and height. */
const REPLAY_SCALE = 1000;

/** The joints the skeleton draws (its bones' ends), in the order they are kept. */
export const REPLAY_JOINTS: readonly LandmarkName[] = [...new Set(SKELETON_BONES.flat())];

interface OpenSpan {
  readonly kind: ReplaySpan['kind'];
  readonly fault: FaultId;
  readonly startMs: number;
}

export interface ReplayRecording {
  readonly exercise: string;
  readonly imageSize: ImageSize | null;
  /** Counting time so far, ms: the replay's clock. */
  readonly clockMs: number;
  /** Frame time of the last counted frame; null at the start and after a pause. */
  readonly lastFrameMs: number | null;
  /** A frame is kept once this much replay time has passed since the last one kept. */
  readonly frameStepMs: number;
  readonly frames: readonly ReplayFrame[];
  readonly reps: readonly ReplayRep[];
  readonly spans: readonly ReplaySpan[];
  readonly open: readonly OpenSpan[];
}

export function startRecording(exercise: string): ReplayRecording {
  return {
    exercise,
    imageSize: null,
    clockMs: 0,
    lastFrameMs: null,
    frameStepMs: REPLAY_FRAME_MS,
    frames: [],
    reps: [],
    spans: [],
    open: [],
  };
}

/** A pause: the time until the set counts again is not part of the replay. */
export function breakRecording(recording: ReplayRecording): ReplayRecording {
  return { ...recording, lastFrameMs: null };
}

/** What one counted frame brings to the replay. */
export interface RecordedFrame {
  readonly tMs: number;
  readonly imageSize: ImageSize | null;
  /** The smoothed pose the overlay draws; null when nobody was seen. */
  readonly pose: Pose | null;
  readonly evidence: readonly Evidence[];
  /** The faults cued this frame (after the hover rule: workout.ts). */
  readonly faults: readonly FaultId[];
  /** The faults the screen says it cannot judge now. */
  readonly unsure: readonly FaultId[];
  readonly repDone: Rep<FaultId> | null;
}

function thousandths(value: number, size: number): number {
  return Math.round((value / size) * REPLAY_SCALE);
}

function jointsOf(pose: Pose | null, size: ImageSize): (ReplayJoint | null)[] {
  return REPLAY_JOINTS.map((name) => {
    const point = pose?.landmarks[LANDMARK_INDEX[name]] ?? null;
    if (!point) return null;
    return {
      x: thousandths(point.x, size.width),
      y: thousandths(point.y, size.height),
      visibility: point.visibility,
    };
  });
}

/**
 * The back's outline as the checker read it (the line drawn through points of the silhouette:
 * back-outline.ts), thinned to `MAX_REPLAY_OUTLINE_POINTS` evenly spaced points, ends kept.
 */
function outlineOf(evidence: readonly Evidence[], size: ImageSize): ReplayXY[] {
  const curve = evidence.find((item) => item.kind === 'line' && (item.via?.length ?? 0) > 0);
  if (curve?.kind !== 'line') return [];
  const points = [curve.from, ...(curve.via ?? []), curve.to];
  const count = Math.min(MAX_REPLAY_OUTLINE_POINTS, points.length);
  return Array.from({ length: count }, (_, i) => {
    const point = points[Math.round((i * (points.length - 1)) / (count - 1))] ?? curve.to;
    return { x: thousandths(point.x, size.width), y: thousandths(point.y, size.height) };
  });
}

/** Every other frame, when the set outgrows `MAX_REPLAY_FRAMES`: a long hold kept at half rate. */
function thinned(recording: ReplayRecording): ReplayRecording {
  if (recording.frames.length <= MAX_REPLAY_FRAMES) return recording;
  return {
    ...recording,
    frames: recording.frames.filter((_, i) => i % 2 === 0),
    frameStepMs: recording.frameStepMs * 2,
  };
}

/** Closes the spans whose fault is no longer wanted and opens those newly wanted. */
function stepSpans(
  recording: ReplayRecording,
  wanted: readonly { readonly kind: ReplaySpan['kind']; readonly fault: FaultId }[],
): Pick<ReplayRecording, 'spans' | 'open'> {
  const atMs = Math.round(recording.clockMs);
  const isWanted = (span: OpenSpan): boolean =>
    wanted.some((w) => w.kind === span.kind && w.fault === span.fault);
  const closing = recording.open.filter((span) => !isWanted(span));
  const spans = [
    ...recording.spans,
    ...closing.map(({ kind, fault, startMs }) => ({ kind, fault, startMs, endMs: atMs })),
  ].slice(0, MAX_REPLAY_SPANS);
  const open = recording.open.filter(isWanted);
  const room = MAX_REPLAY_SPANS - spans.length - open.length;
  const opening = wanted
    .filter((w) => !open.some((span) => span.kind === w.kind && span.fault === w.fault))
    .slice(0, Math.max(0, room))
    .map((w) => ({ ...w, startMs: atMs }));
  return { spans, open: [...open, ...opening] };
}

/** One counted frame. */
export function stepRecording(recording: ReplayRecording, frame: RecordedFrame): ReplayRecording {
  const clockMs =
    recording.lastFrameMs === null
      ? recording.clockMs
      : recording.clockMs + Math.max(0, frame.tMs - recording.lastFrameMs);
  const imageSize = recording.imageSize ?? frame.imageSize;
  let next: ReplayRecording = { ...recording, clockMs, lastFrameMs: frame.tMs, imageSize };
  const last = recording.frames.at(-1);
  if (imageSize && (last === undefined || clockMs - last.tMs >= recording.frameStepMs)) {
    const kept: ReplayFrame = {
      tMs: Math.round(clockMs),
      joints: jointsOf(frame.pose, imageSize),
      outline: outlineOf(frame.evidence, imageSize),
    };
    next = thinned({ ...next, frames: [...recording.frames, kept] });
  }
  const rep = frame.repDone;
  if (rep && recording.reps.length < MAX_REPLAY_REPS) {
    const endMs = Math.round(clockMs);
    const startMs = Math.max(0, endMs - Math.round(rep.endMs - rep.startMs));
    next = {
      ...next,
      reps: [...next.reps, { startMs, endMs, side: rep.side, faults: [...rep.faults] }],
    };
  }
  const wanted = [
    ...frame.faults.map((fault) => ({ kind: 'fault' as const, fault })),
    ...frame.unsure
      .filter((fault) => !frame.faults.includes(fault))
      .map((fault) => ({ kind: 'unsure' as const, fault })),
  ];
  return { ...next, ...stepSpans(next, wanted) };
}

/** The finished set's track, or null when no frame was kept (a set ended before it counted). */
export function finishRecording(recording: ReplayRecording): ReplayTrack | null {
  const { imageSize, frames, clockMs } = recording;
  if (!imageSize || frames.length === 0) return null;
  const closed = stepSpans(recording, []);
  return {
    exercise: recording.exercise,
    imageSize,
    durationMs: Math.round(clockMs),
    joints: REPLAY_JOINTS,
    frames,
    reps: recording.reps,
    spans: closed.spans,
  };
}

/** Seconds each fault was cued in a track (its 'fault' spans), to a tenth of a second. */
export function faultSecondsOf(track: ReplayTrack): Record<string, number> {
  const ms: Record<string, number> = {};
  for (const span of track.spans) {
    if (span.kind === 'fault') ms[span.fault] = (ms[span.fault] ?? 0) + span.endMs - span.startMs;
  }
  return Object.fromEntries(
    Object.entries(ms).map(([fault, total]) => [fault, Math.round(total / 100) / 10]),
  );
}
