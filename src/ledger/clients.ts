import { clientId, type Instant } from '../core/brand.js';
import { CredenceError } from '../core/errors.js';
import { canonicalJson } from '../core/ledger/canonical-json.js';
import type { ClientRole, ClientScope } from '../core/ledger/ledger-event.js';
import { FURNISHER_KINDS, recordTypes, type FurnisherKind } from '../core/taxonomy/index.js';
import type { ClientRow } from '../store/rows.js';
import { appendEvents, type LedgerContext } from './ledger-context.js';

export interface ClientInput {
  readonly id: string;
  readonly role: ClientRole;
  readonly name: string;
  /** Required for furnishers: the kind of body, which bounds the record types it may ever submit. */
  readonly furnisherKind?: FurnisherKind;
  readonly scope: ClientScope;
}

const CLIENT_ID = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

/** Every record type a furnisher of this kind may submit under the taxonomy: the widest scope it can hold. */
export const recordTypesFor = (kind: FurnisherKind): readonly string[] =>
  recordTypes.filter((t) => t.furnishers.includes(kind)).map((t) => t.code);

/**
 * Registers a client (appending `client.registered`). Registering the same definition again is a
 * no-op that returns the stored client; a different definition under a used id is refused.
 */
export async function registerClient(ctx: LedgerContext, input: ClientInput, at: Instant, actor = 'operator'): Promise<ClientRow> {
  if (!CLIENT_ID.test(input.id)) throw new CredenceError('invalid_request', 'client id must be 1-64 of a-z 0-9 _ . - and start with a letter or digit');
  if (input.name.trim() === '' || input.name.length > 200) throw new CredenceError('invalid_request', 'client name must be 1-200 characters');
  if (input.role === 'furnisher') {
    if (!input.furnisherKind || !FURNISHER_KINDS.includes(input.furnisherKind)) {
      throw new CredenceError('invalid_request', `a furnisher needs a furnisherKind: one of ${FURNISHER_KINDS.join(', ')}`);
    }
    const allowed = new Set(recordTypesFor(input.furnisherKind));
    const outside = (input.scope.recordTypes ?? []).filter((t) => !allowed.has(t));
    if (outside.length > 0) throw new CredenceError('out_of_scope', `a ${input.furnisherKind} may not furnish ${outside.join(', ')}`);
  }
  const row: ClientRow = {
    id: clientId(input.id), role: input.role, name: input.name, furnisherKind: input.furnisherKind ?? null,
    scope: input.scope, status: 'active', registeredAt: at, revokedAt: null,
  };
  return ctx.store.write(async (tx) => {
    const existing = await tx.client(input.id);
    if (existing) {
      const same = existing.status === 'active' && existing.role === row.role && existing.name === row.name
        && existing.furnisherKind === row.furnisherKind && canonicalJson(existing.scope) === canonicalJson(row.scope);
      if (same) return existing;
      throw new CredenceError('invalid_request', `client id ${input.id} is already registered with a different definition`);
    }
    await appendEvents(ctx, tx, [{
      event: {
        type: 'client.registered', subjectId: null, clientId: row.id, role: row.role, name: row.name,
        ...(input.furnisherKind ? { furnisherKind: input.furnisherKind } : {}), scope: row.scope,
      },
      recordedAt: at,
      actor,
    }]);
    await tx.putClient(row);
    return row;
  });
}

/** Revokes a client for good (appending `client.revoked`); its records stay, it can no longer act. */
export async function revokeClient(ctx: LedgerContext, id: string, reason: string, at: Instant, actor = 'operator'): Promise<ClientRow> {
  return ctx.store.write(async (tx) => {
    const existing = await tx.client(id);
    if (!existing) throw new CredenceError('not_found', `client ${id} is not registered`);
    if (existing.status === 'revoked') return existing;
    await appendEvents(ctx, tx, [{ event: { type: 'client.revoked', subjectId: null, clientId: existing.id, reason }, recordedAt: at, actor }]);
    const revoked: ClientRow = { ...existing, status: 'revoked', revokedAt: at };
    await tx.putClient(revoked);
    return revoked;
  });
}
