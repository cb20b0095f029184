import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { dueProcessSuite } from './due-process-suite.js';

let server: TestPostgres | undefined;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

dueProcessSuite('postgres', async () => {
  if (!server) throw new Error('the PostgreSQL test server did not start');
  databases += 1;
  const store = await openStore(await server.createDatabase(`due_process_${databases}`));
  return { store, close: () => store.close() };
});
