/** Rolling numbers for the camera readout: mean inference time and frames analysed per second. */

/** Results averaged for the ms-per-frame readout: steady to read, quick to follow a change. */
export const MS_WINDOW_FRAMES = 10;
/** Span over which frames per second are counted, in milliseconds. */
export const FPS_WINDOW_MS = 1000;
/**
 * The speed readout's numbers are shown afresh at most this often: 4 a second is as fast as
 * changing digits can be read, and each change costs the page a layout and paint (issue #15).
 */
export const READOUT_REFRESH_MS = 250;

export interface FrameStats {
  readonly meanMs: number;
  /** Null until a full window has passed. */
  readonly fps: number | null;
}

export class FrameStatsWindow {
  private readonly inferenceMs: number[] = [];
  private readonly doneAt: number[] = [];
  private firstAt: number | null = null;

  /** Records one finished frame; `nowMs` from performance.now(). */
  add(inferenceMs: number, nowMs: number): FrameStats {
    this.firstAt ??= nowMs;
    this.inferenceMs.push(inferenceMs);
    if (this.inferenceMs.length > MS_WINDOW_FRAMES) this.inferenceMs.shift();
    this.doneAt.push(nowMs);
    while (this.doneAt.length > 0 && (this.doneAt[0] ?? nowMs) <= nowMs - FPS_WINDOW_MS) {
      this.doneAt.shift();
    }
    const meanMs = this.inferenceMs.reduce((sum, ms) => sum + ms, 0) / this.inferenceMs.length;
    const fps =
      nowMs - this.firstAt >= FPS_WINDOW_MS ? (this.doneAt.length * 1000) / FPS_WINDOW_MS : null;
    return { meanMs, fps };
  }

  clear(): void {
    this.inferenceMs.length = 0;
    this.doneAt.length = 0;
    this.firstAt = null;
  }
}
