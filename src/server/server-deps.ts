import type { Instant } from '../core/brand.js';
import type { Ledger } from '../ledger/index.js';
import type { ServiceStore } from '../store/service-store.js';
import type { Store } from '../store/store.js';
import type { Authenticator } from './auth/authenticator.js';
import type { ChangeFeed } from './changes/change-feed.js';
import type { StandingReader } from './checks/standing-reader.js';
import type { NoticeDelivery } from './due-process/notice-delivery.js';
import type { InquiryQueue } from './inquiries/inquiry-queue.js';
import type { Limits } from './limits.js';
import type { StreamRegistry } from './streams/stream-registry.js';

/** What route plugins work with: built once by `buildApp`. */
export interface ServerDeps {
  readonly ledger: Ledger;
  /** The ledger's store, wrapped so committed standing changes reach `changes`. */
  readonly store: Store;
  readonly service: ServiceStore;
  readonly standings: StandingReader;
  readonly inquiries: InquiryQueue;
  readonly changes: ChangeFeed;
  readonly auth: Authenticator;
  readonly clock: () => Instant;
  readonly limits: Limits;
  /** Correction notices of committed corrections and removals (run after each, and retried periodically). */
  readonly notices: NoticeDelivery;
  /** Open event streams by client and key: a revocation ends them with `streams.closeFor(clientId, keyId?)`. */
  readonly streams: StreamRegistry;
  /** Webhooks reach only https endpoints at public addresses (see AppOptions.webhooksPublicOnly). */
  readonly webhooksPublicOnly: boolean;
}
