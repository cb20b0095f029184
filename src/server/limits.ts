import type { Role } from './auth/principal.js';

/** Every bound the server enforces, in one place. */
export interface Limits {
  /** Largest JSON body, in bytes (a full batch of records fits). */
  readonly bodyLimit: number;
  /** Largest rulebook draft, in bytes. */
  readonly rulebookBodyLimit: number;
  readonly defaultPage: number;
  readonly maxPage: number;
  /** Requests per key (per IP without one) in each window. */
  readonly rateWindowMs: number;
  readonly ratePerWindow: Readonly<Record<Role | 'anonymous', number>>;
  /** Login attempts per IP in each window. */
  readonly loginPerWindow: number;
  /** A relying party's stream carries changes of the subjects it checked within this many days. */
  readonly streamWindowDays: number;
  /** Open streams per relying party. */
  readonly streamsPerClient: number;
  readonly sessionTtlMs: number;
  /** Group commit of inquiries: flush at this many, or after this delay (0: the next turn of the event loop). */
  readonly inquiryBatch: number;
  readonly inquiryDelayMs: number;
  /** Groups of inquiries being committed at once (the SQLite inquiry log overlaps their syncs). */
  readonly inquiryInFlight: number;
  /** Subjects whose standing the check path keeps in memory (0: none; each entry takes well under 1 KB). */
  readonly standingCacheEntries: number;
}

export const DEFAULT_LIMITS: Limits = {
  bodyLimit: 2 * 1024 * 1024,
  rulebookBodyLimit: 2 * 1024 * 1024,
  defaultPage: 100,
  maxPage: 1000,
  rateWindowMs: 60_000,
  ratePerWindow: {
    anonymous: 600,
    subject: 600,
    furnisher: 6_000,
    relying_party: 1_200_000,
    operator: 6_000,
    auditor: 6_000,
  },
  loginPerWindow: 20,
  streamWindowDays: 30,
  streamsPerClient: 8,
  sessionTtlMs: 60 * 60 * 1000,
  inquiryBatch: 512,
  inquiryDelayMs: 0,
  inquiryInFlight: 8,
  standingCacheEntries: 200_000,
};
