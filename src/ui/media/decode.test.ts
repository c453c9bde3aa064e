import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  MAX_PICTURE_BYTES,
  PRESENTATION_WAIT_LIMIT_MS,
  mediaKind,
  seekTo,
  tooLargeToOpen,
} from './decode';

describe('opening a file', () => {
  it('knows photos, animations and clips by type or name', () => {
    expect(mediaKind('image/jpeg', 'a.jpg')).toBe('image');
    expect(mediaKind('', 'a.PNG')).toBe('image');
    expect(mediaKind('image/gif', 'a.gif')).toBe('animation');
    expect(mediaKind('', 'clip.mp4')).toBe('video');
    expect(mediaKind('text/plain', 'notes.txt')).toBeNull();
  });
  it('refuses a picture over the limit, never a clip', () => {
    expect(tooLargeToOpen('image/jpeg', 'a.jpg', MAX_PICTURE_BYTES)).toBe(false);
    expect(tooLargeToOpen('image/jpeg', 'a.jpg', MAX_PICTURE_BYTES + 1)).toBe(true);
    expect(tooLargeToOpen('image/webp', 'a.webp', MAX_PICTURE_BYTES + 1)).toBe(true);
    expect(tooLargeToOpen('video/mp4', 'a.mp4', 10 * MAX_PICTURE_BYTES)).toBe(false);
  });
});

/**
 * A paused video as Chromium's behaves on a busy machine: `seeked` fires first, and the frame at
 * the new time is presented (and the frame callbacks run) only when `present` is called.
 */
class LaggingVideo extends EventTarget {
  readonly error = null;
  presentedTimeS = 0;
  private seekTimeS = 0;
  private nextCallback = 1;
  private readonly callbacks = new Map<number, VideoFrameRequestCallback>();

  get currentTime(): number {
    return this.seekTimeS;
  }
  set currentTime(timeS: number) {
    this.seekTimeS = timeS;
    setTimeout(() => this.dispatchEvent(new Event('seeked')), 0);
  }
  requestVideoFrameCallback(callback: VideoFrameRequestCallback): number {
    this.callbacks.set(this.nextCallback, callback);
    return this.nextCallback++;
  }
  cancelVideoFrameCallback(handle: number): void {
    this.callbacks.delete(handle);
  }
  get waitingCallbacks(): number {
    return this.callbacks.size;
  }
  present(): void {
    this.presentedTimeS = this.seekTimeS;
    const metadata = {
      expectedDisplayTime: 0,
      presentationTime: 0,
      presentedFrames: 1,
      mediaTime: this.seekTimeS,
      width: 640,
      height: 360,
    };
    const waiting = [...this.callbacks.values()];
    this.callbacks.clear();
    for (const callback of waiting) callback(0, metadata);
  }
}

describe('seeking a clip to read one frame', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits past `seeked` until the frame at that time is presented', async () => {
    const video = new LaggingVideo();
    let done = false;
    const seeking = seekTo(video, 1.5).then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // `seeked` has fired, but the old frame is still the one shown: reading now reads it.
    expect(done).toBe(false);
    video.present();
    await seeking;
    expect(video.presentedTimeS).toBe(1.5);
    expect(video.waitingCallbacks).toBe(0);
  });

  it('reads the clip on, not stalls, when a frame is never presented', async () => {
    vi.useFakeTimers();
    const video = new LaggingVideo();
    let done = false;
    const seeking = seekTo(video, 2).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(PRESENTATION_WAIT_LIMIT_MS - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await seeking;
    expect(done).toBe(true);
    // Its callback is withdrawn, so a later presentation does not end a later seek early.
    expect(video.waitingCallbacks).toBe(0);
  });

  it('waits for `seeked` alone in a browser without frame callbacks', async () => {
    const video = new LaggingVideo();
    Object.assign(video, { requestVideoFrameCallback: undefined });
    await seekTo(video, 3);
    expect(video.currentTime).toBe(3);
    expect(video.presentedTimeS).toBe(0);
  });
});
