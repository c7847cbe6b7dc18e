// The query layer's one entry point. REST routes and GraphQL resolvers both call these functions and nothing else;
// neither writes SQL. Every function that takes a list answers in one statement, whatever the list's length.
import { type Balance, createBalanceQueries } from './balance.js';
import type { Db } from '../db/client.js';
import { dataset } from '../db/schema/index.js';
import { createCursors } from '../schemas/cursor.js';
import type { PageQuery } from '../schemas/params.js';
import { createActorQueries } from './actors.js';
import { createCalendarQueries } from './calendar.js';
import { createAgreementQueries } from './agreements.js';
import { createCitationQueries } from './citations.js';
import { createClaimQueries } from './claims.js';
import { createDownloadQueries } from './downloads.js';
import { createDatasetJsonLd } from './dataset-jsonld.js';
import { createEventQueries } from './events.js';
import { createDistrictsGeoJson } from './districts-geojson.js';
import { createGeographyQueries } from './geography.js';
import { createLookupQueries } from './lookups.js';
import { createLpfExport } from './lpf.js';
import { createObservanceQueries } from './observances.js';
import { eventRef, pageOfList } from './mappers.js';
import { createPlaceQueries } from './places.js';
import { createReleaseQueries } from './releases.js';
import { createSourceQueries } from './sources.js';
import { createStatisticQueries } from './statistics.js';
import { createTimelineQueries } from './timeline.js';
import { createTimelineJsExport } from './timelinejs.js';
import { createCiteQueries } from './cite.js';
import { attribution, LICENCE } from './licence.js';

