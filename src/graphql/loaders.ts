// Batch functions for every nested field: all the parents of one field at one level of a request are answered
// together by one batch function of the query layer, so the statements do not grow with the length of any list.
// ./batching.ts makes each one a resolver backed by a per-request DataLoader.
import type { Citation } from '../queries/citations.js';
import { pageOfList } from '../queries/mappers.js';
import type { Repository } from '../queries/repository.js';
import { SourceCitationsQuerySchema } from '../schemas/params.js';
import { parseArgs } from './args.js';
import type { BatchFunctions, FromReference, Paging } from './batching.js';
import { offsetConnection, paged } from './connection.js';
import type { GraphqlContext } from './context.js';
import { placesBySlugs, sourcesByIds } from './records.js';

interface LoaderQuery<T> {
  obj: T;
  params: unknown;
}
type Loader<T, R> = (queries: LoaderQuery<T>[], context: GraphqlContext) => Promise<R[]>;
type Key = string | number;

function unique<K>(keys: readonly (K | null | undefined)[]): K[] {
  return [...new Set(keys.filter((k): k is K => k !== null && k !== undefined))];
}

function batch<T, K extends Key, V, F>(
  keyOf: (obj: T) => K | null | undefined,
  fetch: (repo: Repository, keys: K[]) => readonly (V | null | undefined)[],
  fallback: F,
): Loader<T, V | F> {
  return async (queries, { repo }) => {
    const keys = unique(queries.map((q) => keyOf(q.obj)));
    const values = keys.length ? fetch(repo, keys) : [];
    const index = new Map(keys.map((k, i) => [k, values[i]]));
    return queries.map((q) => {
      const key = keyOf(q.obj);
      return key === null || key === undefined ? fallback : (index.get(key) ?? fallback);
    });
  };
}

/** A field holding the record (or null) that a key of its parent names. */
const one = <T, K extends Key, V>(
  keyOf: (obj: T) => K | null | undefined,
  fetch: (repo: Repository, keys: K[]) => readonly (V | null | undefined)[],
) => batch<T, K, V, null>(keyOf, fetch, null);

/** A field holding the list of records that belong to its parent. */
const many = <T, K extends Key, V>(
  keyOf: (obj: T) => K | null | undefined,
  fetch: (repo: Repository, keys: K[]) => readonly (V[] | undefined)[],
) => batch<T, K, V[], V[]>(keyOf, fetch, []);

/** Lists of references (by key) → lists of full records, with one look-up for every reference of the batch. */
function resolveRefs<R, K extends Key, V>(
  lists: readonly R[][],
  keyOf: (ref: R) => K,
  fetch: (keys: K[]) => readonly (V | null)[],
): V[][] {
  const keys = unique(lists.flat().map(keyOf));
  const values = keys.length ? fetch(keys) : [];
  const index = new Map(keys.map((k, i) => [k, values[i]]));
  return lists.map((list) => list.map((ref) => index.get(keyOf(ref))).filter((v): v is V => v != null));
}

const events = (repo: Repository, ids: string[]) => repo.eventsByIds(ids);
const actors = (repo: Repository, ids: string[]) => repo.actorsByIds(ids);
const agreements = (repo: Repository, ids: string[]) => repo.agreementsByIds(ids);

/** The event a record points at by `event_id`. */
const eventOf = one((o: { event_id: string | null }) => o.event_id, events);
/** The event a reference ({ id, … }) names. */
const eventById = one((o: { id: string }) => o.id, events);

const placeLoaders = {
  parent: one((p: { parent: { slug: string } | null }) => p.parent?.slug, placesBySlugs),
  children: many(
    (p: { slug: string }) => p.slug,
    (repo, slugs: string[]) =>
      resolveRefs(
        repo.childrenForPlaces(slugs),
        (c) => c.slug,
        (keys) => placesBySlugs(repo, keys),
      ),
  ),
  events: many(
    (p: { slug: string }) => p.slug,
    (repo, slugs: string[]) => repo.eventsForPlaces(slugs),
  ),
  statistics: many(
    (p: { slug: string }) => p.slug,
    (repo, slugs: string[]) => repo.statisticsForPlaces(slugs),
  ),
  citations: many(
    (p: { slug: string }) => p.slug,
    (repo, slugs: string[]) => repo.citationsOf('place', slugs),
  ),
  boundary: one(
    (p: { slug: string }) => p.slug,
    (repo, slugs: string[]) => repo.boundariesFor(slugs).map((b) => b?.geometry ?? null),
  ),
};

