import { describe, expect, it } from 'vitest';
import { FRAME_TIME_MAX_AGE_MS, sentFrameTime } from './frame-time';
import type { GrabbedFrame, PresentedFrame, SentFrame } from './frame-time';

/**
 * Headless Chromium 150's fake camera playing a 30 fps clip while the page's main thread was kept
 * busy 80-200 ms after each requestVideoFrameCallback (docs/models.md): performance.now() in the
 * callback, and the metadata's captureTime, presentationTime and mediaTime (s), as measured.
 * A VideoFrame made of the video in the callback had that mediaTime as its timestamp.
 */
const LOADED_PAGE = [
  { nowMs: 195, captureTime: 192.9, presentationTime: 194.2, mediaTime: 0.067 },
  { nowMs: 355, captureTime: 326.5, presentationTime: 326.8, mediaTime: 0.201 },
  { nowMs: 449.8, captureTime: 426, presentationTime: 426.5, mediaTime: 0.3 },
  { nowMs: 539.8, captureTime: 526.3, presentationTime: 526.7, mediaTime: 0.401 },
  { nowMs: 677.4, captureTime: 659.5, presentationTime: 660, mediaTime: 0.534 },
  { nowMs: 850.7, captureTime: 826.1, presentationTime: 826.4, mediaTime: 0.7 },
  { nowMs: 972.9, captureTime: 959.3, presentationTime: 960.3, mediaTime: 0.834 },
  { nowMs: 1153.8, captureTime: 1126.1, presentationTime: 1126.6, mediaTime: 1.001 },
  { nowMs: 1255.4, captureTime: 1226.6, presentationTime: 1227.2, mediaTime: 1.101 },
  { nowMs: 1383.4, captureTime: 1359.3, presentationTime: 1359.5, mediaTime: 1.234 },
  { nowMs: 1490.1, captureTime: 1459.5, presentationTime: 1459.9, mediaTime: 1.334 },
] as const;

function presented(row: (typeof LOADED_PAGE)[number]): PresentedFrame {
  return {
    captureTimeMs: row.captureTime,
    presentationTimeMs: row.presentationTime,
    mediaTimeMs: row.mediaTime * 1000,
  };
}

/** Each row grabbed as a VideoFrame in its own callback: the grabbed frame is the presented one. */
function grabbed(row: (typeof LOADED_PAGE)[number]): GrabbedFrame {
  return { presented: presented(row), mediaTimeMs: row.mediaTime * 1000, nowMs: row.nowMs };
}

function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((t, i) => t - (times[i] ?? t));
}

