import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { RulebookDocument } from '../../web/src/api/wire.js';
import { offsetOf } from '../../web/src/pages/console/text-position.js';
import { formatConditions } from '../../web/src/pages/public/format-conditions.js';
import { indexRulebook } from '../../web/src/pages/public/rulebook-index.js';

const rulebook = parse(readFileSync(new URL('../../rulebooks/default.yaml', import.meta.url), 'utf8')) as RulebookDocument;
const ruleIds = (query: string) => indexRulebook(rulebook, query).types.flatMap((s) => s.rules.map((r) => r.id));

describe('the rulebook page’s index', () => {
  it('shows every rule without a query, grouped by record type in the rulebook’s order', () => {
    expect(ruleIds('')).toHaveLength(rulebook.rules.length);
    expect(ruleIds('').slice(0, 2)).toEqual(['defaulter-refuses-aggravated', 'defaulter-refuses']);
  });

  it('finds rules by a word of their conditions or source, case-insensitively', () => {
    expect(ruleIds('LITTERING')).toEqual(['public-order-littering']);
    expect(ruleIds('pyramid')).toContain('public-order-fraud-pyramid');
  });

  it('a record type that leads to a list carries the list and the measures it triggers', () => {
    const section = indexRulebook(rulebook, 'court.defaulter.refuses_to_perform').types[0];
    expect(section?.lists.map((l) => l.kind)).toContain('black');
    expect(section?.measures.some((m) => m.action === 'aviation.ticket.purchase' && m.effect === 'deny')).toBe(true);
  });

  it('an unmatched query shows nothing rather than everything', () => {
    const view = indexRulebook(rulebook, 'no such words anywhere');
    expect([view.types.length, view.lists.length, view.measures.length]).toEqual([0, 0, 0]);
  });
});

describe('small formatting helpers', () => {
  it('writes conditions as a reader would', () => {
    expect(formatConditions({ daysOverdue: { gte: 90 }, mode: { in: ['rail', 'air'] } })).toBe('daysOverdue ≥ 90 · mode ∈ {rail, air}');
    expect(formatConditions(undefined)).toBe('');
  });

  it('finds the offset of a 1-based line and column, clamped to the line', () => {
    const text = 'ab\ncdef\ng';
    expect(offsetOf(text, 2, 3)).toBe(5);
    expect(offsetOf(text, 2, 99)).toBe(7);
    expect(offsetOf(text, 9)).toBe(text.length);
  });
});
