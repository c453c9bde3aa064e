import type { CameraState } from '../hooks/useCamera';
import { CAMERA_BUTTON } from '../../content/messages';

interface Props {
  readonly state: CameraState;
  readonly onStart: () => void;
  readonly onStop: () => void;
}

export function CameraButton({ state, onStart, onStop }: Props) {
  const on = state.status === 'live' || state.status === 'starting';
  return (
    <button
      type="button"
      className={`button ${on ? 'button--stop' : 'button--primary'}`}
      data-testid="camera-button"
      aria-pressed={on}
      onClick={on ? onStop : onStart}
    >
      {state.status === 'starting'
        ? CAMERA_BUTTON.starting
        : on
          ? CAMERA_BUTTON.stop
          : CAMERA_BUTTON.start}
    </button>
  );
}
