import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { conformance } from './conformance.js';

conformance('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credence-sqlite-'));
  const store = await openStore(`sqlite:${join(dir, 'nested', 'credence.db')}`);
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
