import { subjectId, type Instant } from '../../src/core/brand.js';
import type { Standing } from '../../src/core/standing/model.js';

export const DAY = 86_400_000;
export const T0: Instant = Date.UTC(2026, 5, 1, 9, 0, 0);

/** A subject's standing as the registry would compute it: on the defaulter list, grade B. */
export const standingAt = (at: Instant, id = 'cn-rid:11010519491231002X'): Standing => ({
  subjectId: subjectId(id), subjectKind: 'person', at, rulebookVersion: '2026.1', points: 900, grade: 'B',
  lists: [{ listId: 'judgment-defaulters', kind: 'black', since: at - DAY, until: null, recordIds: [] }],
  measures: [], nextChangeAt: null, explanation: [],
});
