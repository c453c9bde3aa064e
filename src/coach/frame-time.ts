/**
 * When a live camera frame was taken, on the page's performance.now() clock: the time every check,
 * rep tempo and hold downstream reads (docs/models.md, "A frame's time"). The page grabs frames late
 * and unevenly when the machine is busy, so the time it grabbed a frame is not the camera's; the
 * browser's own record of the frame is used instead, and the grab time only where it has none.
 */

/**
 * What `requestVideoFrameCallback` said of the frame the video presented last, in ms. Chromium
 * gives `captureTime` for camera (getUserMedia) frames, on the performance.now() clock (seen in
 * headless Chromium 150's fake camera: it trails the callback by 1-30 ms).
 */
export interface PresentedFrame {
  /** When the camera captured it; absent outside camera and WebRTC streams, and in some browsers. */
  readonly captureTimeMs?: number;
  /** When the browser handed it to the compositor: always given, a little after capture. */
  readonly presentationTimeMs: number;
  /** Its time in the stream (`mediaTime`, seconds in the API, ms here). */
  readonly mediaTimeMs: number;
}

/** A frame as sent to the engine: its time, and its media time when the browser said. */
export interface SentFrame {
  /** On the performance.now() clock, in ms. */
  readonly atMs: number;
  readonly mediaTimeMs: number | null;
  /** Where `atMs` came from: the camera's capture, the video's presentation, or the page's grab. */
  readonly from: 'capture' | 'presentation' | 'grab';
}

/** The frame about to be sent, as the page sees it. */
export interface GrabbedFrame {
  /** The video's last presented frame; null where requestVideoFrameCallback is missing. */
  readonly presented: PresentedFrame | null;
  /**
   * The grabbed frame's own media time (a VideoFrame's `timestamp`), null for a bitmap copy. It
   * can be newer than `presented` when a frame arrived between the callback and the grab.
   */
  readonly mediaTimeMs: number | null;
  /** performance.now() at the grab. */
  readonly nowMs: number;
}

/**
 * A browser time older than this at the grab is taken to be on another clock and not used: the
 * fake camera's frames were 1-30 ms old when presented, and 230 ms old at most after main-thread
 * stalls of 200 ms (docs/models.md); a whole second is no camera's delay.
 */
export const FRAME_TIME_MAX_AGE_MS = 1000;

function plausible(atMs: number | undefined, nowMs: number): atMs is number {
  return atMs !== undefined && atMs <= nowMs && nowMs - atMs <= FRAME_TIME_MAX_AGE_MS;
}

/**
 * How much newer the grabbed frame is than the presented one, in media time: 0 when it is that
 * frame, when the grab does not say, or when its media time is not one a frame shown since could
 * have (another browser's basis for it), so the presented frame's times stand.
 */
function sincePresentedMs(presented: PresentedFrame, grabbedMediaTimeMs: number | null): number {
  if (grabbedMediaTimeMs === null) return 0;
  const sinceMs = grabbedMediaTimeMs - presented.mediaTimeMs;
  return sinceMs >= 0 && sinceMs <= FRAME_TIME_MAX_AGE_MS ? sinceMs : 0;
}

/**
 * The camera's capture time when the browser gives one on this clock; else the presentation time;
 * else (no requestVideoFrameCallback, or its times on another clock) the grab's own time. A frame
 * newer than the presented one is moved on by the media time between them.
 */
function frameTime({ presented, mediaTimeMs, nowMs }: GrabbedFrame): SentFrame {
  if (!presented) return { atMs: nowMs, mediaTimeMs: null, from: 'grab' };
  const sinceMs = sincePresentedMs(presented, mediaTimeMs);
  const frame = { mediaTimeMs: presented.mediaTimeMs + sinceMs };
  const captured =
    presented.captureTimeMs === undefined ? undefined : presented.captureTimeMs + sinceMs;
  if (plausible(captured, nowMs)) return { ...frame, atMs: captured, from: 'capture' };
  const shown = presented.presentationTimeMs + sinceMs;
  if (plausible(shown, nowMs)) return { ...frame, atMs: shown, from: 'presentation' };
  return { ...frame, atMs: nowMs, from: 'grab' };
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
