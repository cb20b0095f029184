import type { FastifyPluginAsync } from 'fastify';
import type { RecordId } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { parseSubjectIdentifier } from '../../../core/identifiers/index.js';
import { getRecordType } from '../../../core/taxonomy/index.js';
import { iso, isoOrNull } from '../../schemas/common.js';
import { OrganizationProfile, UsccParams } from '../../schemas/organizations.js';
import type { ServerDeps } from '../../server-deps.js';
import { listView } from '../../views/standing-view.js';
import { subjectView } from '../../views/subject-view.js';
import { routeSchema } from '../route-schema.js';

const PUBLIC_DOMAINS = new Set(['judicial', 'administrative', 'regulatory', 'tax']);
const STANDS = new Set(['counted', 'fulfilled', 'capped']);
/** Registration authority 9 (industry and commerce), type 2: an individual business, a natural person in law (Civil Code art. 54). */
const isIndividualBusiness = (code: string): boolean => code.startsWith('92');

/**
 * An organization's or public body's public credit profile. Persons have none: a resident ID, an
 * individual business's code, or any code that is not a known organization, is simply not found.
 */
export function organizationRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: UsccParams }>('/v1/organizations/:code', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', {
        summary: 'Public credit profile of an organization or public body, by unified social credit code',
        description: 'Lists, grade, and the judicial, administrative, regulatory and tax records that count now. Persons have no public profile.',
        params: UsccParams,
        response: { 200: OrganizationProfile },
      }),
    }, async (request) => {
      const at = deps.clock();
      const notFound = new CredenceError('not_found', `no organization with unified social credit code ${request.params.code} (persons have no public profile)`);
      const parsed = parseSubjectIdentifier('cn-uscc', request.params.code, { at });
      if (!parsed.ok || parsed.value.kind === 'person') throw notFound;
      if (isIndividualBusiness(parsed.value.identifier)) {
        throw new CredenceError('not_found', `${request.params.code} is an individual business (个体工商户), run by a natural person: no public profile`);
      }
      const file = await deps.ledger.file(parsed.value.subjectId, at);
      if (!file || file.subject.kind === 'person') throw notFound;
      const furnishers = new Map((await deps.store.read((tx) => tx.clients())).map((c) => [c.id as string, c.name]));
      const lines = new Map<RecordId, (typeof file.standing.explanation)[number]>(file.standing.explanation.map((l) => [l.recordId, l]));
      const records = file.records.flatMap((r) => {
        const type = getRecordType(r.type);
        const line = lines.get(r.id);
        if (!type || !line || !PUBLIC_DOMAINS.has(type.domain) || !STANDS.has(line.state)) return [];
        return [{
          id: r.id, type: r.type, title: type.title, domain: type.domain, occurredAt: iso(r.occurredAt), status: r.status,
          ...(r.fulfilledAt !== undefined ? { fulfilledAt: iso(r.fulfilledAt) } : {}),
          legalBasis: r.legalBasis, furnisher: furnishers.get(r.furnisherId) ?? r.furnisherId, points: line.points, until: isoOrNull(line.until),
        }];
      });
      const s = file.standing;
      return {
        subject: subjectView(file.subject), asOf: iso(at), rulebookVersion: s.rulebookVersion, grade: s.grade, points: s.points,
        lists: s.lists.map(listView), records,
      };
    });
  };
}
