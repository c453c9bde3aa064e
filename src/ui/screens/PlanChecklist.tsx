import { CHECKLIST_WORDING, PLAN_WORDS, checklistWeekText, evidenceText } from '../../content/plan';
import type { ChecklistEntry, ChecklistItemId } from '../../coach/programme/checklist';

interface Props {
  readonly weekStart: string;
  readonly entries: readonly ChecklistEntry[];
  readonly onTick: (item: ChecklistItemId, done: boolean) => void;
}

/** This week's checklist: the app's ticks say why; the rest are ticked by hand. */
export function PlanChecklist({ weekStart, entries, onTick }: Props) {
  return (
    <section className="card plan__checklist" aria-labelledby="plan-checklist-title">
      <h3 className="card__title" id="plan-checklist-title">
        {PLAN_WORDS.checklistTitle} <span>{checklistWeekText(weekStart)}</span>
      </h3>
      <ul className="plan__items">
        {entries.map((entry) => {
          const seen = entry.evidence?.ticked ?? false;
          const why = evidenceText(entry);
          const whyId = `checklist-why-${entry.id}`;
          return (
            <li key={entry.id} className="plan__item" data-testid={`checklist-${entry.id}`}>
              <label>
                <input
                  type="checkbox"
                  checked={entry.done}
                  // What the app saw cannot be unticked by hand; a hand tick can.
                  disabled={seen}
                  aria-describedby={why ? whyId : undefined}
                  data-testid={`checklist-box-${entry.id}`}
                  onChange={(event) => {
                    onTick(entry.id, event.target.checked);
                  }}
                />
                <span>{CHECKLIST_WORDING[entry.id]}</span>
              </label>
              {why && (
                <small id={whyId} className={seen ? 'plan__why plan__why--seen' : 'plan__why'}>
                  {why}
                </small>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
