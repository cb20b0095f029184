import { recordTypes, type FurnisherKind } from '../core/taxonomy/index.js';

/** A furnisher of the demo population, as written to the manifest and registered by `demo --import`. */
export interface DemoFurnisher {
  readonly id: string;
  readonly kind: FurnisherKind;
  readonly name: string;
  /** The record types it may furnish: every type its kind may submit. */
  readonly scope: readonly string[];
}

const scopeOf = (kind: FurnisherKind): readonly string[] => recordTypes.filter((t) => t.furnishers.includes(kind)).map((t) => t.code);

const furnisher = (id: string, kind: FurnisherKind, name: string): DemoFurnisher => ({ id, kind, name, scope: scopeOf(kind) });

export const DEMO_FURNISHERS = [
  furnisher('demo-court', 'court', 'Demo Intermediate People\'s Court'),
  furnisher('demo-tax', 'tax_office', 'Demo Tax Office'),
  furnisher('demo-bank', 'lender', 'Demo Commercial Bank'),
  furnisher('demo-consumer-finance', 'lender', 'Demo Consumer Finance Co.'),
  furnisher('demo-railway', 'transport_operator', 'Demo Railway Group'),
  furnisher('demo-airline', 'transport_operator', 'Demo Airlines'),
  furnisher('demo-market-regulator', 'regulator', 'Demo Market Regulation Administration'),
  furnisher('demo-public-security', 'public_security', 'Demo Public Security Bureau'),
  furnisher('demo-civil-affairs', 'civil_affairs', 'Demo Civil Affairs Bureau'),
] as const satisfies readonly DemoFurnisher[];

export type DemoFurnisherId = (typeof DEMO_FURNISHERS)[number]['id'];
