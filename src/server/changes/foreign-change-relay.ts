import type { Instant, SubjectId } from '../../core/brand.js';
import { parseSubjectId } from '../../core/identifiers/index.js';
import { foldRecords, isSubjectEvent, type StoredEvent, type SubjectEvent } from '../../core/ledger/index.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import { computeStanding } from '../../core/standing/compute-standing.js';
import type { Store } from '../../store/store.js';
import { sameSummary, summaryOf, type ChangeFeed, type StandingChange } from './change-feed.js';
import type { LocalWrites } from './local-writes.js';

export interface ForeignChangeRelayOptions {
  /** How often the ledger's head is looked at. */
  readonly everyMs: number;
  /** Events read in one round at most; a longer backlog is worked off in the rounds that follow at once. */
  readonly maxEvents?: number;
}

export interface ForeignChangeRelay {
  /** One round: announces what other processes committed since the last. Exposed for tests. */
  round(): Promise<void>;
  stop(): Promise<void>;
}

const PAGE = 1000;
const SUBJECTS_PER_READ = 500;

/**
 * Standing changes that other processes commit (`credence import` beside a running server, another
 * server on the same PostgreSQL database) reach this process's feed too, and so its relying parties'
 * streams, within about `everyMs`. Each round reads the events appended since the last one, leaving
 * out the positions this process wrote itself (announced as it committed them), and for every subject
 * they touched replays its events to compare its standing before them with its standing after them,
 * under the rulebook in force. A rulebook put in force elsewhere is announced as such. Nothing is read
 * while nobody listens; what was committed before the relay started is not announced.
 */
export function foreignChangeRelay(
  store: Store, feed: ChangeFeed, local: LocalWrites, rulebook: () => Promise<CompiledRulebook>, clock: () => Instant,
  options: ForeignChangeRelayOptions, onError: (e: unknown) => void,
): ForeignChangeRelay {
  const maxEvents = options.maxEvents ?? 20_000;
  let seen: number | null = null;
  let rulebookSeen: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;

  /** The events of the stretches, up to `maxEvents`; `to` is where the next round must start when they were not all read. */
  async function eventsIn(stretches: readonly (readonly [number, number])[]): Promise<{ events: StoredEvent[]; to: number | null }> {
    const events: StoredEvent[] = [];
    for (const [from, to] of stretches) {
      for (let at = from; at < to;) {
        if (events.length >= maxEvents) return { events, to: at };
        const page = await store.read((tx) => tx.events(at, Math.min(PAGE, to - at, maxEvents - events.length)));
        if (page.length === 0) return { events, to: at };
        events.push(...page);
        at = (page.at(-1)?.seq ?? at) + 1;
      }
    }
    return { events, to: null };
  }

  /**
   * The standing changes the events made, all computed before any is announced (a failed round is
   * tried again whole). A subject that this process also wrote after the first of them is left out:
   * its own announcement already carries the latest standing.
   */
  async function changesOf(events: readonly StoredEvent[], upTo: number): Promise<StandingChange[]> {
    const touched = new Map<SubjectId, { first: number; firstAt: Instant; lastAt: Instant }>();
    const foreignSeqs = new Set<number>();
    for (const e of events) {
      foreignSeqs.add(e.seq);
      if (!isSubjectEvent(e.event)) continue;
      const t = touched.get(e.event.subjectId);
      if (t) t.lastAt = e.recordedAt;
      else touched.set(e.event.subjectId, { first: e.seq, firstAt: e.recordedAt, lastAt: e.recordedAt });
    }
    const changes: StandingChange[] = [];
    if (touched.size === 0) return changes;
    const rb = await rulebook();
    const ids = [...touched.keys()];
    for (let i = 0; i < ids.length; i += SUBJECTS_PER_READ) {
      const chunk = ids.slice(i, i + SUBJECTS_PER_READ);
      const all = await store.read((tx) => tx.eventsOf(chunk));
      const bySubject = new Map<SubjectId, { readonly seq: number; readonly event: SubjectEvent }[]>();
      for (const e of all) {
        if (e.seq >= upTo || !isSubjectEvent(e.event)) continue;
        const own = bySubject.get(e.event.subjectId) ?? [];
        own.push({ seq: e.seq, event: e.event });
        bySubject.set(e.event.subjectId, own);
      }
      for (const id of chunk) {
        const t = touched.get(id);
        const parsed = parseSubjectId(id);
        if (!t || !parsed.ok) continue;
        const ref = { id, kind: parsed.value.kind };
        const own = bySubject.get(id) ?? [];
        if (own.some((e) => e.seq > t.first && !foreignSeqs.has(e.seq))) continue;
        const before = own.filter((e) => e.seq < t.first).map((e) => e.event);
        const previous = before.length === 0 ? null : summaryOf(computeStanding(ref, [...foldRecords(before).values()], rb, t.firstAt));
        const now = summaryOf(computeStanding(ref, [...foldRecords(own.map((e) => e.event)).values()], rb, t.lastAt));
        if (previous && sameSummary(previous, now)) continue;
        changes.push({ subjectId: id, subjectKind: ref.kind, at: t.lastAt, rulebookVersion: rb.version, standing: now, previous });
      }
    }
    return changes;
  }

  /** One round; true when a backlog is left for the next one. */
  async function round(): Promise<boolean> {
    const head = await store.read((tx) => tx.head());
    if (seen === null) {
      seen = head.nextSeq;
      rulebookSeen = head.currentRulebook;
      local.rulebook ??= head.currentRulebook;
      return false;
    }
    // Only a rulebook this round sees newly in force, and not put in force by this process: a snapshot
    // taken before this process's own publication committed still shows the old one, and is not news.
    if (head.currentRulebook !== rulebookSeen) {
      rulebookSeen = head.currentRulebook;
      if (head.currentRulebook !== null && head.currentRulebook !== local.rulebook) {
        local.rulebook = head.currentRulebook;
        feed.publishRulebook(head.currentRulebook, clock());
      }
    }
    const { stretches, upTo } = local.foreign(seen, head.nextSeq);
    let reached = upTo;
    let backlog = false;
    if (feed.listeners() > 0 && stretches.length > 0) {
      const { events, to } = await eventsIn(stretches);
      reached = to ?? upTo;
      backlog = to !== null && events.length >= maxEvents;
      feed.publish(await changesOf(events, reached));
    }
    seen = reached;
    local.forget(reached);
    return backlog;
  }

  /** Rounds run one after another, whoever asks for them. */
  const next = (): Promise<boolean> => {
    const r = chain.then(round);
    chain = r.then(() => undefined, () => undefined);
    return r;
  };
  const schedule = (ms: number): void => {
    timer = setTimeout(() => {
      timer = null;
      next().then((backlog) => backlog, (e: unknown) => {
        onError(e);
        return false;
      }).then((backlog) => {
        if (!stopped) schedule(backlog ? 0 : options.everyMs);
      }, () => undefined);
    }, ms);
    timer.unref();
  };
  schedule(0);

  return {
    round: async () => void (await next()),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await chain;
    },
  };
}
