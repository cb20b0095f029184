import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/server/auth/secrets.js';
import { openServiceStore } from '../../src/store/open-service-store.js';
import { runCli, tempDir } from './support/run-cli.js';

describe('credence key issue', () => {
  it('issues a key on the host that its client alone holds, stored as a hash, and refuses an unknown client', async () => {
    const dir = tempDir('key');
    const db = `sqlite:${join(dir, 'credence.db')}`;
    expect((await runCli(['--db', db, 'furnisher', 'add', 'court-x', '--kind', 'court', '--name', 'Court X'])).code).toBe(0);

    const issued = await runCli(['--db', db, 'key', 'issue', 'court-x']);
    expect(issued.code, issued.stderr).toBe(0);
    const key = /(crd_live_\S+)/.exec(issued.stdout)?.[1] ?? '';
    const service = await openServiceStore(db);
    try {
      expect(await service.apiKeyByHash(sha256Hex(key))).toMatchObject({ clientId: 'court-x', controlledBy: null, revokedAt: null });
    } finally {
      await service.close();
    }

    const unknown = await runCli(['--db', db, 'key', 'issue', 'court-y']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no client court-y is registered/);
  });
});
