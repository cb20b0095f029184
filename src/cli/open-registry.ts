import type { Instant, RecordId } from '../core/brand.js';
import { isCredenceError } from '../core/errors.js';
import type { CompiledRulebook } from '../core/rulebook/compile-rulebook.js';
import type { FurnisherKind } from '../core/taxonomy/index.js';
import type { Ledger } from '../ledger/index.js';
import type { Store } from '../store/store.js';
import { databaseProblem } from './database-problem.js';
import { displayDbUrl } from './db-url.js';
import type { FulfilLine, FulfilResult, ImportTarget } from './import/import-target.js';
import { UserError } from './user-error.js';

/** What the commands use: the ledger over an open store. */
export interface Registry {
  readonly store: Store;
  readonly ledger: Ledger;
  readonly target: ImportTarget;
  /** The rulebook in force, compiled. */
  rulebook(): Promise<CompiledRulebook>;
  registerFurnisher(f: { readonly id: string; readonly kind: FurnisherKind; readonly name: string; readonly scope: readonly string[] }): Promise<void>;
}

/**
 * Opens the database at `dbUrl` (created and migrated if new; the default rulebook published if none
 * is in force, so a newcomer's first command just works), runs `fn`, and closes it. A database that
 * cannot be opened, or turns out read-only, is a UserError naming it.
 */
export async function withRegistry<T>(dbUrl: string, fn: (registry: Registry) => Promise<T>): Promise<T> {
  // Loaded on demand: commands that need no database (demo, --help) start without the drivers.
  const [{ openStore }, ledgerModule, { rulebookCache }] = await Promise.all([
    import('../store/open-store.js'),
    import('../ledger/index.js'),
    import('../ledger/rulebook-cache.js'),
  ]);
  const shown = `the database ${displayDbUrl(dbUrl)}`;
  let store: Store;
  try {
    store = await openStore(dbUrl);
  } catch (e) {
    const problem = databaseProblem(e, shown);
    throw new UserError(problem ?? `cannot open ${shown}: ${e instanceof Error ? e.message : String(e)}; check --db or CREDENCE_DB`);
  }
  try {
    const ledger = await ledgerModule.openLedger(store);
    const rulebooks = rulebookCache();

    /** Fulfils the furnisher's record `ref`; fulfilling it again (at the same instant, if one is given) is a duplicate. */
    const fulfilByRef = async (furnisherId: string, ref: string, fulfilledAtText: string | undefined, at: Instant): Promise<FulfilResult> => {
      const fulfilledAt = fulfilledAtText === undefined ? at : ledgerModule.parseInstant(fulfilledAtText);
      if (fulfilledAt === undefined) {
        return { status: 'rejected', code: 'invalid_request', reason: `fulfilledAt ${JSON.stringify(fulfilledAtText)} is not an ISO 8601 date or date-time with offset` };
      }
      const record = await ledger.recordByRef(furnisherId, ref);
      if (record === undefined) return { status: 'rejected', code: 'not_found', reason: `no record with furnisherRef ${ref} from ${furnisherId} to fulfil` };
      if (record.status === 'fulfilled' && (fulfilledAtText === undefined || record.fulfilledAt === fulfilledAt)) return { status: 'accepted', duplicate: true };
      try {
        return { status: 'accepted', duplicate: (await ledger.fulfil(furnisherId, record.id, { fulfilledAt }, at)).duplicate };
      } catch (e) {
        if (!isCredenceError(e)) throw e;
        return { status: 'rejected', code: e.code, reason: `${e.message} (fulfilment of furnisherRef ${ref})` };
      }
    };

    /** Fulfilments of the furnisher's records by ref in one commit; each answered as `fulfilByRef` would have. */
    const fulfilManyByRef = async (furnisherId: string, lines: readonly FulfilLine[], at: Instant): Promise<FulfilResult[]> => {
      const records = new Map((await store.read((tx) => tx.recordsByRef(furnisherId, [...new Set(lines.map((l) => l.furnisherRef))])))
        .map((r) => [r.furnisherRef, r]));
      const results: (FulfilResult | undefined)[] = [];
      const changes: { readonly line: number; readonly id: RecordId; readonly fulfilledAt: Instant | undefined }[] = [];
      lines.forEach((l, i) => {
        const fulfilledAt = l.fulfilledAt === undefined ? undefined : ledgerModule.parseInstant(l.fulfilledAt);
        const record = records.get(l.furnisherRef);
        if (l.fulfilledAt !== undefined && fulfilledAt === undefined) {
          results[i] = { status: 'rejected', code: 'invalid_request', reason: `fulfilledAt ${JSON.stringify(l.fulfilledAt)} is not an ISO 8601 date or date-time with offset` };
        } else if (record === undefined) {
          results[i] = { status: 'rejected', code: 'not_found', reason: `no record with furnisherRef ${l.furnisherRef} from ${furnisherId} to fulfil` };
        } else changes.push({ line: i, id: record.id, fulfilledAt });
      });
      const outcomes = await ledger.fulfilMany(furnisherId, changes.map(({ id, fulfilledAt }) => ({ id, fulfilledAt })), at);
      changes.forEach((c, k) => {
        const o = outcomes[k];
        results[c.line] = o === undefined || o.ok
          ? { status: 'accepted', duplicate: o?.change.duplicate ?? false }
          : { status: 'rejected', code: o.code, reason: `${o.reason} (fulfilment of furnisherRef ${lines[c.line]?.furnisherRef ?? ''})` };
      });
      return results.map((r) => r ?? { status: 'rejected', code: 'internal_error', reason: 'no answer' });
    };

    return await fn({
      store,
      ledger,
      target: {
        furnish: (furnisherId, batch, at) => ledger.furnish(furnisherId, batch, at),
        furnishMany: (furnisherId, batches, at) => ledger.furnishMany(furnisherId, batches, at),
        fulfil: fulfilByRef,
        fulfilMany: fulfilManyByRef,
      },
      rulebook: () => store.read(async (tx) => (await rulebooks.active(tx)).current),
      registerFurnisher: async (f) => {
        await ledger.registerClient({ id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: f.scope } }, Date.now());
      },
    });
  } catch (e) {
    const problem = databaseProblem(e, shown);
    throw problem === undefined ? e : new UserError(problem);
  } finally {
    await store.close();
  }
}
