import type { ListMembership, Standing } from '../../core/standing/model.js';
import { iso, isoOrNull, type View } from '../schemas/common.js';
import type { ListMembershipView, StandingView } from '../schemas/standing.js';

export const listView = (l: ListMembership): View<typeof ListMembershipView> =>
  ({ listId: l.listId, kind: l.kind, since: iso(l.since), until: isoOrNull(l.until), recordIds: l.recordIds });

export function standingView(s: Omit<Standing, 'explanation'>): View<typeof StandingView> {
  return {
    rulebookVersion: s.rulebookVersion,
    at: iso(s.at),
    points: s.points,
    grade: s.grade,
    lists: s.lists.map(listView),
    measures: s.measures.map((m) => ({
      measureId: m.measureId, action: m.action, effect: m.effect, ...(m.benefit !== undefined ? { benefit: m.benefit } : {}), conditional: m.conditional,
    })),
    nextChangeAt: isoOrNull(s.nextChangeAt),
  };
}
