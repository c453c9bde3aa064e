import { summarise } from './scoring';
import type { FileScore } from './scoring';
import { formatTable } from './stats';

const SUMMARY_HEADER = [
  'verdicts right',
  'false cues',
  'on none',
  "can't see",
  'reps exact',
  'reps ±1',
] as const;

function summaryCells(scores: readonly FileScore[]): string[] {
  const summary = summarise(scores);
  return [
    `${summary.right}/${summary.scored}`,
    String(summary.falseCues),
    String(summary.falseCuesOnNone),
    String(summary.cannotSee),
    summary.clips > 0 ? `${summary.repsExact}/${summary.clips}` : '-',
    summary.clips > 0 ? `${summary.repsWithinOne}/${summary.clips}` : '-',
  ];
}

/** One table row per value of `key`, then the total. */
export function groupedTable(
  title: string,
  scores: readonly FileScore[],
  key: (score: FileScore) => string,
): string {
  const groups = [...new Set(scores.map(key))];
  return formatTable(
    [title, ...SUMMARY_HEADER],
    [
      ...groups.map((group) => [
        group,
        ...summaryCells(scores.filter((score) => key(score) === group)),
      ]),
      ['total', ...summaryCells(scores)],
    ],
  );
}
