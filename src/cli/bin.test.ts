import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };

describe('the credence bin', () => {
  it('is made executable by the build (tsc writes it 0644, and npm may link bins before `prepare` builds them)', () => {
    const bin = pkg.bin.credence;
    expect(bin).toBe('dist/cli/main.js');
    expect(pkg.scripts.build).toContain(`chmodSync('${bin}', 0o755)`);
  });
});
