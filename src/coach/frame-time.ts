/**
 * When a live camera frame was taken, on the page's performance.now() clock: the time every check,
 * rep tempo and hold downstream reads (docs/models.md, "A frame's time"). The page grabs frames late
 * and unevenly when the machine is busy, so the time it grabbed a frame is not the camera's; the
 * browser's own record of the frame is used instead, and the grab time only where it has none.
 */

/**
 * What `requestVideoFrameCallback` said of a frame the video presented, in ms. Chromium gives
 * `captureTime` for camera (getUserMedia) frames, on the performance.now() clock, and a frame's
 * capture time less its media time stays the same through a stream (docs/models.md).
 */
export interface PresentedFrame {
  /** When the camera captured it; absent outside camera and WebRTC streams, and in some browsers. */
  readonly captureTimeMs?: number | undefined;
  /** When the browser handed it to the compositor: always given, a little after capture. */
  readonly presentationTimeMs: number;
  /** Its time in the stream (`mediaTime`, seconds in the API, ms here). */
  readonly mediaTimeMs: number;
}

/** A frame as sent to the engine: its time, and its media time when that told frames apart. */
export interface SentFrame {
  /** On the performance.now() clock, in ms. */
  readonly atMs: number;
  readonly mediaTimeMs: number | null;
  /** Where `atMs` came from: the camera's capture, the video's presentation, or the page's grab. */
  readonly from: 'capture' | 'presentation' | 'grab';
}

/** The frame about to be sent, as the page sees it. */
export interface GrabbedFrame {
  /**
   * A frame of the same stream the video presented (the latest one requestVideoFrameCallback
   * told of, not necessarily the grabbed one); null where that API is missing.
   */
  readonly presented: PresentedFrame | null;
  /** The grabbed frame's own media time (a VideoFrame's `timestamp`); null for a bitmap copy. */
  readonly mediaTimeMs: number | null;
  /** performance.now() at the grab. */
  readonly nowMs: number;
}

/**
 * A browser time older than this at the grab is taken to be on another clock and not used: the
 * fake camera's frames were 1-30 ms old when presented, and 230 ms old at most when grabbed after
 * main-thread stalls of 200 ms (docs/models.md); a whole second is no camera's delay.
 */
export const FRAME_TIME_MAX_AGE_MS = 1000;

function plausible(atMs: number | undefined, nowMs: number): atMs is number {
  return atMs !== undefined && atMs <= nowMs && nowMs - atMs <= FRAME_TIME_MAX_AGE_MS;
}

/**
 * The camera's capture time of the grabbed frame, from the presented frame's capture time and the
 * media time between the two; else its presentation time, alike; else (no
 * requestVideoFrameCallback, a bitmap copy, or times on another clock) the grab's own time, and
 * then its media time is not trusted to tell frames apart either.
 */
function frameTime({ presented, mediaTimeMs, nowMs }: GrabbedFrame): SentFrame {
  const grab: SentFrame = { atMs: nowMs, mediaTimeMs: null, from: 'grab' };
  if (!presented || mediaTimeMs === null) return grab;
  const sinceMs = mediaTimeMs - presented.mediaTimeMs;
  const captured =
    presented.captureTimeMs === undefined ? undefined : presented.captureTimeMs + sinceMs;
  if (plausible(captured, nowMs)) return { atMs: captured, mediaTimeMs, from: 'capture' };
  const shown = presented.presentationTimeMs + sinceMs;
  if (plausible(shown, nowMs)) return { atMs: shown, mediaTimeMs, from: 'presentation' };
  return grab;
}

/**
 * The grabbed frame's time, or null when it is a frame already sent (the video has shown nothing
 * new since): it must not be analysed again as if time had passed.
 */
export function sentFrameTime(grabbed: GrabbedFrame, last: SentFrame | null): SentFrame | null {
  const time = frameTime(grabbed);
  if (last === null) return time;
  // A stream's media time only goes forward: a frame not after the last sent one's is that frame.
  const sameFrame =
    time.mediaTimeMs !== null && last.mediaTimeMs !== null && time.mediaTimeMs <= last.mediaTimeMs;
  // The engines need times that only go forward, too.
  return sameFrame || time.atMs <= last.atMs ? null : time;
}
