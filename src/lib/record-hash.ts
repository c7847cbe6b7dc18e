// Content hashes of records: SHA-256 over the record's canonical JSON (RFC 8785, JSON Canonicalization Scheme),
// so the same record gives the same hash on every build, whatever the key order of the file it came from.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The record types a release lists: every type with a /v1/<type>s/{id} route, in the order manifests sort them. */
export const RECORD_TYPES = [
  'actor',
  'agreement',
  'claim',
  'event',
  'observance',
  'place',
  'source',
  'statistic',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export interface RecordHash {
  type: RecordType;
  id: string;
  sha256: string;
}

export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('canonicalJson: the value has no JSON form');
  return text;
}

export function recordHash(record: unknown): string {
  return createHash('sha256').update(canonicalJson(record), 'utf8').digest('hex');
}

/** Code-point order by type, then id: the same order on every machine and locale. */
export function compareRecords(a: { type: string; id: string }, b: { type: string; id: string }): number {
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
