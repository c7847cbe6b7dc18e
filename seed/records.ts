// The content hash of every seed record. A record's JSON is the record as its seed file gives it, once validated
// (with its citations, names and provisions, which have no route of their own); a place also holds its identifiers
// and its boundary, which come from files of their own but are part of the place its route answers; a document
// source stands for its text by the text's SHA-256. Derived values (sequence numbers, quote offsets, label points,
// search rows) are left out: they follow from the records.
import { compareRecords, type RecordHash, type RecordType, recordHash } from '../src/lib/record-hash.js';
import type { SeedInput } from './load.js';

export function recordHashesOf(input: SeedInput): RecordHash[] {
  const out: RecordHash[] = [];
  const add = (type: RecordType, id: string, record: unknown) => out.push({ type, id, sha256: recordHash(record) });
  for (const { text: _text, ...s } of input.sources) add('source', s.id, s);
  for (const a of input.actors) add('actor', a.id, a);
  const identifiersOf = new Map(input.identifiers.map(({ place, ...i }) => [place, i]));
  const boundaryOf = new Map(
    input.boundaries.features.map(({ label: _label, ...f }) => [f.properties.place, f] as const),
  );
  for (const p of input.places) {
    const identifiers = identifiersOf.get(p.slug);
    const boundary = boundaryOf.get(p.slug);
    // Only where the place has them, so a place with neither hashes as its seed record alone.
    add('place', p.slug, { ...p, ...(identifiers && { identifiers }), ...(boundary && { boundary }) });
  }
  for (const e of input.events) add('event', e.id, e);
  for (const a of input.agreements) add('agreement', a.id, a);
  for (const s of input.statistics) add('statistic', s.id, s);
  for (const c of input.claims) add('claim', c.id, c);
  for (const o of input.observances) add('observance', o.id, o);
  return out.sort(compareRecords);
}
