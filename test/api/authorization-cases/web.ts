import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_ROOT } from '../../../src/server/plugins/web.js';
import { json, type Case } from '../support/authorization-case.js';

// The browser app's pages and assets are public: the data on them comes from the API routes, each with its own case.
// Without a web build (API-only runs) the app registers none of these routes, so there are no cases either.
const page = (url: string): Case => ({ allowed: 'everyone', request: () => json('GET', url) });

export const CASES: Record<string, Case> = existsSync(join(WEB_ROOT, 'index.html')) ? {
  'GET /*': page('/portal'),
  'GET /assets/*': page('/assets/no-such-file.js'),
} : {};
