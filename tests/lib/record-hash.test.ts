// The content hash of a record: SHA-256 over its RFC 8785 canonical JSON, whatever the key order it was built in.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, compareRecords, recordHash } from '../../src/lib/record-hash.js';

describe('canonicalJson', () => {
  it('writes the example of RFC 8785, section 3.2.2, as the RFC gives it', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('refuses a value that has no JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(/no JSON form/);
  });
});

describe('recordHash', () => {
  it('is the SHA-256 of the canonical JSON, the same for any key order', () => {
    const a = { id: 'x', citations: [{ source: 's', quote: 'q' }], summary: 'S' };
    const b = { summary: 'S', citations: [{ quote: 'q', source: 's' }], id: 'x' };
    expect(recordHash(a)).toBe(recordHash(b));
    expect(recordHash(a)).toBe(createHash('sha256').update(canonicalJson(a)).digest('hex'));
    expect(recordHash({ ...a, summary: 'T' })).not.toBe(recordHash(a));
  });
});

describe('compareRecords', () => {
  it('orders by type, then id, by code point and not by locale', () => {
    const list = [
      { type: 'place', id: 'b' },
      { type: 'event', id: 'z' },
      { type: 'place', id: 'B' },
      { type: 'event', id: 'a-b' },
      { type: 'event', id: 'a' },
    ];
    expect([...list].sort(compareRecords)).toEqual([
      { type: 'event', id: 'a' },
      { type: 'event', id: 'a-b' },
      { type: 'event', id: 'z' },
      { type: 'place', id: 'B' },
      { type: 'place', id: 'b' },
    ]);
  });
});
