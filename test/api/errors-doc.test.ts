import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../../src/core/errors.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const rows = [...doc.matchAll(/^\| `([a-z_]+)` \| (\d{3}) \| ([^|]+?) \|/gm)].map((m) => ({ code: m[1], status: Number(m[2]), title: m[3] }));

describe('docs/errors.md', () => {
  it('lists every code of the catalog, and no other, each once', () => {
    expect(rows.map((r) => r.code).sort()).toEqual(Object.keys(ERROR_CATALOG).sort());
  });

  it('gives each code the status and title the API answers with', () => {
    for (const r of rows) {
      const entry = ERROR_CATALOG[r.code as keyof typeof ERROR_CATALOG];
      expect({ code: r.code, status: r.status, title: r.title }).toEqual({ code: r.code, status: entry.status, title: entry.title });
    }
  });
});