describe('sentFrameTime', () => {
  it("keeps a loaded page's frames as far apart as the camera took them, not as the page read them", () => {
    let last: SentFrame | null = null;
    const sent: SentFrame[] = [];
    for (const row of LOADED_PAGE) {
      const time = sentFrameTime(grabbed(row), last);
      if (time) sent.push(time);
      last = time ?? last;
    }
    expect(sent.map((frame) => frame.from)).toEqual(LOADED_PAGE.map(() => 'capture'));
    const cameraGaps = gaps(LOADED_PAGE.map((row) => row.mediaTime * 1000));
    const sentGaps = gaps(sent.map((frame) => frame.atMs));
    // The grab times are up to 27 ms off the camera's own spacing here; the times sent are not.
    const grabError = gaps(LOADED_PAGE.map((row) => row.nowMs)).map((gap, i) =>
      Math.abs(gap - (cameraGaps[i] ?? gap)),
    );
    expect(Math.max(...grabError)).toBeGreaterThan(20);
    sentGaps.forEach((gap, i) => {
      expect(Math.abs(gap - (cameraGaps[i] ?? Infinity))).toBeLessThan(1.5);
    });
  });

  it("gives each frame its own capture time from an earlier frame's callback (no callback while the engine is busy)", () => {
    const first = presented(LOADED_PAGE[0]);
    let last: SentFrame | null = null;
    for (const row of LOADED_PAGE.slice(1)) {
      const time = sentFrameTime({ ...grabbed(row), presented: first }, last);
      expect(time?.from).toBe('capture');
      // The measured media times are in whole ms.
      expect(Math.abs((time?.atMs ?? 0) - row.captureTime)).toBeLessThan(1);
      last = time;
    }
  });

  it('moves a frame grabbed after a newer one arrived on by the media time between them', () => {
    // Measured: the callback's frame at media 1967.2 ms, captured 169.4 ms later on the page's
    // clock; a busy task, then the grab took the frame at media 2067.7 ms.
    const time = sentFrameTime(
      {
        presented: { captureTimeMs: 2136.6, presentationTimeMs: 2137.3, mediaTimeMs: 1967.2 },
        mediaTimeMs: 2067.7,
        nowMs: 2247.2,
      },
      null,
    );
    expect(time).toMatchObject({ mediaTimeMs: 2067.7, from: 'capture' });
    expect(time?.atMs).toBeCloseTo(2237.1, 6);
  });

  it('does not send the frame already sent again, nor one from before it', () => {
    const first = LOADED_PAGE[3];
    const sent = sentFrameTime(grabbed(first), null);
    expect(sent?.atMs).toBe(first.captureTime);
    // Grabbed again 40 ms later, the video showing the same frame.
    expect(sentFrameTime({ ...grabbed(first), nowMs: first.nowMs + 40 }, sent)).toBeNull();
    expect(sentFrameTime(grabbed(LOADED_PAGE[2]), sent)).toBeNull();
    expect(sentFrameTime(grabbed(LOADED_PAGE[4]), sent)?.atMs).toBe(LOADED_PAGE[4].captureTime);
    // Sent by its grab time (a bitmap copy): a frame captured before that is not sent after it.
    const byGrab: SentFrame = { atMs: first.nowMs, mediaTimeMs: null, from: 'grab' };
    expect(sentFrameTime(grabbed(first), byGrab)).toBeNull();
  });

  it('falls back to the presentation time without a capture time, and to the grab without either', () => {
    const row = LOADED_PAGE[5];
    // As requestVideoFrameCallback says of a frame of a file, or in a browser without it.
    const withoutCapture = { ...presented(row), captureTimeMs: undefined };
    expect(sentFrameTime({ ...grabbed(row), presented: withoutCapture }, null)).toEqual({
      atMs: row.presentationTime,
      mediaTimeMs: row.mediaTime * 1000,
      from: 'presentation',
    });
    const byGrab = { atMs: row.nowMs, mediaTimeMs: null, from: 'grab' };
    // No requestVideoFrameCallback: only the page's own time is known.
    expect(sentFrameTime({ ...grabbed(row), presented: null }, null)).toEqual(byGrab);
    // A bitmap copy: which frame it holds is not known.
    expect(sentFrameTime({ ...grabbed(row), mediaTimeMs: null }, null)).toEqual(byGrab);
  });

  it('does not take a browser time on another clock, nor tell frames apart by it', () => {
    const row = LOADED_PAGE[6];
    const epochMs = 1_764_770_000_000;
    const onEpoch = { ...presented(row), captureTimeMs: epochMs };
    expect(sentFrameTime({ ...grabbed(row), presented: onEpoch }, null)?.from).toBe('presentation');
    const stale = row.nowMs - FRAME_TIME_MAX_AGE_MS - 1;
    const bothOff = { ...onEpoch, presentationTimeMs: stale };
    expect(sentFrameTime({ ...grabbed(row), presented: bothOff }, null)).toMatchObject({
      atMs: row.nowMs,
      from: 'grab',
    });
    // A grab whose media time counts from another origin: every frame is still sent, at its grab.
    let last: SentFrame | null = null;
    for (const frame of LOADED_PAGE) {
      const time = sentFrameTime({ ...grabbed(frame), mediaTimeMs: epochMs }, last);
      expect(time).toEqual({ atMs: frame.nowMs, mediaTimeMs: null, from: 'grab' });
      last = time;
    }
  });
});
