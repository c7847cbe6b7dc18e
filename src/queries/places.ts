// Places and districts: names in every language, control changes, and the events of a place and those inside it.
// Every statement is prepared once; lists of keys are bound as one JSON parameter.
import { and, asc, eq, gt, isNotNull, type SQL, sql } from 'drizzle-orm';
import type { Cursors } from '../schemas/cursor.js';
import type { Db } from '../db/client.js';
import { agreementPlaces, events, placeIdentifiers, placeNames, places } from '../db/schema/index.js';
import { foldText } from '../lib/fold.js';
import type { PlacesQuery } from '../schemas/params.js';
import { dateSpan, groupBy, inOrder, pageOfRows, placeRef, recordUrl } from './mappers.js';
import { asExpressions, indexedBy, inKeys, keyList, prepareRows, whenGiven } from './prepared.js';

const p = sql.placeholder;

/** The slug bound to `name` and every place inside it, at any depth: what a `place` filter covers. */
export function placeAndInside(name: string): SQL {
  return sql`WITH RECURSIVE tree(slug) AS (
    SELECT ${p(name)} UNION SELECT pl.slug FROM places pl JOIN tree ON pl.parent_slug = tree.slug
  ) SELECT slug FROM tree`;
}

const placeColumns = {
  slug: places.slug,
  seq: places.seq,
  kind: places.kind,
  name: places.name,
  parentSlug: places.parentSlug,
  centreName: places.centreName,
  lat: places.lat,
  lon: places.lon,
  areaKm2: places.areaKm2,
  areaNote: places.areaNote,
  population: places.population,
  populationYear: places.populationYear,
  populationBasis: places.populationBasis,
  occupationEventId: places.occupationEventId,
  returnEventId: places.returnEventId,
  note: places.note,
};

/** The filters of a places query, without paging: shared by the list and its count. */
export type PlaceFilters = Pick<PlacesQuery, 'kind' | 'parent' | 'name'>;

const filterParams = (f: PlaceFilters) => ({
  kind: f.kind ?? null,
  parent: f.parent ?? null,
  name: f.name ? foldText(f.name) : null,
});