export function createRepository(db: Db) {
  const meta = db.select().from(dataset).get();
  if (!meta) throw new Error('The database has no dataset row: it was not built by the seeder.');
  // Every cursor is minted on, and only valid for, this dataset version.
  const cursors = createCursors(meta.version);

  const citations = createCitationQueries(db);
  const cite =
    <K extends string | number>(type: Parameters<typeof citations.citationsFor>[0]) =>
    (keys: readonly K[]) =>
      citations.citationsFor<K>(type, keys);
  const events = createEventQueries(db, cursors);
  const places = createPlaceQueries(db, cursors);
  const statistics = createStatisticQueries(db, cursors, cite<string>('statistic'));
  const claims = createClaimQueries(db, cursors, cite<string>('claim'));
  const actors = createActorQueries(db);
  const observances = createObservanceQueries(db, cursors, cite<string>('observance'));
  const agreements = createAgreementQueries(db, cite<number>('provision'));
  const sources = createSourceQueries(db, citations.countBySource);
  const balanceQueries = createBalanceQueries(db);
  // Counted at the first /v1/meta and kept: the dataset never changes under a running repository.
  let balance: Balance | undefined;
  const timeline = createTimelineQueries(db, cursors, events.earliestStartOverlapping);

  /** Citations of a list of records, in the order of the keys. */
  const citationsOf = <K extends string | number>(
    type: Parameters<typeof citations.citationsFor>[0],
    keys: readonly K[],
  ) => {
    const grouped = citations.citationsFor(type, keys);
    return keys.map((k) => grouped.get(k) ?? []);
  };
  // The exports (TimelineJS, iCalendar) read through the same queries as the lists they mirror.
  const timelineJs = createTimelineJsExport({
    timelineWindow: timeline.timelineWindow,
    eventsByIds: events.eventsByIds,
    agreementsByIds: agreements.agreementsByIds,
    citationsOf,
    version: meta.version,
  });
  const calendar = createCalendarQueries(db, citationsOf);
  const downloads = createDownloadQueries(
    db,
    { version: meta.version, builtAt: meta.builtAt, licence: meta.licence },
    sources.listSources,
  );
  const releases = createReleaseQueries(db, meta);
  // /v1/cite reads through the record routes' own look-ups.
  const citeQueries = createCiteQueries({
    version: meta.version,
    eventsByIds: events.eventsByIds,
    placeRows: places.placeRows,
    actorsByIds: actors.actorsByIds,
    agreementsByIds: agreements.agreementsByIds,
    statisticsByIds: statistics.statisticsByIds,
    claimsByIds: claims.claimsByIds,
    observancesByIds: observances.observancesByIds,
    listSources: sources.listSources,
    citationsOf,
    citationsByIds: citations.citationsByIds,
  });
  const datasetLd = createDatasetJsonLd(db);
  const geography = createGeographyQueries(db);
  const districts = createDistrictsGeoJson({
    listDistricts: () => places.listPlaces({ kind: 'district', limit: 100 }).items,
    boundariesFor: geography.boundariesFor,
    identifierSourcesFor: geography.identifierSourcesFor,
    boundaryCaveats: geography.boundaryCaveats,
  });

  return {
    ...events,
    ...places,
    ...statistics,
    ...claims,
    ...observances,
    ...actors,
    ...agreements,
    ...sources,
    ...timeline,
    ...timelineJs,
    ...calendar,
    ...downloads,
    ...releases,
    ...citeQueries,
    ...geography,
    ...districts,
    ...createLpfExport({
      allPlaces: places.allPlaces,
      boundariesFor: geography.boundariesFor,
      eventsForPlaces: places.eventsForPlaces,
      namesWithSources: geography.namesWithSources,
      version: meta.version,
    }),
    ...createLookupQueries(db),
    citationsOf,
    citationsOfSource: citations.citationsOfSource,
    citationsForSources: citations.citationsForSources,
    citationsByIds: citations.citationsByIds,
    cursors,

    // The short lists, paged in memory by offset (pageOfList); listActors() and the like stay whole for look-ups.
    pageActors: (query: PageQuery) => pageOfList(cursors, 'actors', actors.listActors(), query),
    pageAgreements: (query: PageQuery) => pageOfList(cursors, 'agreements', agreements.listAgreements(), query),
    pageSources: (query: PageQuery) => pageOfList(cursors, 'sources', sources.listSources(), query),
    pageSourceCitations: (sourceId: string, query: PageQuery) =>
      pageOfList(cursors, 'source-citations', citations.citationsOfSource(sourceId), query),
    pageOnThisDay: (monthDay: string, query: PageQuery) =>
      pageOfList(cursors, 'on-this-day', events.onThisDay(monthDay), query),

    dataset: {
      version: meta.version,
      sha256: meta.sha256,
      built_at: meta.builtAt,
      licence: meta.licence,
      counts: meta.counts,
    },

    getEvent(id: string) {
      const row = events.eventRow(id);
      if (!row) return null;
      const [event] = events.toEvents([row]);
      const parentRow = row.parentId ? events.eventRow(row.parentId) : undefined;
      return {
        ...(event as NonNullable<typeof event>),
        parent: parentRow ? eventRef(parentRow) : null,
        children: events.childrenForEvents([id])[0] ?? [],
        actors: events.actorsForEvents([id])[0] ?? [],
        statistics: statistics.statisticsForEvents([id])[0] ?? [],
        claims: claims.claimsForEvents([id])[0] ?? [],
        citations: citationsOf('event', [id])[0] ?? [],
      };
    },

    getPlace(slug: string) {
      const row = places.placeRows([slug])[0];
      if (!row) return null;
      const [place] = places.toPlaces([row]);
      return {
        ...(place as NonNullable<typeof place>),
        children: places.childrenForPlaces([slug])[0] ?? [],
        events: places.eventsForPlaces([slug])[0] ?? [],
        statistics: statistics.statisticsForPlaces([slug])[0] ?? [],
        citations: citationsOf('place', [slug])[0] ?? [],
      };
    },

    getActor(id: string) {
      const actor = actors.actorsByIds([id])[0];
      if (!actor) return null;
      return {
        ...actor,
        events: actors.eventsForActors([id])[0] ?? [],
        citations: citationsOf('actor', [id])[0] ?? [],
      };
    },

    getAgreement(id: string) {
      const agreement = agreements.agreementsByIds([id])[0];
      if (!agreement) return null;
      return { ...agreement, citations: citationsOf('agreement', [id])[0] ?? [] };
    },

    /** /v1/meta as a schema.org Dataset (JSON-LD), its links absolute on `publicUrl`. */
    datasetJsonLd(publicUrl: string) {
      const documents = sources.listSources().filter((s) => s.kind === 'document');
      return datasetLd.datasetJsonLd(publicUrl, { version: meta.version, builtAt: meta.builtAt, documents });
    },

    getMeta() {
      return {
        version: meta.version,
        sha256: meta.sha256,
        built_at: meta.builtAt,
        licence: meta.licence,
        license: LICENCE,
        attribution: attribution(meta.version),
        counts: meta.counts,
        sources: sources.listSources().map((s) => ({ id: s.id, kind: s.kind, title: s.title })),
        balance: (balance ??= balanceQueries.balance()),
      };
    },
  };
}

export type Repository = ReturnType<typeof createRepository>;
