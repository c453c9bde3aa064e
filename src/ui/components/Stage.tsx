import type { ReactNode, RefObject } from 'react';
import { STAGE_PLACEHOLDER } from '../../content/messages';

interface Props {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
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

/** The canvas the hooks draw on; always mounted so they can reach it. */
export function Stage({ canvasRef, active, mirrored, children }: Props) {
  return (
    <div className={`stage ${active ? 'stage--active' : ''}`}>
      <canvas
        ref={canvasRef}
        data-testid="stage-canvas"
        data-mirrored={mirrored}
        aria-label="Picture with the detected skeleton drawn over it"
        width={INITIAL_CANVAS_WIDTH_PX}
        height={INITIAL_CANVAS_HEIGHT_PX}
      />
      {!active && <p className="stage__placeholder">{STAGE_PLACEHOLDER}</p>}
      {children}
    </div>
  );
}
