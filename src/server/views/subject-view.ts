import { regionName } from '../../core/identifiers/index.js';
import type { Subject } from '../../core/subject.js';
import type { SubjectView, View } from '../schemas/common.js';

export function subjectView(s: Subject): View<typeof SubjectView> {
  const name = regionName(s.region);
  return { id: s.id, kind: s.kind, scheme: s.scheme, identifier: s.identifier, region: s.region, ...(name ? { regionName: name } : {}) };
}
