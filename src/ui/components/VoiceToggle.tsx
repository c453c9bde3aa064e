import { BUTTONS } from '../../content/workout';

interface Props {
  readonly muted: boolean;
  readonly onToggle: () => void;
}

export function VoiceToggle({ muted, onToggle }: Props) {
  return (
    <button
      type="button"
      className="button button--small"
      data-testid="mute-button"
      aria-pressed={muted}
      onClick={onToggle}
    >
      {muted ? BUTTONS.unmute : BUTTONS.mute} <small>M</small>
    </button>
  );
}
