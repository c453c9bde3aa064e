import { useEffect, useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { FrameAnalysis } from '../../workers/client';
import { FRAME_TO_SCREEN_MEASURE } from '../../coach/perf-marks';
import { drawAnalysis } from '../render/overlay';
import type { OverlaySpec } from '../render/overlay';
import { drawFrame, fitStage, prepareCanvas } from '../render/skeleton';

/** What one render asks to be drawn over the live video. */
export interface StageScene {
  /** The latest analysis of the camera's frames, or null. */
  readonly analysis: FrameAnalysis | null;
  /** What to draw over the video for it; null draws the skeletons only. */
  readonly overlay: OverlaySpec | null;
  /** While true, the video is drawn without an analysis (a paused set, a hidden tab). */
  readonly paused: boolean;
}

/**
 * Draws the live camera on the stage canvas at the display's rate, mirrored (the drawing, not the
 * coordinates), with the analysis and overlay of the latest render over it: both come from the
 * same render, so the cue drawn is the one of the frame drawn. Clears the canvas when the video
 * goes. Capture is useCamera's.
 */
export function useStageDrawing(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  video: HTMLVideoElement | null,
  scene: StageScene,
): void {
  const sceneRef = useRef(scene);
  useLayoutEffect(() => {
    sceneRef.current = scene;
  });

  useEffect(() => {
    // The stage canvas is always mounted (Stage.tsx).
    const canvas = canvasRef.current;
    if (!video || !canvas) return;
    let frameRequest = 0;
    /** The capture time of the last analysis drawn, so its latency is measured once. */
    let lastDrawnCaptureMs: number | null = null;
    const tick = (): void => {
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth) {
        const imageSize = { width: video.videoWidth, height: video.videoHeight };
        const { size, transform } = fitStage(imageSize, true);
        const ctx = prepareCanvas(canvas, size);
        const { analysis, overlay, paused } = sceneRef.current;
        if (ctx) {
          drawFrame(ctx, video, transform);
          if (!paused && analysis && analysis.frame.imageSize.width === imageSize.width) {
            drawAnalysis(ctx, analysis, transform, overlay);
            if (lastDrawnCaptureMs !== analysis.frame.timestampMs) {
              lastDrawnCaptureMs = analysis.frame.timestampMs;
              // Read by `npm run bench`: from the frame's capture to its verdict on screen.
              performance.measure(FRAME_TO_SCREEN_MEASURE, { start: analysis.frame.timestampMs });
            }
          }
        }
      }
      frameRequest = requestAnimationFrame(tick);
    };
    frameRequest = requestAnimationFrame(tick);
    return () => {
      cancelAnimationFrame(frameRequest);
      canvas.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height);
    };
  }, [canvasRef, video]);
}
