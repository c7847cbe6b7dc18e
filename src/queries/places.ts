// Places and districts: names in every language, control changes, and the events of a place and those inside it.
import { and, asc, eq, gt, inArray, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agreementPlaces, events, placeNames, places } from '../db/schema/index.js';
import { foldText } from '../lib/fold.js';
import type { PlacesQuery } from '../schemas/params.js';
import { dateSpan, groupBy, inOrder, pageOfRows } from './mappers.js';

type PlaceRow = typeof places.$inferSelect;
type EventRow = typeof events.$inferSelect;

export function createPlaceQueries(db: Db) {
  function namesFor(slugs: readonly string[]) {
    const rows = db
      .select()
      .from(placeNames)
      .where(inArray(placeNames.placeSlug, slugs as string[]))
      .orderBy(asc(placeNames.id))
      .all();
    return groupBy(rows, (r) => r.placeSlug);
  }

  function eventsById(ids: string[]) {
    if (ids.length === 0) return new Map<string, EventRow>();
    return new Map(
      db
        .select()
        .from(events)
        .where(inArray(events.id, ids))
        .all()
        .map((e) => [e.id, e]),
    );
  }

  /** Rows → Place objects, with their names, parents and control changes, in three statements whatever the count. */
  function toPlaces(rows: PlaceRow[]) {
    if (rows.length === 0) return [];
    const slugs = rows.map((r) => r.slug);
    const names = namesFor(slugs);
    const parentSlugs = [...new Set(rows.map((r) => r.parentSlug).filter((s): s is string => s !== null))];
    const parents = new Map(
      parentSlugs.length
        ? db
            .select({ slug: places.slug, name: places.name, kind: places.kind })
            .from(places)
            .where(inArray(places.slug, parentSlugs))
            .all()
            .map((p) => [p.slug, p])
        : [],
    );
    const controlEvents = eventsById(
      rows.flatMap((r) => [r.occupationEventId, r.returnEventId]).filter((id): id is string => id !== null),
    );
    const returnAgreements = new Map(
      db
        .select({ slug: agreementPlaces.placeSlug, agreementId: agreementPlaces.agreementId })
        .from(agreementPlaces)
        .where(and(inArray(agreementPlaces.placeSlug, slugs), eq(agreementPlaces.effect, 'returned')))
        .all()
        .map((r) => [r.slug, r.agreementId]),
    );
    return rows.map((r) => {
      const occupation = r.occupationEventId ? controlEvents.get(r.occupationEventId) : undefined;
      const ret = r.returnEventId ? controlEvents.get(r.returnEventId) : undefined;
      return {
        slug: r.slug,
        name: r.name,
        kind: r.kind,
        parent: r.parentSlug ? (parents.get(r.parentSlug) ?? null) : null,
        names: (names.get(r.slug) ?? []).map((n) => ({
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
              agreement_id: ret.kind === 'handover' ? (returnAgreements.get(r.slug) ?? null) : null,
              event_id: ret.id,
            }
          : null,
        note: r.note,
      };
    });
  }

  return {
    toPlaces,

    listPlaces(query: PlacesQuery) {
      const where: SQL[] = [];
      if (query.kind) where.push(eq(places.kind, query.kind));
      if (query.parent) where.push(eq(places.parentSlug, query.parent));
      if (query.name) {
        where.push(
          sql`${places.slug} IN (SELECT place_slug FROM place_names WHERE instr(folded, ${foldText(query.name)}) > 0)`,
        );
      }
      if (query.cursor) where.push(gt(places.seq, Number(query.cursor)));
      const rows = db
        .select()
        .from(places)
        .where(and(...where))
        .orderBy(asc(places.seq))
        .limit(query.limit + 1)
        .all();
      return pageOfRows(rows, query.limit, toPlaces, (last) => String(last.seq));
    },

    placeRows(slugs: readonly string[]): (PlaceRow | null)[] {
      if (slugs.length === 0) return [];
      const rows = db
        .select()
        .from(places)
        .where(inArray(places.slug, slugs as string[]))
        .all();
      const index = new Map(rows.map((r) => [r.slug, r]));
      return slugs.map((s) => index.get(s) ?? null);
    },

    placesWithLocation() {
      return toPlaces(
        db
          .select()
          .from(places)
          .where(sql`${places.lat} IS NOT NULL`)
          .orderBy(asc(places.seq))
          .all(),
      );
    },

    childrenForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      const rows = db
        .select({ parent: places.parentSlug, slug: places.slug, name: places.name, kind: places.kind })
        .from(places)
        .where(inArray(places.parentSlug, slugs as string[]))
        .orderBy(asc(places.seq))
        .all();
      return inOrder(
        slugs,
        groupBy(rows, (r) => r.parent),
      ).map((list) => list.map(({ parent: _, ...p }) => p));
    },

    /** Events of each place and of the places inside it, in date order, each once, with the place's role. */
    eventsForPlaces(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      const list = sql.join(
        slugs.map((s) => sql`${s}`),
        sql`, `,
      );
      const rows = db.all<EventRow & { root: string; role: string }>(sql`
        WITH RECURSIVE tree(root, slug) AS (
          SELECT slug, slug FROM places WHERE slug IN (${list})
          UNION SELECT tree.root, p.slug FROM places p JOIN tree ON p.parent_slug = tree.slug
        )
        SELECT tree.root AS root, ep.role AS role, e.id AS id, e.kind AS kind, e.title AS title,
               e.start_date AS startDate, e.end_date AS endDate, e.precision AS precision,
               e.date_text AS dateText, e.edtf AS edtf, e.seq AS seq
        FROM tree
        JOIN event_places ep ON ep.place_slug = tree.slug
        JOIN events e ON e.id = ep.event_id
        ORDER BY e.start_date, e.seq, (ep.place_slug = tree.root) DESC, ep.role`);
      const grouped = groupBy(rows, (r) => r.root);
      return inOrder(slugs, grouped).map((group) => {
        const seen = new Set<string>();
        const out = [];
        for (const e of group) {
          if (seen.has(e.id)) continue;
          seen.add(e.id);
          out.push({ id: e.id, kind: e.kind, title: e.title, date: dateSpan(e), role: e.role });
        }
        return out;
      });
    },
  };
}
