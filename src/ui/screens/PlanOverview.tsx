import type { Equipment } from '../../storage';
import { PROGRAMME_WEEKS } from '../../storage';
import { ITEM_WORDS, PLAN_WORDS, doseText, insteadOfText, weekHeading } from '../../content/plan';
import { programmeWeek } from '../../coach/programme/programme';

interface Props {
  readonly equipment: readonly Equipment[];
  /** The week under way, open; the others folded. Null before the programme starts. */
  readonly current: number | null;
}

/** The four weeks for this equipment, so the person sees what is coming and what replaces what. */
export function PlanOverview({ equipment, current }: Props) {
  const weeks = Array.from({ length: PROGRAMME_WEEKS }, (_, i) => programmeWeek(i + 1, equipment));
  return (
    <div className="plan__overview" data-testid="plan-overview">
      <h4>{PLAN_WORDS.overviewTitle}</h4>
      {weeks.map((week) => (
        <details
          key={week.week}
          open={current === null || current === week.week}
          data-testid={`plan-overview-week-${String(week.week)}`}
        >
          <summary>{weekHeading(week.week, week.focus)}</summary>
          <ul>
            {week.items.map((item) => (
              <li
                key={item.movement}
                data-testid={`overview-${String(week.week)}-${item.movement}`}
              >
                <strong>{item.name}</strong> {doseText(item.movement, item.dose)}
                {item.coached ? '' : ` · ${ITEM_WORDS.onYourOwn.toLowerCase()}`}
                {item.replaces && <small> — {insteadOfText(item.replaces)}</small>}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}
