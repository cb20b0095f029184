import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from './node-flags.js';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('NODE_FLAGS', () => {
  it('are on the bin\'s shebang, so an installed `credence` runs with them', () => {
    const shebang = read('./main.ts').split('\n')[0];
    expect(shebang).toBe(`#!/usr/bin/env -S node ${NODE_FLAGS.join(' ')}`);
  });

  it('are on every package script that runs the built CLI', () => {
    const scripts = (JSON.parse(read('../../package.json')) as { scripts: Record<string, string> }).scripts;
    // `node [flags] dist/cli/main.js`: a script that runs the CLI (the build only names the file, to make it executable).
    const running = Object.entries(scripts).filter(([, command]) => /\bnode(\s+-\S+)*\s+dist\/cli\/main\.js/.test(command));
    expect(running.map(([name]) => name)).toEqual(expect.arrayContaining(['start', 'credence']));
    for (const [, command] of running) expect(command).toContain(`node ${NODE_FLAGS.join(' ')} dist/cli/main.js`);
  });

  it('are on the benchmarks, which run our code in their own process as the CLI runs it (baselines alike)', () => {
    const scripts = (JSON.parse(read('../../package.json')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.bench).toBe(`node ${NODE_FLAGS.join(' ')} --import tsx bench/run.ts`);
  });
});
