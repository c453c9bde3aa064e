import type { RatioId } from '../../../coach/endurance/battery';
import {
  ENDURANCE_TESTS,
  MCGILL_1999_MEAN_SECONDS,
  RATIOS,
  RATIO_REFERENCES,
} from '../../../coach/endurance/battery';
import type { EnduranceWeek } from '../../../coach/endurance/trend';
import {
  ENDURANCE,
  RATIO_NAMES,
  TEST_NAMES,
  ratioText,
  referenceText,
} from '../../../content/endurance';
import { formatSeconds } from '../../../content/history';

/**
 * The endurance tests week by week: the longest hold of each test and the ratios, with the lab
 * means and the ratio references under them (History and the report).
 */
export function EnduranceTable({
  weeks,
  testId,
  compact = false,
}: {
  readonly weeks: readonly EnduranceWeek[];
  readonly testId: string;
  /** One short note under the table (the one-page report), instead of the full one. */
  readonly compact?: boolean;
}) {
  const ratioOf = (week: EnduranceWeek, id: RatioId) => week.ratios.find((r) => r.id === id);
  return (
    <>
      <table className="history-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{ENDURANCE.week}</th>
            {ENDURANCE_TESTS.map((test) => (
              <th key={test} scope="col">
                {TEST_NAMES[test]}
              </th>
            ))}
            {RATIOS.map((id) => (
              <th key={id} scope="col">
                {RATIO_NAMES[id]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.weekStart}>
              <th scope="row">{week.weekStart}</th>
              {ENDURANCE_TESTS.map((test) => {
                const held = week.best[test];
                return (
                  <td key={test}>{held === undefined ? ENDURANCE.noRatio : formatSeconds(held)}</td>
                );
              })}
              {RATIOS.map((id) => {
                const ratio = ratioOf(week, id);
                return (
                  <td key={id} title={ratio ? ratioText(ratio) : undefined}>
                    {ratio
                      ? `${ratio.value.toFixed(2)}${ratio.inRange ? '' : ' *'}`
                      : ENDURANCE.noRatio}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{ENDURANCE.labMean}</th>
            {ENDURANCE_TESTS.map((test) => (
              <td key={test}>
                {ENDURANCE.menWomen(
                  MCGILL_1999_MEAN_SECONDS[test].men,
                  MCGILL_1999_MEAN_SECONDS[test].women,
                )}
              </td>
            ))}
            {RATIOS.map((id) => (
              <td key={id}>{referenceText(RATIO_REFERENCES[id])}</td>
            ))}
          </tr>
        </tbody>
      </table>
      <p className="history-muted" data-testid={`${testId}-note`}>
        {ENDURANCE.outsideMark} {compact ? ENDURANCE.reportNote : ENDURANCE.compareNote}
      </p>
    </>
  );
}
