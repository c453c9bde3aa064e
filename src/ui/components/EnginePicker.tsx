import type { EngineModel } from '../../pose/pose';
import type { AutoPhase } from '../../coach/auto-engine';
import { autoOptionText } from '../../content/robustness';
import { ENGINE_CHOICES, choiceByKey, choiceKey } from '../../coach/engine-choices';
import { ENGINE_LABELS, MODEL_HINTS, MODEL_LABELS } from '../../content/messages';

/** The picker's value for "Auto". */
const AUTO_KEY = 'auto';

interface Props {
  readonly value: EngineModel;
  readonly onChange: (choice: EngineModel) => void;
  /** "Auto" (the most accurate model that keeps up): on or off, and what it runs now. */
  readonly auto?: {
    readonly on: boolean;
    readonly pick: EngineModel;
    readonly phase: AutoPhase;
    /** The model Auto switches to once the set is over, if any. */
    readonly next: EngineModel | null;
    readonly onChoose: () => void;
  };
}

export function EnginePicker({ value, onChange, auto }: Props) {
  const groups = (['mediapipe', 'movenet'] as const).map((engine) => ({
    engine,
    choices: ENGINE_CHOICES.filter((choice) => choice.engine === engine),
  }));
  return (
    <label className="engine-picker">
      <span>Pose engine</span>
      <select
        data-testid="engine-select"
        value={auto?.on ? AUTO_KEY : choiceKey(value)}
        onChange={(event) => {
          if (event.target.value === AUTO_KEY) {
            auto?.onChoose();
            return;
          }
          const choice = choiceByKey(event.target.value);
          if (choice) onChange(choice);
        }}
      >
        {auto && (
          <option value={AUTO_KEY}>{autoOptionText(auto.pick, auto.phase, auto.next)}</option>
        )}
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
