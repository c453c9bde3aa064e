/**
 * What a set's replay shows (src/ui/components/ReplayView.tsx), as plain data: the skeleton and back
 * outline at a moment in image pixels (the skeleton drawer's unit), the faults cued then, and the
 * timeline's spans and rep marks as shares of the set. Pure.
 */
import { LANDMARK_COUNT, LANDMARK_INDEX, type LandmarkName } from '../../pose/landmarks';
import { LANDMARK_NAMES } from '../../pose/landmarks';
import type { ImageLandmark, Pose } from '../../pose/pose';
import type { ReplayFrame, ReplaySpan, ReplayTrack } from '../../storage';
import {
  replayClockText,
  replayFaultLabel,
  replayMomentText,
  replayRepText,
} from '../../content/replay';

/** Replayed coordinates are thousandths of the frame (replay.ts). */
const PER_FRAME = 1000;

export interface ReplayMoment {
  readonly tMs: number;
  /** The skeleton to draw, in the camera frame's pixels; null before the first frame. */
  readonly pose: Pose | null;
  /** The back's outline as read then, in the frame's pixels (empty where it was not read). */
  readonly outline: readonly { readonly x: number; readonly y: number }[];
  readonly faults: readonly string[];
  readonly unsure: readonly string[];
  /** The fault named under the picture, or that none was cued. */
  readonly text: string;
  /** "0:03.2 / 0:19.3". */
  readonly clock: string;
  /** Where the moment sits along the set, 0-100 (the timeline's cursor). */
  readonly atPercent: number;
}

/** The last frame at or before `tMs` (frames are in time order). */
function frameAt(frames: readonly ReplayFrame[], tMs: number): ReplayFrame | null {
  let low = 0;
  let high = frames.length - 1;
  let found: ReplayFrame | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const frame = frames[middle];
    if (frame === undefined) break;
    if (frame.tMs <= tMs) {
      found = frame;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found ?? frames[0] ?? null;
}

function isLandmarkName(name: string): name is LandmarkName {
  return (LANDMARK_NAMES as readonly string[]).includes(name);
}

function poseOf(track: ReplayTrack, frame: ReplayFrame): Pose {
  const { width, height } = track.imageSize;
  const landmarks: (ImageLandmark | null)[] = Array<ImageLandmark | null>(LANDMARK_COUNT).fill(
    null,
  );
  track.joints.forEach((name, i) => {
    const joint = frame.joints[i];
    if (!joint || !isLandmarkName(name)) return;
    landmarks[LANDMARK_INDEX[name]] = {
      x: (joint.x / PER_FRAME) * width,
      y: (joint.y / PER_FRAME) * height,
      z: null,
      visibility: joint.visibility,
    };
  });
  return { landmarks, worldLandmarks: null, score: 1 };
}

function spansAt(spans: readonly ReplaySpan[], kind: ReplaySpan['kind'], tMs: number): string[] {
  const faults = spans
    .filter((s) => s.kind === kind && s.startMs <= tMs && tMs < s.endMs)
    .map((s) => s.fault);
  return [...new Set(faults)];
}

export function replayMoment(track: ReplayTrack, tMs: number): ReplayMoment {
  const frame = frameAt(track.frames, tMs);
  const { width, height } = track.imageSize;
  const faults = spansAt(track.spans, 'fault', tMs);
  const unsure = spansAt(track.spans, 'unsure', tMs).filter((f) => !faults.includes(f));
  return {
    tMs,
    pose: frame ? poseOf(track, frame) : null,
    outline: (frame?.outline ?? []).map((p) => ({
      x: (p.x / PER_FRAME) * width,
      y: (p.y / PER_FRAME) * height,
    })),
    faults,
    unsure,
    text: replayMomentText(faults, unsure),
    clock: `${replayClockText(tMs)} / ${replayClockText(track.durationMs)}`,
    atPercent: (100 * Math.min(tMs, track.durationMs)) / Math.max(1, track.durationMs),
  };
}

/** A stretch of the timeline, placed as percentages of the set's length. */
export interface TimelineMark {
  readonly leftPercent: number;
  readonly widthPercent: number;
  readonly startMs: number;
  readonly endMs: number;
}

export interface TimelineRow {
  readonly fault: string;
  readonly label: string;
  readonly spans: readonly (TimelineMark & { readonly kind: ReplaySpan['kind'] })[];
}

export interface ReplayTimeline {
  /** One row per fault, in the order first seen. */
  readonly rows: readonly TimelineRow[];
  readonly reps: readonly (TimelineMark & { readonly text: string })[];
}

export function replayTimeline(track: ReplayTrack): ReplayTimeline {
  const length = Math.max(1, track.durationMs);
  const mark = (startMs: number, endMs: number): TimelineMark => ({
    leftPercent: (100 * startMs) / length,
    widthPercent: (100 * Math.max(0, endMs - startMs)) / length,
    startMs,
    endMs,
  });
  const faults = [...new Set(track.spans.map((s) => s.fault))];
  return {
    rows: faults.map((fault) => ({
      fault,
      label: replayFaultLabel(fault),
      spans: track.spans
        .filter((s) => s.fault === fault)
        .map((s) => ({ ...mark(s.startMs, s.endMs), kind: s.kind })),
    })),
    reps: track.reps.map((rep, i) => ({
      ...mark(rep.startMs, rep.endMs),
      text: replayRepText(i, rep.side),
    })),
  };
}
