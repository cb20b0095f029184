import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRulebook } from './parse-rulebook.js';
import { DEFAULT_RULEBOOK_PATH } from '../../../test/support/core-fixtures.js';

const text = readFileSync(DEFAULT_RULEBOOK_PATH, 'utf8');
const lineOf = (doc: string, needle: string): number => doc.slice(0, doc.indexOf(needle)).split('\n').length;
const issuesOf = (yaml: string) => {
  const r = parseRulebook(yaml);
  if (r.ok) throw new Error('expected the rulebook to be rejected');
  return r.issues;
};

describe('parseRulebook', () => {
  it('accepts the published default rulebook', () => {
    const r = parseRulebook(text);
    expect(r.ok).toBe(true);
  });

  it('points at the line and column of a YAML syntax error', () => {
    const [issue] = issuesOf('version: "1"\ntitle: [unclosed\n');
    expect(issue?.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects an unknown field at its line', () => {
    const broken = text.replace('  - id: defaulter-refuses\n', '  - id: defaulter-refuses\n    secretBonus: 5\n');
    const issues = issuesOf(broken);
    expect(issues[0]?.message).toContain('unknown field');
    expect(issues[0]?.line).toBe(lineOf(broken, 'secretBonus'));
  });

  it('rejects an unknown record type with the path and line of the rule', () => {
    const broken = text.replace('type: court.defaulter.refuses_to_perform', 'type: citizen.political_speech');
    const [issue] = issuesOf(broken);
    expect(issue?.message).toBe('unknown record type "citizen.political_speech"');
    expect(issue?.path).toMatch(/^rules\.\d+\.type$/);
    expect(issue?.line).toBe(lineOf(broken, 'citizen.political_speech'));
  });

  it('rejects terms over five years, rewards in negative types and unknown lists in measures', () => {
    const longTerm = text.replace(/(id: defaulter-refuses\n(?:.*\n)*?\s+term: )P\dY/, '$1P6Y');
    expect(issuesOf(longTerm)[0]?.message).toMatch(/exceeds five years/);
    const reward = text.replace(/(id: defaulter-refuses\n(?:.*\n)*?\s+points: )-\d+/, '$1 50');
    expect(issuesOf(reward)[0]?.message).toMatch(/negative record type: it cannot add points/);
    const badList = text.replace('list: judgment-defaulters', 'list: no-such-list');
    expect(issuesOf(badList).map((i) => i.message)).toContain('unknown list "no-such-list"');
  });

  it('rejects grade bands out of order', () => {
    const broken = text.replace(/grade: AA, min: (\d+)/, 'grade: AA, min: 1100');
    expect(issuesOf(broken).some((i) => /must be below the band above/.test(i.message))).toBe(true);
  });
});
