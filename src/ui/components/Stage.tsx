import type { ReactNode, RefObject } from 'react';
import { STAGE_PLACEHOLDER } from '../../content/messages';

interface Props {
  readonly canvasRef: RefObject<HTMLCanvasElement | null>;
  readonly active: boolean;
  readonly mirrored: boolean;
  /** Text laid over the picture (the workout's cue and counters). */
  readonly children?: ReactNode;
}

/** The canvas the hooks draw on; always mounted so they can reach it. */
export function Stage({ canvasRef, active, mirrored, children }: Props) {
  return (
    <div className={`stage ${active ? 'stage--active' : ''}`}>
      <canvas
        ref={canvasRef}
        data-testid="stage-canvas"
        data-mirrored={mirrored}
        aria-label="Picture with the detected skeleton drawn over it"
        width={640}
        height={480}
      />
      {!active && <p className="stage__placeholder">{STAGE_PLACEHOLDER}</p>}
      {children}
    </div>
  );
}