export const loaders = {
  Event: {
    // Events of a list come with their places; events looked up by id (eventsByIds) do not.
    places: async (
      queries: LoaderQuery<{ id: string; places?: ReturnType<Repository['placesForEvents']>[number] }>[],
      { repo }: GraphqlContext,
    ) => {
      const missing = unique(queries.filter((q) => q.obj.places === undefined).map((q) => q.obj.id));
      const fetched = missing.length ? repo.placesForEvents(missing) : [];
      const index = new Map(missing.map((id, i) => [id, fetched[i]]));
      return queries.map((q) => q.obj.places ?? index.get(q.obj.id) ?? []);
    },
    parent: one((e: { parent_id: string | null }) => e.parent_id, events),
    children: many(
      (e: { id: string }) => e.id,
      (repo, ids: string[]) =>
        resolveRefs(
          repo.childrenForEvents(ids),
          (c) => c.id,
          (keys) => repo.eventsByIds(keys),
        ),
    ),
    actors: many(
      (e: { id: string }) => e.id,
      (repo, ids: string[]) => repo.actorsForEvents(ids),
    ),
    statistics: many(
      (e: { id: string }) => e.id,
      (repo, ids: string[]) => repo.statisticsForEvents(ids),
    ),
    claims: many(
      (e: { id: string }) => e.id,
      (repo, ids: string[]) => repo.claimsForEvents(ids),
    ),
    citations: many(
      (e: { id: string }) => e.id,
      (repo, ids: string[]) => repo.citationsOf('event', ids),
    ),
  },
  EventPlace: { place: one((p: { slug: string }) => p.slug, placesBySlugs) },
  EventActor: { actor: one((a: { id: string }) => a.id, actors) },
  Place: placeLoaders,
  District: placeLoaders,
  PlaceEvent: { event: eventById },
  Occupation: { event: eventOf },
  Return: {
    event: eventOf,
    agreement: one((r: { agreement_id: string | null }) => r.agreement_id, agreements),
  },
  Actor: {
    affiliation: one((a: { affiliation: { id: string } | null }) => a.affiliation?.id, actors),
    events: many(
      (a: { id: string }) => a.id,
      (repo, ids: string[]) => repo.eventsForActors(ids),
    ),
    citations: many(
      (a: { id: string }) => a.id,
      (repo, ids: string[]) => repo.citationsOf('actor', ids),
    ),
  },
  ActorEvent: { event: eventById },
  Agreement: {
    event: eventOf,
    citations: many(
      (a: { id: string }) => a.id,
      (repo, ids: string[]) => repo.citationsOf('agreement', ids),
    ),
  },
  Signatory: { actor: one((s: { actor_id: string }) => s.actor_id, actors) },
  AgreementPlace: { place: one((p: { slug: string }) => p.slug, placesBySlugs) },
  Statistic: {
    place: one((s: { place: { slug: string } | null }) => s.place?.slug, placesBySlugs),
    event: eventOf,
  },
  Observance: {
    establishedBy: one((o: { established_by: { id: string } | null }) => o.established_by?.id, events),
  },
  Claim: {
    claimantActor: one((c: { claimant_actor_id: string | null }) => c.claimant_actor_id, actors),
    source: one((c: { source_id: string }) => c.source_id, sourcesByIds),
    event: eventOf,
  },
  Source: {
    // source(id) already holds the text; lists of sources do not.
    text: async (queries: LoaderQuery<{ id: string; text?: string | null }>[], { repo }: GraphqlContext) => {
      const missing = unique(queries.filter((q) => q.obj.text === undefined).map((q) => q.obj.id));
      const texts = new Map(missing.length ? repo.sourceTexts(missing).map((t, i) => [missing[i], t]) : []);
      return queries.map((q) => (q.obj.text !== undefined ? q.obj.text : (texts.get(q.obj.id) ?? null)));
    },
    // Every citation of each source of the level in one statement; `paging` below makes each a page.
    citations: many(
      (s: { id: string }) => s.id,
      (repo, ids: string[]) => repo.citationsForSources(ids),
    ),
  },
  Citation: { source: one((c: { source_id: string }) => c.source_id, sourcesByIds) },
  SearchHit: {
    record: async (queries: LoaderQuery<{ type: SearchHitType; id: string }>[], { repo }: GraphqlContext) => {
      const found = new Map<string, unknown>();
      for (const [type, fetch] of Object.entries(SEARCH_RECORDS) as [SearchHitType, SearchRecordFetch][]) {
        const ids = unique(queries.filter((q) => q.obj.type === type).map((q) => q.obj.id));
        if (ids.length === 0) continue;
        fetch(repo, ids).forEach((record, i) => {
          if (record) found.set(`${type}:${ids[i]}`, { ...record, [RECORD_TYPENAME]: SEARCH_TYPENAMES[type] });
        });
      }
      return queries.map((q) => found.get(`${q.obj.type}:${q.obj.id}`) ?? null);
    },
  },
} satisfies Record<string, Record<string, unknown>> as unknown as BatchFunctions;

