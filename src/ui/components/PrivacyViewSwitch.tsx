import { PRIVACY_VIEW_TEXT } from '../../content/workout';

interface Props {
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

/** Hides the camera's picture on the stage, keeping the skeleton and outline (issue #16). */
export function PrivacyViewSwitch({ on, onChange }: Props) {
  return (
    <label className="privacy-switch">
      <input
        type="checkbox"
        role="switch"
        data-testid="privacy-view"
        checked={on}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <span>
        {PRIVACY_VIEW_TEXT.label}
        <small>{PRIVACY_VIEW_TEXT.hint}</small>
      </span>
    </label>
  );
}
