import { Type, type Static } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { parse } from 'yaml';
import { CredenceError } from '../../../core/errors.js';
import type { RulebookRow } from '../../../store/rows.js';
import { iso, isoOrNull, type View } from '../../schemas/common.js';
import { RulebookSummary, RulebookView, VersionParams } from '../../schemas/rulebooks.js';
import type { ServerDeps } from '../../server-deps.js';
import { routeSchema } from '../route-schema.js';

const documents = new Map<string, unknown>();
/** The YAML as JSON; a version's text never changes, so it is parsed once. */
function documentOf(row: RulebookRow): unknown {
  const key = `${row.version}:${row.sha256}`;
  let doc = documents.get(key);
  if (doc === undefined) {
    doc = parse(row.yaml) as unknown;
    documents.set(key, doc);
  }
  return doc;
}

const titleOf = (row: RulebookRow): string => {
  const doc = documentOf(row) as { title?: unknown };
  return typeof doc.title === 'string' ? doc.title : row.version;
};

export const rulebookSummary = (row: RulebookRow): View<typeof RulebookSummary> => ({
  version: row.version, title: titleOf(row), status: row.status, sha256: row.sha256, createdAt: iso(row.createdAt), publishedAt: isoOrNull(row.publishedAt),
});

export const rulebookView = (row: RulebookRow): View<typeof RulebookView> =>
  ({ ...rulebookSummary(row), yaml: row.yaml, document: documentOf(row) as Static<typeof RulebookView>['document'] });

const isPublic = (row: RulebookRow): boolean => row.status === 'published' || row.status === 'retired';

/** The published rulebooks: every rule with its source. Drafts are for operators only. */
export function publicRulebookRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.get('/v1/rulebook', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', { summary: 'The rulebook in force', response: { 200: RulebookView } }),
    }, async () => {
      const row = await deps.store.read(async (tx) => {
        const head = await tx.head();
        return head.currentRulebook === null ? undefined : tx.rulebook(head.currentRulebook);
      });
      if (!row) throw new CredenceError('unavailable', 'no rulebook has been published yet');
      return rulebookView(row);
    });

    app.get('/v1/rulebooks', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', {
        summary: 'Every published version, the one in force and the retired ones',
        response: { 200: Type.Object({ items: Type.Array(RulebookSummary) }, { additionalProperties: false }) },
      }),
    }, async () => ({ items: (await deps.store.read((tx) => tx.rulebooks())).filter(isPublic).map(rulebookSummary) }));

    app.get<{ Params: VersionParams }>('/v1/rulebooks/:version', {
      config: { access: 'public' },
      schema: routeSchema('public', 'public', { summary: 'One published rulebook version', params: VersionParams, response: { 200: RulebookView } }),
    }, async (request) => {
      const row = await deps.store.read((tx) => tx.rulebook(request.params.version));
      if (!row || !isPublic(row)) throw new CredenceError('not_found', `no published rulebook version ${request.params.version}`);
      return rulebookView(row);
    });
  };
}
