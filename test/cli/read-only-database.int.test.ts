import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS_APPLY, runCli, sharedTempDir } from './support/run-cli.js';

// The database file is made read-only for real: the CLI runs as `nobody` when the tests run as root.
const dir = sharedTempDir('read-only-db');
const file = join(dir, 'credence.db');
const db = `sqlite:${file}`;
const cli = (...args: string[]): ReturnType<typeof runCli> => runCli(['--db', db, ...args], { cwd: dir, unprivileged: true });

describe.skipIf(!PERMISSIONS_APPLY)('credence import into a read-only SQLite database', () => {
  it('says the database is read-only and what to check, in one line with exit 1, and leaves no empty rejected file', async () => {
    const added = await cli('furnisher', 'add', 'ro-court', '--kind', 'court', '--name', 'RO Court');
    expect(added.code, added.stderr).toBe(0);
    chmodSync(file, 0o444);
    const input = join(dir, 'in.ndjson');
    writeFileSync(input, `${JSON.stringify({
      furnisherRef: 'ro-1',
      subject: { scheme: 'cn-rid', identifier: '11010519491231002X' },
      type: 'court.civil.breach_of_contract',
      occurredAt: '2026-02-01',
      attributes: { caseNumber: '(2026)闽0102民初77号', court: '福州市鼓楼区人民法院', amount: 15000 },
      legalBasis: 'Civil Code of the PRC, Art. 577',
    })}\n`);
    const r = await cli('import', input, '--furnisher', 'ro-court');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(new RegExp(`^credence: the database ${db} is read-only \\(.*\\); check --db and its permissions\\n$`));
    expect(existsSync(`${input}.rejected.ndjson`)).toBe(false);
  });
});
