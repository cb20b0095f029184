import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.js';
import { dueProcessSuite } from './due-process-suite.js';

dueProcessSuite('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credence-disputes-'));
  const store = await openStore(`sqlite:${join(dir, 'credence.db')}`);
  return {
    store,
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
