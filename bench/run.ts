import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { printReport, writeReport, type BenchReport, type Figure } from './harness.js';

/** `npm run bench` runs every bench/*.bench.ts; `npm run bench -- NAME [NAME…]` runs the named ones. */
const dir = new URL('./', import.meta.url);
const available = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
// Names are the words that are neither options nor option values (`--records 1000`, `--only sqlite`).
const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && !/^\d/.test(a) && !/^--[a-z-]+$/.test(all[i - 1] ?? ''));
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}
let failed = false;
for (const name of wanted.length > 0 ? wanted : available) {
  const mod = (await import(new URL(`./${name}.bench.ts`, dir).href)) as { run: (args: readonly string[]) => Promise<readonly Figure[]> };
  const figures = await mod.run(process.argv.slice(2));
  const report: BenchReport = { name, machine: { cpus: availableParallelism(), node: process.version }, figures };
  printReport(report);
  console.log(`results: ${writeReport(report)}`);
  if (figures.some((f) => f.met === false)) failed = true;
}
if (failed) console.log('\nsome targets were not met (see above)');
