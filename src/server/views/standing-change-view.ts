import type { StandingChange, StandingSummary } from '../changes/change-feed.js';
import { iso, isoOrNull } from '../schemas/common.js';

const summaryJson = (s: StandingSummary) => ({
  points: s.points, grade: s.grade, lists: s.lists.map((l) => ({ listId: l.listId, kind: l.kind, since: iso(l.since), until: isoOrNull(l.until) })),
});

/** A standing change as relying parties receive it, on their event streams and webhooks alike. */
export const standingChangeView = (c: StandingChange) => ({
  subjectId: c.subjectId, at: iso(c.at), rulebookVersion: c.rulebookVersion, ...summaryJson(c.standing),
  previous: c.previous ? summaryJson(c.previous) : null,
});
