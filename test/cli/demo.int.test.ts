import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './support/run-cli.js';

const dir = tempDir('demo');

/** One digest over every file the demo wrote, names included. */
function digest(out: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(out).sort()) h.update(name).update(readFileSync(join(out, name)));
  return h.digest('hex');
}

const demo = async (out: string, seed: string, ...extra: string[]): Promise<string> => {
  const r = await runCli(['--db', `sqlite:${join(dir, 'unused.db')}`, 'demo', '--subjects', '3000', '--seed', seed, '--as-of', '2026-06-30', '--out', join(dir, out), ...extra], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return digest(join(dir, out));
};

describe('credence demo', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', async () => {
    const [a, b, c] = await Promise.all([demo('a', 'alpha'), demo('b', 'alpha'), demo('c', 'beta')]);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('writes one NDJSON file per demo furnisher and a manifest naming each with its kind, scope and line count', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'a', 'manifest.json'), 'utf8')) as {
      subjects: number;
      asOf: string;
      furnishers: { id: string; kind: string; scope: string[]; file: string; lines: number }[];
    };
    expect(manifest.subjects).toBe(3000);
    expect(manifest.asOf).toBe('2026-06-30');
    expect(manifest.furnishers.map((f) => f.kind).sort()).toEqual(
      ['civil_affairs', 'court', 'lender', 'lender', 'public_security', 'regulator', 'tax_office', 'transport_operator', 'transport_operator'],
    );
    for (const f of manifest.furnishers) {
      const lines = readFileSync(join(dir, 'a', f.file), 'utf8').split('\n').filter((l) => l !== '');
      expect(lines).toHaveLength(f.lines);
      for (const line of lines.slice(0, 50)) {
        const r = JSON.parse(line) as { type?: string; op?: string };
        if (r.op === undefined) expect(f.scope).toContain(r.type);
      }
    }
  });

  it('with --import, registers the furnishers and imports every file without a rejection', async () => {
    const db = `sqlite:${join(dir, 'demo.db')}`;
    const r = await runCli(['--db', db, 'demo', '--subjects', '1500', '--seed', 'import', '--out', join(dir, 'imported'), '--import'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const summaries = r.stdout.split('\n').filter((l) => /^\s+[\d,]+\s+rejected/.test(l));
    expect(summaries.length).toBeGreaterThanOrEqual(8);
    for (const s of summaries) expect(s).toMatch(/^\s+0\s+rejected/);
    const list = await runCli(['--db', db, 'furnisher', 'list'], { cwd: dir });
    expect(list.stdout).toMatch(/^demo-court\tcourt\tactive\t/m);
  });
});
