import { useLayoutEffect, useRef } from 'react';
import type { ReactNode, RefObject } from 'react';
import { STAGE_PLACEHOLDER } from '../../content/messages';

interface Props {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  /** The open camera's video, shown under the canvas; null when no camera is open. */
  readonly video: HTMLVideoElement | null;
  /** False hides the camera's picture (the privacy view): the canvas's drawing stays. */
  readonly showVideo: boolean;
  readonly active: boolean;
  readonly mirrored: boolean;
  /** Text laid over the picture (the workout's cue and counters). */
  readonly children?: ReactNode;
}

/**
 * The canvas's size before the first frame, in canvas pixels: 4:3 VGA, the webcam's usual default,
 * so the placeholder box has the camera's shape; the drawing hooks resize it to the video's size.
 */
const INITIAL_CANVAS_WIDTH_PX = 640;
const INITIAL_CANVAS_HEIGHT_PX = 480;

/**
 * The live video and, over it, the canvas the hooks draw on (a transparent overlay while the camera
 * runs; a photo with its drawing otherwise). Both fill one box with `object-fit: contain`, and the
 * canvas has the video's shape (useStageDrawing), so both are letterboxed alike and a point drawn
 * at the video's pixel lands on it. The browser shows the video itself, mirrored by CSS: the page
 * does not copy each frame (issue #15, main-thread time). The canvas is always mounted so the
 * hooks can reach it.
 */
export function Stage({ canvasRef, video, showVideo, active, mirrored, children }: Props) {
  const videoSlotRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const slot = videoSlotRef.current;
    if (!video || !slot) return;
    slot.append(video);
    return () => {
      // Taken out as the camera closes: a media element leaving the page is paused.
      video.remove();
    };
  }, [video]);
  return (
    <div className={`stage ${active ? 'stage--active' : ''}`}>
      <div className="stage__picture">
        {/* The video stays in the page while hidden: one taken out of it stops playing. */}
        <div
          ref={videoSlotRef}
          className={`stage__video ${mirrored ? 'stage__video--mirrored' : ''}`}
          data-testid="stage-video"
          hidden={!showVideo}
        />
        <canvas
          ref={canvasRef}
          data-testid="stage-canvas"
          data-mirrored={mirrored}
          aria-label="Picture with the detected skeleton drawn over it"
          width={INITIAL_CANVAS_WIDTH_PX}
          height={INITIAL_CANVAS_HEIGHT_PX}
        />
      </div>
      {!active && <p className="stage__placeholder">{STAGE_PLACEHOLDER}</p>}
      {children}
    </div>
  );
}