export function createPlaceQueries(db: Db, cursors: Cursors) {
  const names = prepareRows(
    db
      .select(
        asExpressions({
          placeSlug: placeNames.placeSlug,
          name: placeNames.name,
          language: placeNames.language,
          script: placeNames.script,
          kind: placeNames.kind,
          usedBy: placeNames.usedBy,
          appliesTo: placeNames.appliesTo,
        }),
      )
      .from(indexedBy(placeNames, 'place_names_place_idx'))
      .where(inKeys(placeNames.placeSlug))
      .orderBy(asc(placeNames.id)),
  );
  const parents = prepareRows(
    db.select({ slug: places.slug, name: places.name, kind: places.kind }).from(places).where(inKeys(places.slug)),
  );
  const controlEvents = prepareRows(
    db
      .select({ id: events.id, kind: events.kind, startDate: events.startDate, dateText: events.dateText })
      .from(events)
      .where(inKeys(events.id)),
  );
  const returnAgreements = prepareRows(
    db
      .select({ slug: agreementPlaces.placeSlug, agreementId: agreementPlaces.agreementId })
      .from(agreementPlaces)
      .where(and(inKeys(agreementPlaces.placeSlug), eq(agreementPlaces.effect, 'returned'))),
  );
  const identifiers = prepareRows(
    db
      .select({
        slug: placeIdentifiers.placeSlug,
        iso3166_2: placeIdentifiers.iso3166_2,
        geonames: placeIdentifiers.geonames,
      })
      .from(placeIdentifiers)
      .where(inKeys(placeIdentifiers.placeSlug)),
  );
  // The list's filters, shared by its pages and its count.
  const filtered = and(
    whenGiven('kind', eq(places.kind, p('kind'))),
    whenGiven('parent', eq(places.parentSlug, p('parent'))),
    whenGiven(
      'name',
      sql`${places.slug} IN (SELECT place_slug FROM place_names WHERE instr(folded, ${p('name')}) > 0)`,
    ),
  );
  const list = prepareRows(
    db
      .select(placeColumns)
      .from(places)
      .where(and(filtered, gt(places.seq, p('after'))))
      .orderBy(asc(places.seq))
      .limit(p('limit')),
  );
  const count = prepareRows(
    db
      .select({ n: sql<number>`count(*)` })
      .from(places)
      .where(filtered),
  );
  const bySlugs = prepareRows(db.select(placeColumns).from(places).where(inKeys(places.slug)));
  const everyPlace = prepareRows(db.select(placeColumns).from(places).orderBy(asc(places.seq)));
  const located = prepareRows(
    db.select(placeColumns).from(places).where(isNotNull(places.lat)).orderBy(asc(places.seq)),
  );
  const children = prepareRows(
    db
      .select({ parent: places.parentSlug, slug: places.slug, name: places.name, kind: places.kind })
      .from(places)
      .where(inKeys(places.parentSlug))
      .orderBy(asc(places.seq)),
  );
  // Each root place with every place inside it, then their events: one statement for any number of places.
  const eventsOfTrees = prepareRows(
    db
      .select({
        root: sql<string>`tree.root`,
        role: sql<string>`ep.role`,
        id: sql<string>`e.id`,
        kind: sql<(typeof events.$inferSelect)['kind']>`e.kind`,
        title: sql<string>`e.title`,
        startDate: sql<string>`e.start_date`,
        endDate: sql<string | null>`e.end_date`,
        precision: sql<(typeof events.$inferSelect)['precision']>`e.precision`,
        dateText: sql<string>`e.date_text`,
        edtf: sql<string>`e.edtf`,
      })
      .from(
        sql`(WITH RECURSIVE tree(root, slug) AS (
          SELECT slug, slug FROM places WHERE slug IN (SELECT value FROM json_each(${p('keys')}))
          UNION SELECT tree.root, pl.slug FROM places pl JOIN tree ON pl.parent_slug = tree.slug
        ) SELECT root, slug FROM tree) AS tree`,
      )
      .innerJoin(sql`event_places ep`, sql`ep.place_slug = tree.slug`)
      .innerJoin(sql`events e`, sql`e.id = ep.event_id`)
      .orderBy(sql`e.start_date, e.seq, (ep.place_slug = tree.root) DESC, ep.role`),
  );

  type PlaceRow = ReturnType<typeof bySlugs.all>[number];

  /** Rows → Place objects, with names, parents, control changes and identifiers, in five statements whatever the count. */
  function toPlaces(rows: PlaceRow[]) {
    if (rows.length === 0) return [];
    const slugs = keyList(rows.map((r) => r.slug));
    const namesOf = groupBy(names.all({ keys: slugs }), (r) => r.placeSlug);
    const parentSlugs = [...new Set(rows.map((r) => r.parentSlug).filter((s): s is string => s !== null))];
    const parentsBySlug = new Map(
      parentSlugs.length ? parents.all({ keys: keyList(parentSlugs) }).map((r) => [r.slug, r]) : [],
    );
    const eventIds = rows.flatMap((r) => [r.occupationEventId, r.returnEventId]).filter((id) => id !== null);
    const eventsById = new Map(
      eventIds.length ? controlEvents.all({ keys: keyList(eventIds) }).map((e) => [e.id, e]) : [],
    );
    const parentOf = (slug: string | null) => {
      const parent = slug ? parentsBySlug.get(slug) : undefined;
      return parent ? placeRef(parent) : null;
    };
    const agreementOf = new Map(returnAgreements.all({ keys: slugs }).map((r) => [r.slug, r.agreementId]));
    const identifiersOf = new Map(identifiers.all({ keys: slugs }).map((r) => [r.slug, r]));
    return rows.map((r) => {
      const occupation = r.occupationEventId ? eventsById.get(r.occupationEventId) : undefined;
      const ret = r.returnEventId ? eventsById.get(r.returnEventId) : undefined;
      return {
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        parent: parentOf(r.parentSlug),
        names: (namesOf.get(r.slug) ?? []).map((n) => ({
          name: n.name,
          language: n.language,
          script: n.script,
          kind: n.kind,
          used_by: n.usedBy,
          applies_to: n.appliesTo,
        })),
        location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
        centre_name: r.centreName,
        area_km2: r.areaKm2,
        area_note: r.areaNote,
        population:
          r.population !== null ? { count: r.population, year: r.populationYear, basis: r.populationBasis } : null,
        occupation: occupation
          ? { date: occupation.startDate, date_text: occupation.dateText, event_id: occupation.id }
          : null,
        return: ret
          ? {
              date: ret.startDate,
              mode: ret.kind === 'handover' ? ('handover' as const) : ('military_operation' as const),
              agreement_id: ret.kind === 'handover' ? (agreementOf.get(r.slug) ?? null) : null,
              event_id: ret.id,
            }
          : null,
        note: r.note,
        identifiers: {
          iso3166_2: identifiersOf.get(r.slug)?.iso3166_2 ?? null,
          geonames: identifiersOf.get(r.slug)?.geonames ?? null,
        },
        url: recordUrl('place', r.slug),
      };
    });
  }

  return {
    toPlaces,

    listPlaces(query: PlacesQuery) {
      const rows = list.all({
        ...filterParams(query),
        after: cursors.positionOf(query.cursor) ?? -1,
        limit: query.limit + 1,
      });
      return pageOfRows(rows, query.limit, toPlaces, (last) => cursors.encode('places', last.seq));
    },

    /** How many places the list's filters match, across all pages. */
    countPlaces(filters: PlaceFilters): number {
      return count.get(filterParams(filters))?.n ?? 0;
    },

    placeRows(slugs: readonly string[]): (PlaceRow | null)[] {
      if (slugs.length === 0) return [];
      const index = new Map(bySlugs.all({ keys: keyList(slugs) }).map((r) => [r.slug, r]));
      return slugs.map((s) => index.get(s) ?? null);
    },

    placesWithLocation() {
      return toPlaces(located.all());
    },

    /** Every place, in seed order: what the whole-gazetteer exports (Linked Places) hold. */
    allPlaces() {
      return toPlaces(everyPlace.all());
    },

    childrenForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      return inOrder(
        slugs,
        groupBy(children.all({ keys: keyList(slugs) }), (r) => r.parent),
      ).map((list) => list.map(placeRef));
    },

    /** Events of each place and of the places inside it, in date order, each once, with the place's role. */
    eventsForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      const grouped = groupBy(eventsOfTrees.all({ keys: keyList(slugs) }), (r) => r.root);
      return inOrder(slugs, grouped).map((group) => {
        const seen = new Set<string>();
        const out = [];
        for (const e of group) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          out.push({
            id: e.id,
            kind: e.kind,
            title: e.title,
            date: dateSpan(e),
            role: e.role,
            url: recordUrl('event', e.id),
          });
        }
        return out;
      });
    },
  };
}
