import type { EngineModel } from '../../pose/pose';
import { ENGINE_CHOICES, choiceByKey, choiceKey } from '../engine-choices';
import { ENGINE_LABELS, MODEL_HINTS, MODEL_LABELS } from '../messages';

interface Props {
  readonly value: EngineModel;
  readonly onChange: (choice: EngineModel) => void;
}

export function EnginePicker({ value, onChange }: Props) {
  const groups = (['mediapipe', 'movenet'] as const).map((engine) => ({
    engine,
    choices: ENGINE_CHOICES.filter((choice) => choice.engine === engine),
  }));
  return (
    <label className="engine-picker">
      <span>Pose engine</span>
      <select
        data-testid="engine-select"
        value={choiceKey(value)}
        onChange={(event) => {
          const choice = choiceByKey(event.target.value);
          if (choice) onChange(choice);
        }}
      >
        {groups.map(({ engine, choices }) => (
          <optgroup key={engine} label={ENGINE_LABELS[engine]}>
            {choices.map((choice) => (
              <option key={choiceKey(choice)} value={choiceKey(choice)}>
                {ENGINE_LABELS[choice.engine]} {MODEL_LABELS[choice.model]} (
                {MODEL_HINTS[choice.model]})
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}
