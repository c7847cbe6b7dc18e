// What /v1/cite says, before it is worded in CSL-JSON, BibTeX or text: the dataset and its version, or one record
// with the citations it rests on, each with its source's metadata and, for a quote from a document, the quote and
// its offsets. It reads through the same queries as the record routes, so a record it cites is one they answer.
import { CITABLE_TYPES, type CitableType } from '../schemas/cite.js';
import type { Citation } from './citations.js';
import { recordUrl } from './mappers.js';

/** A source as a citation of it needs it. */
export interface CitedSourceMeta {
  id: string;
  kind: 'document' | 'reference';
  title: string;
  publisher: string | null;
  place_of_publication: string | null;
  published_on: string | null;
  language: string;
  url: string | null;
}

/** One citation of a source: a record resting on it, to the quote where the source holds text. */
export interface SourceCitation {
  /** The citation's number (/v1/citations/{id}); null where the record cited is the source itself. */
  citationId: number | null;
  source: CitedSourceMeta;
  quote: string | null;
  start: number | null;
  end: number | null;
  /** The dataset's own note on the citation, if any. */
  note: string | null;
}

export interface CitedRecord {
  type: CitableType;
  id: string;
  /** The record's title or name, as its route gives it. */
  label: string;
  /** Its path on this API (answers 200). */
  path: string;
}

export interface CiteModel {
  version: string;
  record: CitedRecord | null;
  citations: SourceCitation[];
}

type ById<T> = (ids: readonly string[]) => (T | null)[];
type Cites = { citations: Citation[] };

/** What the citations read: the record routes' own look-ups. */
export interface CiteData {
  version: string;
  eventsByIds: ById<{ title: string }>;
  placeRows: ById<{ name: string; kind: string }>;
  actorsByIds: ById<{ name: string }>;
  agreementsByIds: ById<{ title: string; provisions: Cites[] }>;
  statisticsByIds: ById<{ label: string } & Cites>;
  claimsByIds: ById<{ claimant: string; kind: string } & Cites>;
  observancesByIds: ById<{ name: string } & Cites>;
  listSources: () => CitedSourceMeta[];
  citationsOf: (type: 'event' | 'place' | 'actor' | 'agreement', keys: readonly string[]) => Citation[][];
  citationsByIds: (ids: readonly number[]) => (Citation | null)[];
}

export function isCitableType(type: string): type is CitableType {
  return (CITABLE_TYPES as readonly string[]).includes(type);
}

export function createCiteQueries(data: CiteData) {
  const first = <T>(rows: (T | null)[]) => rows[0] ?? null;

  /** The record's label, path and citations; null where no record of that type has that id. */
  function resolve(type: CitableType, id: string): { record: CitedRecord; citations: Citation[] | 'source' } | null {
    const found = (label: string, citations: Citation[] | 'source', path = recordUrl(linkedType(type), id)) => ({
      record: { type, id, label, path },
      citations,
    });
    switch (type) {
      case 'event': {
        const event = first(data.eventsByIds([id]));
        return event && found(event.title, data.citationsOf('event', [id])[0] ?? []);
      }
      case 'place':
      case 'district': {
        const place = first(data.placeRows([id]));
        if (!place || (type === 'district' && place.kind !== 'district')) return null;
        const path = type === 'district' ? `/v1/districts/${encodeURIComponent(id)}` : undefined;
        return found(place.name, data.citationsOf('place', [id])[0] ?? [], path);
      }
      case 'actor': {
        const actor = first(data.actorsByIds([id]));
        return actor && found(actor.name, data.citationsOf('actor', [id])[0] ?? []);
      }
      case 'agreement': {
        const agreement = first(data.agreementsByIds([id]));
        if (!agreement) return null;
        // The agreement as a whole, then each of its provisions: all of them are what the record rests on.
        const own = data.citationsOf('agreement', [id])[0] ?? [];
        return found(agreement.title, [...own, ...agreement.provisions.flatMap((p) => p.citations)]);
      }
      case 'statistic': {
        const statistic = first(data.statisticsByIds([id]));
        return statistic && found(statistic.label, statistic.citations);
      }
      case 'claim': {
        const claim = first(data.claimsByIds([id]));
        return claim && found(`Claim by ${claim.claimant} (${claim.kind})`, claim.citations);
      }
      case 'observance': {
        const observance = first(data.observancesByIds([id]));
        return observance && found(observance.name, observance.citations);
      }
      case 'source': {
        const source = data.listSources().find((s) => s.id === id);
        return source ? found(source.title, 'source') : null;
      }
      case 'citation': {
        const citation = first(data.citationsByIds([Number(id)]));
        return citation && found(`Citation ${citation.id} of "${citation.source_title}"`, [citation]);
      }
    }
  }

  return {
    /** The dataset's citation; with a record, that record's, or null where the record does not exist. */
    citeModel(record?: { type: CitableType; id: string }): CiteModel | null {
      if (!record) return { version: data.version, record: null, citations: [] };
      const resolved = resolve(record.type, record.id);
      if (!resolved) return null;
      // The sources are few and fixed for a dataset, and a citation carries only a source's title and URL.
      const sources = new Map(data.listSources().map((s) => [s.id, s]));
      const asCited = (source: CitedSourceMeta | undefined): SourceCitation[] =>
        source ? [{ citationId: null, source, quote: null, start: null, end: null, note: null }] : [];
      const citations: SourceCitation[] =
        resolved.citations === 'source'
          ? asCited(sources.get(record.id))
          : resolved.citations.flatMap((c) => {
              const source = sources.get(c.source_id);
              return source
                ? [{ citationId: c.id, source, quote: c.quote, start: c.start, end: c.end, note: c.note }]
                : [];
            });
      return { version: data.version, record: resolved.record, citations };
    },
  };
}

/** The collection a citable type's records live in: a district is a place. */
function linkedType(type: CitableType) {
  return type === 'district' ? 'place' : type;
}
