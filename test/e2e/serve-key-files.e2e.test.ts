import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../cli/support/run-cli.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

describe('credence serve with key files of its own', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('signs the log and the attestations with the key files it is given, not with files beside the database', async () => {
    const dir = tempDir('serve-keys');
    const db = `sqlite:${join(dir, 'credence.db')}`;
    const logKey = join(dir, 'secrets', 'log.key');
    const attestKeys = join(dir, 'secrets', 'attest.keys');
    server = await startServerProcess('serve-keys', db, ['--log-key', logKey, '--attest-keys', attestKeys]);

    const published = await server.call(null, 'GET', '/.well-known/credence-keys.json');
    expect(published.status).toBe(200);
    // The command that rotates keys reads the same file, so the server and it agree on the key set.
    const listed = await runCli(['--db', db, 'attest', 'keys', '--key-file', attestKeys]);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual(published.json);

    expect(readFileSync(logKey, 'utf8').length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'credence.db.log-key'))).toBe(false);
    expect(existsSync(join(dir, 'credence.db.attest-keys'))).toBe(false);
  });
});