type SearchHitType = 'event' | 'place' | 'actor' | 'agreement' | 'statistic' | 'claim' | 'quote';
type SearchRecordFetch = (repo: Repository, ids: string[]) => readonly (object | null)[];

/** Where the union SearchRecord keeps each record's GraphQL type name. */
export const RECORD_TYPENAME = Symbol('typename');

const SEARCH_TYPENAMES: Record<SearchHitType, string> = {
  event: 'Event',
  place: 'Place',
  actor: 'Actor',
  agreement: 'Agreement',
  statistic: 'Statistic',
  claim: 'Claim',
  quote: 'Citation',
};

const SEARCH_RECORDS: Record<SearchHitType, SearchRecordFetch> = {
  event: events,
  place: placesBySlugs,
  actor: actors,
  agreement: agreements,
  statistic: (repo, ids) => repo.statisticsByIds(ids),
  claim: (repo, ids) => repo.claimsByIds(ids),
  quote: (repo, ids) => repo.citationsByIds(ids.map(Number)),
};

/** Connections over a parent's whole list (./batching.ts): REST's pages of the same list, with its cursors. */
export const paging = {
  Source: {
    citations: (whole: Citation[], args: Record<string, unknown>, { repo }: GraphqlContext) => {
      // The arguments are this field's own (aliases may differ), parsed as REST parses its query.
      const query = parseArgs(SourceCitationsQuerySchema, args);
      return paged(() =>
        offsetConnection(repo, 'source-citations', query, pageOfList(repo.cursors, 'source-citations', whole, query)),
      );
    },
  },
} satisfies Record<string, Record<string, unknown>> as unknown as Record<string, Record<string, Paging>>;

/**
 * The records that a parent already references with a few of their fields: an event's places and a place's
 * events. A query that asks only for those fields is answered from the reference (./batching.ts).
 */
export const references = {
  EventPlace: {
    place: {
      fields: new Set(['slug', 'name', 'kind', 'url']),
      ref: (p: { slug: string; name: string; kind: string; url: string }) => ({
        slug: p.slug,
        name: p.name,
        kind: p.kind,
        url: p.url,
      }),
    },
  },
  PlaceEvent: {
    event: {
      fields: new Set(['id', 'kind', 'title', 'date', 'url']),
      ref: (e: { id: string; kind: string; title: string; date: object; url: string }) => ({
        id: e.id,
        kind: e.kind,
        title: e.title,
        date: e.date,
        url: e.url,
      }),
    },
  },
} satisfies Record<string, Record<string, FromReference>>;
