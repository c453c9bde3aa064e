import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { FrameAnalysis } from '../../workers/client';
import { FRAME_TO_SCREEN_MEASURE } from '../../coach/perf-marks';
import { drawAnalysis } from '../render/overlay';
import type { OverlaySpec } from '../render/overlay';
import { fitStage, prepareCanvas } from '../render/skeleton';

/** What one render asks to be drawn over the live video. */
export interface StageScene {
  /** The latest analysis of the camera's frames, or null. */
  readonly analysis: FrameAnalysis | null;
  /** What to draw over the video for it; null draws the skeletons only. */
  readonly overlay: OverlaySpec | null;
  /** While true, nothing is drawn over the video (a paused set, a hidden tab). */
  readonly paused: boolean;
}

/**
 * Draws the analysis and overlay of the latest render on the stage canvas, a transparent layer
 * over the video the browser shows itself (Stage.tsx), mirrored as the video is (the drawing, not
 * the coordinates). It draws when a render brings something new (a frame's result, a cue, a
 * pause) or the video changes size, before that render is painted: the cue and the skeleton of
 * one frame appear together, and nothing is drawn between results (issue #15). The canvas has the
 * video's shape, so both are letterboxed alike. Clears the canvas when the video goes. Capture is
 * useCamera's.
 */
export function useStageDrawing(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  video: HTMLVideoElement | null,
  { analysis, overlay, paused }: StageScene,
): void {
  /** The capture time of the last analysis drawn, so its latency is measured once. */
  const lastDrawnCaptureMs = useRef<number | null>(null);
  const drawRef = useRef<() => void>(() => undefined);

  useLayoutEffect(() => {
    const draw = (): void => {
      // The stage canvas is always mounted (Stage.tsx).
      const canvas = canvasRef.current;
      if (!video || !canvas || !video.videoWidth) return;
      const imageSize = { width: video.videoWidth, height: video.videoHeight };
      const { size, transform } = fitStage(imageSize, true);
      const ctx = prepareCanvas(canvas, size);
      if (!ctx) return;
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      if (paused || !analysis || analysis.frame.imageSize.width !== imageSize.width) return;
      drawAnalysis(ctx, analysis, transform, overlay);
      if (lastDrawnCaptureMs.current !== analysis.frame.timestampMs) {
        lastDrawnCaptureMs.current = analysis.frame.timestampMs;
        // Read by `npm run bench`: from the frame's capture to its verdict on screen.
        performance.measure(FRAME_TO_SCREEN_MEASURE, { start: analysis.frame.timestampMs });
      }
    };
    drawRef.current = draw;
    draw();
  }, [canvasRef, video, analysis, overlay, paused]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    // A camera that changes resolution mid-stream: the canvas takes the new shape.
    const redraw = (): void => {
      drawRef.current();
    };
    video.addEventListener('resize', redraw);
    return () => {
      video.removeEventListener('resize', redraw);
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [canvasRef, video]);
}
