import { writeFileSync } from 'node:fs';
import { demoLines } from '../../../src/demo/demo-population.js';
import { seedHash } from '../../../src/demo/demo-seed.js';

/**
 * Writes the first `count` lines of the demo population's lenders (records and their fulfilments)
 * to `path`, to be imported by one lender furnisher. Returns the furnisherRefs of the records and
 * the number of fulfilment lines.
 */
export function writeLenderFile(path: string, count: number, seed = 'crash'): { refs: string[]; fulfilments: number } {
  const lines: string[] = [];
  const refs: string[] = [];
  let fulfilments = 0;
  const population = demoLines({ seed: seedHash(seed), subjects: 10_000_000, asOf: Date.UTC(2026, 5, 30) });
  for (const { furnisherId, line } of population) {
    if (lines.length >= count) break;
    if (furnisherId !== 'demo-bank' && furnisherId !== 'demo-consumer-finance') continue;
    const parsed = JSON.parse(line) as { op?: string; furnisherRef: string };
    // A fulfilment never goes in without its record (the population is cut after a record at worst).
    if (parsed.op === 'fulfil') fulfilments += 1;
    else refs.push(parsed.furnisherRef);
    lines.push(line);
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
  return { refs, fulfilments };
}
