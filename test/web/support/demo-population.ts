import type { FastifyInstance } from 'fastify';
import { recordId, type Instant } from '../../../src/core/brand.js';
import { DEMO_FURNISHERS } from '../../../src/demo/demo-furnishers.js';
import { demoSubjects } from '../../../src/demo/demo-population.js';
import { parseInstant, type RecordInput } from '../../../src/ledger/index.js';

/**
 * A small slice of the demo population `credence start` imports, furnished through the ledger, so that
 * previews and charts have a population to show.
 */
export async function furnishDemoPopulation(app: FastifyInstance, subjects: number, at: Instant): Promise<void> {
  const { ledger } = app.deps;
  for (const f of DEMO_FURNISHERS) {
    await ledger.registerClient({ id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: f.scope } }, at);
  }
  const byFurnisher = new Map<string, { record: RecordInput; fulfilledAt?: string }[]>();
  for (const s of demoSubjects({ seed: 1, subjects, asOf: at - 86_400_000 })) {
    for (const r of s.records) {
      byFurnisher.set(r.furnisherId, [...(byFurnisher.get(r.furnisherId) ?? []), { record: r.record, ...(r.fulfilledAt ? { fulfilledAt: r.fulfilledAt } : {}) }]);
    }
  }
  for (const [furnisherId, items] of byFurnisher) {
    const result = await ledger.furnish(furnisherId, items.map((i) => i.record), at);
    for (const [i, item] of result.items.entries()) {
      const fulfilledAt = items[i]?.fulfilledAt;
      if (item.status !== 'accepted' || !item.recordId || fulfilledAt === undefined) continue;
      await ledger.fulfil(furnisherId, recordId(item.recordId), { fulfilledAt: parseInstant(fulfilledAt) ?? at }, at);
    }
  }
}
