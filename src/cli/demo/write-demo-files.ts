import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_FURNISHERS, type DemoFurnisher } from '../../demo/demo-furnishers.js';
import { demoLines, type PopulationOptions } from '../../demo/demo-population.js';
import { MANIFEST, prepareDemoDir } from './prepare-demo-dir.js';

/** `manifest.json` of a demo directory: what was generated, and the furnishers to register before importing. */
export interface DemoManifest {
  readonly format: 1;
  readonly seed: string;
  readonly subjects: number;
  readonly asOf: string;
  readonly furnishers: readonly (DemoFurnisher & { readonly file: string; readonly lines: number })[];
}

const FLUSH_AT = 1 << 16;

/**
 * Writes one NDJSON file per demo furnisher, then the manifest. Streams: memory holds one subject and a
 * small buffer per file whatever the population size. The manifest comes last (removed first), so a
 * directory with a manifest is complete. A folder that is not the demo's to write is refused (prepareDemoDir).
 */
export async function writeDemoFiles(
  dir: string,
  seedText: string,
  opts: PopulationOptions,
  onProgress?: (subjectsDone: number) => void,
): Promise<DemoManifest> {
  prepareDemoDir(dir);
  rmSync(join(dir, MANIFEST), { force: true });
  const outputs = new Map(
    DEMO_FURNISHERS.map((f) => [f.id, { stream: createWriteStream(join(dir, `${f.id}.ndjson`), { highWaterMark: 1 << 20 }), buffer: [] as string[], size: 0, lines: 0 }]),
  );
  let reported = 0;
  for (const { furnisherId, line, subject } of demoLines(opts)) {
    const out = outputs.get(furnisherId);
    if (out === undefined) continue;
    out.buffer.push(line);
    out.size += line.length + 1;
    out.lines += 1;
    if (out.size >= FLUSH_AT) {
      const text = `${out.buffer.join('\n')}\n`;
      out.buffer = [];
      out.size = 0;
      if (!out.stream.write(text)) await once(out.stream, 'drain');
    }
    if (subject - reported >= 1024) {
      reported = subject;
      onProgress?.(subject);
    }
  }
  for (const out of outputs.values()) {
    if (out.buffer.length > 0) out.stream.write(`${out.buffer.join('\n')}\n`);
    out.stream.end();
    await once(out.stream, 'finish');
  }
  const manifest: DemoManifest = {
    format: 1,
    seed: seedText,
    subjects: opts.subjects,
    asOf: new Date(opts.asOf).toISOString().slice(0, 10),
    furnishers: DEMO_FURNISHERS.map((f) => ({ ...f, file: `${f.id}.ndjson`, lines: outputs.get(f.id)?.lines ?? 0 })),
  };
  const tmp = join(dir, `${MANIFEST}.tmp`);
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(tmp, join(dir, MANIFEST));
  return manifest;
}
