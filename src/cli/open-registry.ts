import { readFileSync } from 'node:fs';
import type { Instant } from '../core/brand.js';
import { isCredenceError } from '../core/errors.js';
import type { CompiledRulebook } from '../core/rulebook/compile-rulebook.js';
import type { FurnisherKind } from '../core/taxonomy/index.js';
import { fulfil } from '../ledger/change-record.js';
import { registerClient } from '../ledger/clients.js';
import { furnish } from '../ledger/furnish.js';
import type { LedgerContext } from '../ledger/ledger-context.js';
import { parseInstant } from '../ledger/parse-instant.js';
import { publishRulebook } from '../ledger/publish-rulebook.js';
import { deriveRecordId } from '../ledger/record-identity.js';
import { rulebookCache } from '../ledger/rulebook-cache.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import type { FulfilResult, ImportTarget } from './import/import-target.js';
import { UserError } from './user-error.js';

/** What the commands use: the ledger over an open store. */
export interface Registry {
  readonly store: Store;
  readonly ctx: LedgerContext;
  readonly target: ImportTarget;
  /** The rulebook in force, compiled. */
  rulebook(): Promise<CompiledRulebook>;
  registerFurnisher(f: { readonly id: string; readonly kind: FurnisherKind; readonly name: string; readonly scope: readonly string[] }): Promise<void>;
}

const DEFAULT_RULEBOOK = new URL('../../rulebooks/default.yaml', import.meta.url);

/**
 * Opens the database at `dbUrl`, runs `fn`, and closes it. A database without a rulebook in force gets
 * the published default rulebook first, so a newcomer's first command just works.
 */
export async function withRegistry<T>(dbUrl: string, fn: (registry: Registry) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore(dbUrl);
  } catch (e) {
    throw new UserError(`cannot open the database ${dbUrl}: ${e instanceof Error ? e.message : String(e)}; check --db or CREDENCE_DB`);
  }
  try {
    const ctx: LedgerContext = { store, rulebooks: rulebookCache(), onAppend: undefined };
    await ensureRulebook(ctx);
    return await fn(registry(ctx));
  } finally {
    await store.close();
  }
}

async function ensureRulebook(ctx: LedgerContext): Promise<void> {
  const head = await ctx.store.read((tx) => tx.head());
  if (head.currentRulebook !== null) return;
  const published = await publishRulebook(ctx, readFileSync(DEFAULT_RULEBOOK, 'utf8'), Date.now());
  process.stderr.write(`no rulebook was in force: published the default rulebook, version ${published.version}\n`);
}

function registry(ctx: LedgerContext): Registry {
  return {
    store: ctx.store,
    ctx,
    target: {
      furnish: (furnisherId, batch, at) => furnish(ctx, furnisherId, batch, at),
      fulfil: (furnisherId, ref, fulfilledAt, at) => fulfilByRef(ctx, furnisherId, ref, fulfilledAt, at),
    },
    rulebook: () => ctx.store.read(async (tx) => (await ctx.rulebooks.active(tx)).current),
    registerFurnisher: async (f) => {
      await registerClient(ctx, { id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: f.scope } }, Date.now());
    },
  };
}

/** Fulfils the furnisher's record `ref`; fulfilling it again (at the same instant, if one is given) is a duplicate. */
async function fulfilByRef(ctx: LedgerContext, furnisherId: string, ref: string, fulfilledAtText: string | undefined, at: Instant): Promise<FulfilResult> {
  const fulfilledAt = fulfilledAtText === undefined ? at : parseInstant(fulfilledAtText);
  if (fulfilledAt === undefined) return { status: 'rejected', code: 'invalid_request', reason: `fulfilledAt ${JSON.stringify(fulfilledAtText)} is not an ISO 8601 date or date-time with offset` };
  const id = deriveRecordId(furnisherId, ref);
  try {
    await fulfil(ctx, furnisherId, id, { fulfilledAt }, at);
    return { status: 'accepted', duplicate: false };
  } catch (e) {
    if (!isCredenceError(e)) throw e;
    if (e.code === 'record_not_active') {
      const [record] = await ctx.store.read((tx) => tx.records([id]));
      const same = fulfilledAtText === undefined || record?.fulfilledAt === fulfilledAt;
      if (record?.status === 'fulfilled' && same) return { status: 'accepted', duplicate: true };
    }
    return { status: 'rejected', code: e.code, reason: `${e.message} (fulfilment of furnisherRef ${ref})` };
  }
}
