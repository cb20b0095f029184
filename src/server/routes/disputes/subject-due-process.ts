import type { FastifyPluginAsync } from 'fastify';
import { recordId } from '../../../core/brand.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, MAX_EVIDENCE_TOTAL_BYTES, MAX_GROUNDS } from '../../../core/disputes/index.js';
import { CredenceError } from '../../../core/errors.js';
import { subjectOf } from '../../plugins/access-control.js';
import { iso } from '../../schemas/common.js';
import {
  AppealBody, DisputeCaseView, DisputeIdParams, DisputeListView, EvidenceParams, OpenDisputeBody, RestorationBody, RestorationListView,
  RestorationView, StatementBody, StatementListView, StatementView, SubjectNoticeListView,
} from '../../schemas/disputes.js';
import { RecordIdParams } from '../../schemas/records.js';
import type { ServerDeps } from '../../server-deps.js';
import { noticeSentView, restorationView } from '../../views/dispute-case-view.js';
import { routeSchema } from '../route-schema.js';
import { disputeViews, readDueProcess } from './due-process-reads.js';
import { sendEvidence } from './send-evidence.js';

const SUBJECT = ['subject'] as const;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/**
 * Evidence travels base64 in JSON (4 characters for 3 bytes): the body holds the largest evidence
 * allowed, grounds of up to 4 UTF-8 bytes a character, and 64 KiB for names and the JSON around them.
 */
export const OPEN_DISPUTE_BODY_LIMIT = Math.ceil(MAX_EVIDENCE_TOTAL_BYTES / 3) * 4 + MAX_GROUNDS * 4 + 64 * 1024;

const decode = (text: string, i: number): Uint8Array => {
  if (text.length % 4 !== 0 || !BASE64.test(text)) throw new CredenceError('invalid_request', `evidence file ${i + 1} is not valid base64`);
  return new Uint8Array(Buffer.from(text, 'base64'));
};

/** A subject's due process: its disputes and appeals, statements, restoration applications, and who was notified. */
export function subjectDueProcessRoutes(deps: ServerDeps): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Params: RecordIdParams; Body: OpenDisputeBody }>('/v1/me/records/:id/disputes', {
      config: { access: SUBJECT },
      bodyLimit: OPEN_DISPUTE_BODY_LIMIT,
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Dispute one of your records',
        description: `The furnisher must answer by the deadline the rulebook sets for the record type (20 days by default, 15 for court lists, to 24:00 China Standard Time), `
          + `or the record stops counting at that instant until it answers. Up to ${MAX_EVIDENCE_FILES} evidence files of at most ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB each and ${MAX_EVIDENCE_TOTAL_BYTES / 1024 / 1024} MB in all, stored by SHA-256.`,
        params: RecordIdParams, body: OpenDisputeBody, response: { 201: DisputeCaseView },
      }),
    }, async (request, reply) => {
      const { subjectId } = subjectOf(request);
      const evidence = (request.body.evidence ?? []).map((e, i) => ({ name: e.name, mediaType: e.mediaType, content: decode(e.contentBase64, i) }));
      const row = await deps.ledger.dueProcess.openDispute(subjectId, recordId(request.params.id), { grounds: request.body.grounds, evidence }, deps.clock());
      const [view] = await disputeViews(deps, () => Promise.resolve([row]), subjectId);
      return reply.code(201).send(view);
    });

    app.get('/v1/me/disputes', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Your disputes, newest first, each with its deadlines, full timeline and the relying parties told of its outcome',
        response: { 200: DisputeListView },
      }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      return { disputes: await disputeViews(deps, (r) => r.disputesOf(subjectId), subjectId) };
    });

    app.post<{ Params: DisputeIdParams; Body: AppealBody }>('/v1/me/disputes/:id/appeal', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Appeal the furnisher\'s answer to the operator (within 10 days of it)',
        description: 'The operator decides within 15 days; the decision is binding and recorded.',
        params: DisputeIdParams, body: AppealBody, response: { 200: DisputeCaseView },
      }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      const row = await deps.ledger.dueProcess.appealDispute(subjectId, request.params.id, request.body.grounds, deps.clock());
      const [view] = await disputeViews(deps, () => Promise.resolve([row]), subjectId);
      return view;
    });

    app.get<{ Params: EvidenceParams }>('/v1/me/disputes/:id/evidence/:sha256', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'A file you sent with a dispute', params: EvidenceParams,
        response: { 200: { description: 'The file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
      }),
    }, async (request, reply) => {
      const { subjectId } = subjectOf(request);
      const row = await readDueProcess(deps, (r) => r.dispute(request.params.id));
      if (!row || row.dispute.subjectId !== subjectId) throw new CredenceError('not_found', `you have no dispute ${request.params.id}`);
      return sendEvidence(deps, reply, row, request.params.sha256);
    });

    app.post<{ Params: RecordIdParams; Body: StatementBody }>('/v1/me/records/:id/statement', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Attach a short statement to one of your records (replaces an earlier one)',
        description: 'Relying parties whose decision rests on the record are told that a statement exists (statementExists on the reason).',
        params: RecordIdParams, body: StatementBody, response: { 200: StatementView },
      }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      const s = await deps.ledger.dueProcess.attachStatement(subjectId, recordId(request.params.id), request.body.text, deps.clock());
      return { recordId: s.recordId, text: s.text, attachedAt: iso(s.attachedAt) };
    });

    app.get('/v1/me/statements', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, { summary: 'Your statements on your records', response: { 200: StatementListView } }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      const rows = await readDueProcess(deps, (r) => r.statementsOf(subjectId));
      return { statements: rows.map((s) => ({ recordId: s.recordId, text: s.text, attachedAt: iso(s.attachedAt) })) };
    });

    app.post<{ Body: RestorationBody }>('/v1/me/restorations', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Apply for early restoration of a publicity listing (after the list\'s publicity minimum)',
        description: 'The operator decides; a grant ends the record\'s publicity listings at the decision without changing its points. Listings end by themselves at the publicity maximum.',
        body: RestorationBody, response: { 201: RestorationView },
      }),
    }, async (request, reply) => {
      const { subjectId } = subjectOf(request);
      const { recordId: id, listId, grounds } = request.body;
      const r = await deps.ledger.dueProcess.applyForRestoration(subjectId, { recordId: recordId(id), listId, grounds }, deps.clock());
      return reply.code(201).send(restorationView(r, deps.clock()));
    });

    app.get('/v1/me/restorations', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, { summary: 'Your restoration applications and their decisions', response: { 200: RestorationListView } }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      const rows = await readDueProcess(deps, (r) => r.restorationsOf(subjectId));
      return { restorations: rows.map((r) => restorationView(r.restoration, deps.clock())) };
    });

    app.get('/v1/me/notices', {
      config: { access: SUBJECT },
      schema: routeSchema('subject', SUBJECT, {
        summary: 'Who was told when one of your records was corrected or removed',
        description: 'Each relying party that received a decision resting on the record in the 12 months before the change gets a correction notice.',
        response: { 200: SubjectNoticeListView },
      }),
    }, async (request) => {
      const { subjectId } = subjectOf(request);
      return readDueProcess(deps, async (r, names) => ({ notices: (await r.noticesAbout(subjectId)).map((n) => noticeSentView(n, names)) }));
    });
  };
}
