import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { recordId, type Instant } from '../../../core/brand.js';
import { CredenceError } from '../../../core/errors.js';
import { MAX_BATCH, parseInstant, type RecordChange } from '../../../ledger/index.js';
import type { SubmissionKind } from '../../../store/service-store.js';
import { timeOrderedId } from '../../inquiries/time-ordered-id.js';
import { clientOf } from '../../plugins/access-control.js';
import { iso } from '../../schemas/common.js';
import {
  BatchBody, CorrectionBody, FulfilmentBody, RecordChangeView, RecordIdParams, RecordView, RetractionBody, SubmissionView,
} from '../../schemas/records.js';
import type { ServerDeps } from '../../server-deps.js';
import { recordView } from '../../views/record-view.js';
import { routeSchema } from '../route-schema.js';

const FURNISHER = ['furnisher'] as const;

/** Furnishing: batches of records, and fulfilment, correction or retraction of a record the caller furnished. */
export function furnisherRecordRoutes(deps: ServerDeps): FastifyPluginAsync {
  /** A record change joins the furnisher's submissions, with the key it came with; answers the change. */
  const noted = async (request: FastifyRequest, kind: SubmissionKind, at: Instant, change: RecordChange): Promise<RecordChange> => {
    const { client, keyId } = clientOf(request);
    await deps.service.putSubmission({
      id: timeOrderedId('sub_', at), clientId: client.id, keyId, kind, at, accepted: change.duplicate ? 0 : 1, duplicates: change.duplicate ? 1 : 0,
      rejected: 0, items: [], change,
    });
    return change;
  };
  return async (app) => {
    app.post<{ Body: BatchBody }>('/v1/records', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'Submit a batch of records',
        description: `Validates every record (identifier, taxonomy, attributes, your scope) and commits the accepted ones atomically before answering; `
          + `each item says accepted (with its record id; duplicate when resubmitted) or rejected (with a code and reason). At most ${MAX_BATCH} records.`,
        body: BatchBody,
        response: { 200: SubmissionView },
      }),
    }, async (request) => {
      const { client, keyId } = clientOf(request);
      const records = request.body.records;
      if (records.length > MAX_BATCH) throw new CredenceError('payload_too_large', `a batch holds at most ${MAX_BATCH} records, got ${records.length}`);
      const at = deps.clock();
      const result = await deps.ledger.furnish(client.id, records, at);
      const submission = { id: timeOrderedId('sub_', at), clientId: client.id, keyId, kind: 'records' as const, at, ...result, change: null };
      await deps.service.putSubmission(submission);
      return { submissionId: submission.id, kind: submission.kind, keyId, at: iso(at), change: null, accepted: result.accepted, duplicates: result.duplicates, rejected: result.rejected, items: result.items };
    });

    app.get<{ Params: RecordIdParams }>('/v1/records/:id', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'A record you furnished, with its current status',
        params: RecordIdParams,
        response: { 200: RecordView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const [record] = await deps.store.read((tx) => tx.records([recordId(request.params.id)]));
      if (!record || record.furnisherId !== client.id) throw new CredenceError('not_found', `you furnished no record ${request.params.id}`);
      return recordView(record);
    });

    app.post<{ Params: RecordIdParams; Body: FulfilmentBody }>('/v1/records/:id/fulfilment', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'The subject performed (paid, settled): the record stops counting and listings it caused lift',
        params: RecordIdParams,
        body: FulfilmentBody,
        response: { 200: RecordChangeView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const at = deps.clock();
      const { fulfilledAt: text, expectedVersion } = request.body;
      const fulfilledAt = text === undefined ? undefined : parseInstant(text);
      if (text !== undefined && fulfilledAt === undefined) throw new CredenceError('invalid_request', 'fulfilledAt must be an ISO 8601 date or date-time with offset');
      return noted(request, 'fulfilment', at, await deps.ledger.fulfil(client.id, recordId(request.params.id), {
        ...(fulfilledAt !== undefined ? { fulfilledAt } : {}), ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      }, at));
    });

    app.post<{ Params: RecordIdParams; Body: CorrectionBody }>('/v1/records/:id/correction', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'The record was wrong: a corrected record (its own furnisherRef) supersedes it',
        params: RecordIdParams,
        body: CorrectionBody,
        response: { 200: RecordChangeView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const { replacement, reason, expectedVersion } = request.body;
      const at = deps.clock();
      return noted(request, 'correction', at, await deps.ledger.correct(client.id, recordId(request.params.id), {
        replacement, reason, ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      }, at));
    });

    app.post<{ Params: RecordIdParams; Body: RetractionBody }>('/v1/records/:id/retraction', {
      config: { access: FURNISHER },
      schema: routeSchema('furnisher', FURNISHER, {
        summary: 'The record should never have been furnished: it stops counting entirely',
        params: RecordIdParams,
        body: RetractionBody,
        response: { 200: RecordChangeView },
      }),
    }, async (request) => {
      const { client } = clientOf(request);
      const { reason, expectedVersion } = request.body;
      const at = deps.clock();
      return noted(request, 'retraction', at,
        await deps.ledger.retract(client.id, recordId(request.params.id), { reason, ...(expectedVersion !== undefined ? { expectedVersion } : {}) }, at));
    });
  };
}
