import type { Instant } from '../../core/brand.js';
import type { CompiledRulebook } from '../../core/rulebook/compile-rulebook.js';
import type { Store } from '../../store/store.js';
import type { ChangeFeed } from './change-feed.js';
import { eventsIn, standingChangesOf } from './standing-changes-of.js';
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
      const { events, to } = await eventsIn(store, stretches, maxEvents);
      reached = to ?? upTo;
      backlog = to !== null && events.length >= maxEvents;
      feed.publish(await standingChangesOf(store, events, reached, rulebook));
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
