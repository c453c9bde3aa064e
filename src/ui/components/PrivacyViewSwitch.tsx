import { memo } from 'react';
import { PRIVACY_VIEW_TEXT } from '../../content/workout';

interface Props {
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
}

/**
 * Hides the camera's picture on the stage, keeping the skeleton and outline (issue #16). Memoised:
 * React sets a controlled input's name and type again on every render, which costs the page a
 * style and layout pass per analysed frame while the workout screen renders (issue #15).
 */
export const PrivacyViewSwitch = memo(function PrivacyViewSwitch({ on, onChange }: Props) {
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
});
