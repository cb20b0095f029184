import { describe, expect, it } from 'vitest';
import { recordId, subjectId } from '../core/brand.js';
import type { StoredEvent } from '../core/ledger/ledger-event.js';
import { leafHash } from '../core/merkle/index.js';
import { leafBytes, leafHashInput, leafText } from './leaf-bytes.js';
import { nodeCryptoHasher } from './node-hasher.js';

const furnished: StoredEvent = {
  seq: 7,
  recordedAt: 1_780_000_000_000,
  actor: 'court-a',
  event: {
    type: 'record.furnished',
    subjectId: subjectId('cn-rid:11010519491231002X'),
    record: {
      recordId: recordId('rec_7'), subjectKind: 'person', type: 'court.defaulter.refuses_to_perform', occurredAt: 1_772_323_200_000,
      attributes: { court: '北京市朝阳区人民法院', amount: 120000.5 }, legalBasis: 'Art. 1', furnisherId: 'court-a', furnisherRef: 'r-1',
    },
  },
};

describe('leafBytes', () => {
  it('is the canonical JSON of seq, time, actor and event: keys sorted at every depth, no whitespace, UTF-8', () => {
    expect(leafText(furnished)).toBe(
      '{"actor":"court-a","event":{"record":{"attributes":{"amount":120000.5,"court":"北京市朝阳区人民法院"},"furnisherId":"court-a",'
      + '"furnisherRef":"r-1","legalBasis":"Art. 1","occurredAt":1772323200000,"recordId":"rec_7","subjectKind":"person",'
      + '"type":"court.defaulter.refuses_to_perform"},"subjectId":"cn-rid:11010519491231002X","type":"record.furnished"},'
      + '"recordedAt":1780000000000,"seq":7}',
    );
    expect(Buffer.from(leafBytes(furnished)).toString('utf8')).toBe(leafText(furnished));
  });

  it('gives the same bytes for the event as stored and as read back from JSON with keys in another order', () => {
    const reread = JSON.parse(JSON.stringify({ event: furnished.event, seq: 7, actor: 'court-a', recordedAt: furnished.recordedAt })) as StoredEvent;
    expect(Buffer.from(leafBytes(reread)).equals(Buffer.from(leafBytes(furnished)))).toBe(true);
  });

  it('changes when any field changes, so a changed event cannot keep its leaf', () => {
    const base = leafText(furnished);
    expect(leafText({ ...furnished, seq: 8 })).not.toBe(base);
    expect(leafText({ ...furnished, recordedAt: furnished.recordedAt + 1 })).not.toBe(base);
    expect(leafText({ ...furnished, actor: 'court-b' })).not.toBe(base);
  });

  it('builds the leaf hash input with its 0x00 prefix in one encoding, hashing to the RFC 6962 leaf hash', () => {
    const input = leafHashInput(furnished);
    expect(input[0]).toBe(0);
    expect(Buffer.from(nodeCryptoHasher.sha256(input)).equals(Buffer.from(leafHash(nodeCryptoHasher, leafBytes(furnished))))).toBe(true);
  });
});
