import { EQUIPMENT, type Equipment } from '../../storage';
import { EQUIPMENT_WORDS } from '../../content/plan';

interface Props {
  readonly equipment: readonly Equipment[];
  readonly onChange: (equipment: readonly Equipment[]) => void;
}

/** "What do you train with?": one box per kind of equipment; none ticked is bodyweight only. */
export function EquipmentPicker({ equipment, onChange }: Props) {
  return (
    <fieldset className="card plan__equipment" data-testid="plan-equipment">
      <legend className="card__title">{EQUIPMENT_WORDS.title}</legend>
      <p className="plan__about">{EQUIPMENT_WORDS.hint}</p>
      <div className="plan__equipment-boxes">
        {EQUIPMENT.map((kind) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={equipment.includes(kind)}
              data-testid={`equipment-${kind}`}
              onChange={(event) => {
                const ticked = event.target.checked;
                onChange(EQUIPMENT.filter((k) => (k === kind ? ticked : equipment.includes(k))));
              }}
            />
            {EQUIPMENT_WORDS.labels[kind]}
          </label>
        ))}
      </div>
      {equipment.length === 0 && <p className="plan__about">{EQUIPMENT_WORDS.nothing}</p>}
    </fieldset>
  );
}
