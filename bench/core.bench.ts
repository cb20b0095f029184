import { readFileSync } from 'node:fs';
import { Engine } from 'json-rules-engine';
import { loadavg } from 'node:os';
import { figure, opsPerSecondSync, opsPerSecond, type Figure, type Rate } from './harness.js';
import { parseRulebook } from '../src/core/rulebook/parse-rulebook.js';
import { compileRulebook } from '../src/core/rulebook/compile-rulebook.js';
import { computeStanding } from '../src/core/standing/compute-standing.js';
import { decide } from '../src/core/decision/decide.js';
import { exampleAttributes } from '../src/core/taxonomy/index.js';
import { mulberry32, pick } from '../src/core/random.js';
import { recordId, subjectId } from '../src/core/brand.js';
import type { RecordState } from '../src/core/record.js';
import type { CheckContext } from '../src/core/decision/model.js';
import type { Standing } from '../src/core/standing/model.js';

/**
 * Core throughput in-process: decisions/s and standing recomputations/s (subjects with ~10 records),
 * each beside the same rules evaluated by json-rules-engine in the same run. Figures are per CPU-second
 * of this process (the "on one core"); the rates by the clock are printed beside them.
 */
export async function run(): Promise<Figure[]> {
  const parsed = parseRulebook(readFileSync(new URL('../rulebooks/default.yaml', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('default rulebook does not parse');
  const rb = compileRulebook(parsed.rulebook);
  const rng = mulberry32(42);
  const at = Date.UTC(2026, 0, 1);
  const personTypes = ['loan.overdue', 'loan.ontime_history', 'admin.traffic_penalty', 'transport.fare_evasion', 'tax.arrears', 'court.defaulter.refuses_to_perform', 'civic.volunteer_service', 'loan.settled', 'court.civil.breach_of_contract', 'admin.public_order_penalty'];
  const subjects = Array.from({ length: 1000 }, (_, s) => {
    const id = subjectId(`cn-rid:bench${s}`);
    const records: RecordState[] = Array.from({ length: 10 }, (_, i) => ({
      id: recordId(`rec_${s}_${i}`), subjectId: id, type: pick(rng, personTypes), occurredAt: at - Math.floor(rng() * 900) * 86_400_000,
      attributes: {}, legalBasis: 'bench', furnisherId: 'bench', furnisherRef: `${s}-${i}`, status: (rng() < 0.2 ? 'fulfilled' : 'active') as RecordState['status'], consent: true,
    })).map((r) => ({ ...r, attributes: exampleAttributes(r.type), ...(r.status === 'fulfilled' ? { fulfilledAt: r.occurredAt + 86_400_000 } : {}) }))
      // The store hands a subject's records over in occurrence order, as here.
      .sort((a, b) => a.occurredAt - b.occurredAt || (a.id < b.id ? -1 : 1));
    return { subject: { id, kind: 'person' as const }, records };
  });
  // Standings are measured first, before the 1,000 standings the decisions read are built and kept:
  // V8 sees nearly all objects from computeStanding's allocation sites survive while those are kept,
  // pretenures the sites, and the measured loop then allocates its short-lived standings in the old
  // generation (scavenges promote, a full mark-compact every half second: 40% fewer standings/s).
  // The projection and the re-rating write each standing and drop it, as this loop does.
  const standingRate = opsPerSecondSync((i) => {
    const s = subjects[i % subjects.length] as (typeof subjects)[number];
    return computeStanding(s.subject, s.records, rb, at);
  }, 3000, 10_000);
  const standings: Standing[] = subjects.map((s) => computeStanding(s.subject, s.records, rb, at));
  const checks: { action: string; context: CheckContext }[] = [
    { action: 'aviation.ticket.purchase', context: { cabin: 'economy' } },
    { action: 'rail.ticket.purchase', context: { trainType: 'G', seatClass: 'second' } },
    { action: 'rail.ticket.purchase', context: { trainType: 'D', seatClass: 'second' } },
    { action: 'hotel.booking', context: { starRating: 4 } },
    { action: 'rental.deposit', context: {} },
  ];
  const listed = standings.filter((s) => s.lists.length > 0).length;

  const decisionRate = opsPerSecondSync((i) => {
    const c = checks[i % checks.length] as (typeof checks)[number];
    return decide(standings[i % standings.length] as Standing, rb, c.action, c.context);
  }, 3000, 100_000);

  // Baselines: the same measures and point rules as json-rules-engine rules. The baseline is
  // the engine loaded with the rulebook as it stands (one Engine, every rule, the action or record type
  // a condition like any other: ~7,000 evaluations/s on a 20-rule set as the issue measured). We also
  // print the engine helped by our own idea of one Engine per action or record type, for comparison.
  const measureRule = (m: (typeof parsed.rulebook.measures)[number], withAction: boolean) => {
    const all: object[] = withAction ? [{ fact: 'action', operator: 'equal', value: m.action }] : [];
    if (m.when.list) all.push({ fact: 'lists', operator: 'contains', value: m.when.list });
    if (m.when.grades) all.push({ fact: 'grade', operator: 'in', value: [...m.when.grades] });
    for (const [k, c] of Object.entries(m.when.context ?? {})) {
      if (c.eq !== undefined) all.push({ fact: k, operator: 'equal', value: c.eq });
      if (c.in) all.push({ fact: k, operator: 'in', value: [...c.in] });
      if (c.gte !== undefined) all.push({ fact: k, operator: 'greaterThanInclusive', value: c.gte });
    }
    return { conditions: { all } as never, event: { type: m.effect, params: { measure: m.id } } };
  };
  const pointRule = (r: (typeof parsed.rulebook.rules)[number], withType: boolean) => ({
    conditions: { all: [
      ...(withType ? [{ fact: 'type', operator: 'equal', value: r.type }] : []),
      ...Object.entries(r.when ?? {}).flatMap(([k, c]) => [
        ...(c.eq !== undefined ? [{ fact: k, operator: 'equal', value: c.eq }] : []),
        ...(c.in ? [{ fact: k, operator: 'in', value: [...c.in] }] : []),
        ...(c.gte !== undefined ? [{ fact: k, operator: 'greaterThanInclusive', value: c.gte }] : []),
      ]),
    ] } as never,
    event: { type: 'points', params: { points: r.points } },
  });
  const wholeDecisionEngine = new Engine(parsed.rulebook.measures.map((m) => measureRule(m, true)), { allowUndefinedFacts: true });
  const decisionEngines = new Map<string, Engine>(parsed.rulebook.actions.map((a) => [a.id,
    new Engine(parsed.rulebook.measures.filter((x) => x.action === a.id).map((m) => measureRule(m, false)), { allowUndefinedFacts: true })]));
  const facts = (i: number) => {
    const c = checks[i % checks.length] as (typeof checks)[number];
    const s = standings[i % standings.length] as Standing;
    return { c, facts: { action: c.action, lists: s.lists.map((l) => l.listId), grade: s.grade, ...c.context } };
  };
  const baselineDecisionRate = await opsPerSecond(async (i) => wholeDecisionEngine.run(facts(i).facts), 3000, 50);
  const partitionedDecisions = (await opsPerSecond(async (i) => {
    const f = facts(i);
    return (decisionEngines.get(f.c.action) as Engine).run(f.facts);
  }, 3000, 200)).perCpuSecond;
  const wholeRuleEngine = new Engine(parsed.rulebook.rules.map((r) => pointRule(r, true)), { allowUndefinedFacts: true });
  const ruleEngines = new Map<string, Engine>();
  for (const r of parsed.rulebook.rules) {
    const engine = ruleEngines.get(r.type) ?? new Engine([], { allowUndefinedFacts: true });
    engine.addRule(pointRule(r, false));
    ruleEngines.set(r.type, engine);
  }
  const standingBaseline = (engineFor: (type: string) => Engine) => async (i: number) => {
    const s = subjects[i % subjects.length] as (typeof subjects)[number];
    let points = 1000;
    for (const r of s.records) {
      const { events } = await engineFor(r.type).run({ type: r.type, ...r.attributes });
      points += Number(events[0]?.params?.points ?? 0);
    }
    return points;
  };
  const baselineStandingRate = await opsPerSecond(standingBaseline(() => wholeRuleEngine), 3000, 5);
  const partitionedStandings = (await opsPerSecond(standingBaseline((t) => ruleEngines.get(t) as Engine), 3000, 20)).perCpuSecond;
  const [decisions, standingsPerSecond] = [decisionRate.perCpuSecond, standingRate.perCpuSecond];
  const [baselineDecisions, baselineStandings] = [baselineDecisionRate.perCpuSecond, baselineStandingRate.perCpuSecond];

  console.log(`population: ${subjects.length} persons x 10 records (${listed} listed), ${checks.length} check kinds`);
  console.log('standings measured before the decisions\' 1,000 standings are kept (kept standings make V8 pretenure every standing; see core.bench.ts)');
  console.log(`machine load (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(' ')}; rates are per CPU-second of this process (one core's worth).`);
  const wall = (r: Rate) => Math.round(r.perSecond).toLocaleString('en-US');
  console.log(`by the clock, shared with whatever else runs: decisions ${wall(decisionRate)}/s (engine ${wall(baselineDecisionRate)}/s), standings ${wall(standingRate)}/s (engine ${wall(baselineStandingRate)}/s)`);
  return [
    figure({ name: 'decisions', value: decisions, unit: 'decisions/s', baseline: baselineDecisions, baselineName: 'json-rules-engine', target: '>= 1,000,000/s and >= 100x', meets: (v, r) => v >= 1_000_000 && (r ?? 0) >= 100 }),
    figure({ name: 'decisions vs one engine per action', value: decisions, unit: 'decisions/s', baseline: partitionedDecisions, baselineName: 'json-rules-engine, partitioned', target: 'informational' }),
    figure({ name: 'standings (10 records)', value: standingsPerSecond, unit: 'standings/s', baseline: baselineStandings, baselineName: 'json-rules-engine', target: '>= 200,000/s and >= 100x', meets: (v, r) => v >= 200_000 && (r ?? 0) >= 100 }),
    figure({ name: 'standings vs one engine per type', value: standingsPerSecond, unit: 'standings/s', baseline: partitionedStandings, baselineName: 'json-rules-engine, partitioned', target: 'informational' }),
  ];
}
