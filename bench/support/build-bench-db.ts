import { existsSync, renameSync, rmSync } from 'node:fs';
import { MAX_BATCH, openLedger } from '../../src/ledger/index.js';
import { openLog } from '../../src/log/open-log.js';
import { openStore } from '../../src/store/open-store.js';
import { BENCH_FURNISHERS, benchBatches } from './bench-population.js';

/**
 * A SQLite registry of `subjects` people built through the ledger's own furnishing path (so it holds
 * exactly what ingest produces), cached at `file`: later runs reuse it. Built under a temporary name
 * and renamed when complete, so an interrupted build is never mistaken for a finished one.
 */
export async function buildBenchDb(file: string, subjects: number, asOf: number, log: (line: string) => void): Promise<void> {
  if (existsSync(file)) return;
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  const store = await openStore(`sqlite:${partial}`);
  const started = performance.now();
  try {
    const at = asOf;
    const ledger = await openLedger(store, { at });
    for (const f of BENCH_FURNISHERS) {
      await ledger.registerClient({ id: f.id, role: 'furnisher', name: f.name, furnisherKind: f.kind, scope: { recordTypes: [...f.types] } }, at);
    }
    const step = 50_000;
    for (let from = 0; from < subjects; from += step) {
      for (const batch of benchBatches(from, Math.min(subjects, from + step), MAX_BATCH, at)) {
        const result = await ledger.furnish(batch.furnisherId, batch.records, at);
        if (result.rejected > 0) throw new Error(`bench records rejected: ${JSON.stringify(result.items.find((i) => i.status === 'rejected'))}`);
      }
      const done = Math.min(subjects, from + step);
      const seconds = (performance.now() - started) / 1000;
      log(`built ${done.toLocaleString('en-US')} of ${subjects.toLocaleString('en-US')} subjects (${Math.round(done / seconds).toLocaleString('en-US')}/s)`);
    }
  } finally {
    await store.close();
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
}

/**
 * Brings the transparency log of the cached registry up to its ledger (once: later runs find it
 * current), with the signing key kept beside it (`FILE.log-key`). A registry serving checks has a
 * current log; without this, every run's server would hash a million events into its log in the
 * background while it is being measured.
 */
export async function catchUpBenchLog(file: string, log: (line: string) => void): Promise<void> {
  const store = await openStore(`sqlite:${file}`);
  try {
    const started = performance.now();
    const service = await openLog(`sqlite:${file}`);
    try {
      const before = (await service.store.head()).size;
      const size = await service.catchUp();
      await service.checkpoint();
      if (size > before) log(`transparency log: ${size.toLocaleString('en-US')} events (${(size - before).toLocaleString('en-US')} appended in ${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } finally {
      await service.close();
    }
  } finally {
    await store.close();
  }
}
