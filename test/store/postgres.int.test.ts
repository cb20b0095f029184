import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { startPostgres, type TestPostgres } from '../support/postgres.js';
import { conformance } from './conformance.js';

let server: TestPostgres | undefined;
let databases = 0;

beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

conformance('postgres', async () => {
  if (!server) throw new Error('the PostgreSQL test server did not start');
  databases += 1;
  const store = await openStore(await server.createDatabase(`conformance_${databases}`));
  return { store, close: () => store.close() };
});
