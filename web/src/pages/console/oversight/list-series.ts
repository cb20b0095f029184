import type { OversightView } from '../../../api/wire.js';

export interface ListSeries {
  readonly listId: string;
  readonly subjects: readonly number[];
}

type History = OversightView['listHistory'];

/** The daily series worth drawing: lists that had a member on some day of the window. */
export const seriesWithMembers = (history: History): readonly ListSeries[] =>
  ('series' in history ? history.series : []).filter((s) => s.subjects.some((n) => n > 0));

/** A list's size `daysAgo` days before the last day of the series, if the series reaches back that far. */
export function sizeDaysAgo(history: History, listId: string, daysAgo: number): number | undefined {
  if (!('series' in history)) return undefined;
  const s = history.series.find((x) => x.listId === listId);
  return s?.subjects[s.subjects.length - 1 - daysAgo];
}
