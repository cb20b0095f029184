import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsync } from 'fastify';
import { clientId } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { compileRulebookText } from '../../../ledger/rulebook-cache.js';
import type { RulebookRow } from '../../../store/rows.js';
import { keyController } from '../../clients/key-controller.js';
import { clientOf } from '../../plugins/access-control.js';
import { closed, iso, type View } from '../../schemas/common.js';
import { DraftView, PreviewView, PublicationView, VersionParams } from '../../schemas/rulebooks.js';
import type { ServerDeps } from '../../server-deps.js';
import { previewImpact } from '../../rulebooks/preview-impact.js';
import { routeSchema } from '../route-schema.js';

const OPERATOR = ['operator'] as const;
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];
const DraftWithText = Type.Object({ ...DraftView.properties, yaml: Type.String() }, closed);

/**
 * Rulebook versions go draft → approved by a second operator → published (which re-rates everyone).
 * An uploaded draft is validated at once; its issues come back located at line and column.
 */
export function rulebookDraftRoutes(deps: ServerDeps): FastifyPluginAsync {
  const draft = async (version: string): Promise<RulebookRow> => {
    const row = await deps.store.read((tx) => tx.rulebook(version));
    if (!row || (row.status !== 'draft' && row.status !== 'staging')) throw new CredenceError('not_found', `no rulebook draft ${version}`);
    return row;
  };
  const view = async (row: RulebookRow): Promise<View<typeof DraftWithText>> => {
    const reviews = await deps.service.rulebookReviews(row.version);
    const author = reviews.find((r) => r.step === 'drafted')?.clientId;
    const doc = compileRulebookText(row.yaml).rulebook;
    return {
      version: row.version, title: doc.title, status: row.status, sha256: row.sha256, createdAt: iso(row.createdAt),
      reviews: reviews.map((r) => ({ step: r.step, by: r.clientId, at: iso(r.at) })),
      approved: reviews.some((r) => r.step === 'approved' && r.clientId !== author),
      yaml: row.yaml,
    };
  };

  return async (app) => {
    app.addContentTypeParser(YAML_TYPES, { parseAs: 'string', bodyLimit: deps.limits.rulebookBodyLimit }, (_request, body, done) => done(null, body));

    app.post<{ Body: string }>('/v1/rulebooks/drafts', {
      config: { access: OPERATOR },
      bodyLimit: deps.limits.rulebookBodyLimit,
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Upload a rulebook draft (YAML)',
        description: 'Send the YAML as the body with Content-Type application/yaml. Invalid drafts are refused with invalid_rulebook, '
          + 'each issue located by line and column in `errors`.',
        consumes: YAML_TYPES,
        body: Type.String({ minLength: 1 }),
        response: { 201: DraftWithText },
      }),
    }, async (request, reply) => {
      const yaml = request.body;
      const version = compileRulebookText(yaml).version;
      if (version === 'drafts') throw new CredenceError('invalid_rulebook', 'a rulebook version cannot be called "drafts"');
      const sha256 = createHash('sha256').update(yaml).digest('hex');
      const at = deps.clock();
      const row = await deps.store.write(async (tx) => {
        const existing = await tx.rulebook(version);
        if (existing && existing.sha256 !== sha256) {
          throw new CredenceError('invalid_rulebook', `rulebook version ${version} exists with a different text; give the draft a new version`);
        }
        if (existing) return existing;
        const fresh: RulebookRow = { version, yaml, sha256, status: 'draft', createdAt: at, publishedAt: null };
        await tx.putRulebook(fresh);
        return fresh;
      });
      if (row.status !== 'draft' && row.status !== 'staging') throw new CredenceError('invalid_rulebook', `rulebook version ${version} is already ${row.status}`);
      if (!(await deps.service.rulebookReviews(version)).some((r) => r.step === 'drafted')) {
        await deps.service.putRulebookReview({
          version, step: 'drafted', clientId: clientOf(request).client.id, at, controlledBy: await keyController(deps.service, request),
        });
      }
      return reply.code(201).send(await view(row));
    });

    app.get('/v1/rulebooks/drafts', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Rulebook drafts awaiting approval or publication',
        response: { 200: Type.Object({ items: Type.Array(DraftView) }, closed) },
      }),
    }, async () => {
      const rows = (await deps.store.read((tx) => tx.rulebooks())).filter((r) => r.status === 'draft' || r.status === 'staging');
      return { items: await Promise.all(rows.map(view)) };
    });

    app.get<{ Params: VersionParams }>('/v1/rulebooks/drafts/:version', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, { summary: 'One draft with its text and reviews', params: VersionParams, response: { 200: DraftWithText } }),
    }, async (request) => view(await draft(request.params.version)));

    app.get<{ Params: VersionParams }>('/v1/rulebooks/drafts/:version/preview', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Impact of the draft on the whole population',
        description: 'Rates every subject under the rulebook in force and under the draft, now: how many change grade (from → to), change points, '
          + 'and enter or leave each list.',
        params: VersionParams,
        response: { 200: PreviewView },
      }),
    }, async (request) => {
      const row = await draft(request.params.version);
      const current = await deps.standings.rulebook();
      const at = deps.clock();
      const impact = await previewImpact(deps.store, current, compileRulebookText(row.yaml), at);
      return { version: row.version, against: current.version, at: iso(at), ...impact };
    });

    app.post<{ Params: VersionParams }>('/v1/rulebooks/drafts/:version/approval', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Approve a draft (an operator other than its author)', params: VersionParams, response: { 200: DraftWithText },
      }),
    }, async (request) => {
      const row = await draft(request.params.version);
      const me = clientOf(request).client.id;
      const controlledBy = await keyController(deps.service, request);
      const drafted = (await deps.service.rulebookReviews(row.version)).find((r) => r.step === 'drafted');
      if (drafted?.clientId === me) throw new CredenceError('second_operator_required', `you uploaded draft ${row.version}; another operator must approve it`);
      // A key the author issued (to a client it registered, or to another operator) is the author's too.
      if (drafted && [drafted.clientId, drafted.controlledBy].includes(controlledBy)) {
        throw new CredenceError('second_operator_required',
          `this key was issued with a key of ${controlledBy}, who uploaded draft ${row.version}: approve with a key its operator holds alone (issued on the host with \`credence key issue\`, or by a third operator)`);
      }
      await deps.service.putRulebookReview({ version: row.version, step: 'approved', clientId: clientId(me), at: deps.clock(), controlledBy });
      return view(row);
    });

    app.post<{ Params: VersionParams }>('/v1/rulebooks/drafts/:version/publication', {
      config: { access: OPERATOR },
      schema: routeSchema('operator', OPERATOR, {
        summary: 'Publish an approved draft: every subject is re-rated, then the version takes effect at once',
        params: VersionParams,
        response: { 200: PublicationView },
      }),
    }, async (request) => {
      const row = await draft(request.params.version);
      if (!(await view(row)).approved) throw new CredenceError('approval_required', `draft ${row.version} has not been approved by a second operator`);
      request.log.info({ version: row.version, by: clientOf(request).client.id }, 'publishing rulebook');
      return deps.ledger.publishRulebook(row.yaml, deps.clock());
    });
  };
}
