// Boundaries and identifiers: the polygons of the districts and cities (Natural Earth), their label points, the
// caveats said wherever the geometry is served, and the references behind each identifier.
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  boundaryCaveats,
  citations,
  placeBoundaries,
  placeIdentifierCitations,
  placeNames,
  sources,
} from '../db/schema/index.js';
import type { BoundaryGeometry } from '../schemas/geo.js';
import { groupBy } from './mappers.js';
import { inKeys, keyList, prepareRows } from './prepared.js';

/** The credit line for the boundaries, said in every export that draws them. */
export const BOUNDARY_ATTRIBUTION = 'District boundaries: Natural Earth (naturalearthdata.com), public domain.';

export interface Boundary {
  geometry: BoundaryGeometry;
  /** [west, south, east, north] of every position (RFC 7946 §5). */
  bbox: [number, number, number, number];
  label_point: { type: 'Point'; coordinates: [number, number] };
  source_feature: string;
  source_name: string | null;
  note: string | null;
  source: { source_id: string; title: string; url: string | null };
}

function bboxOf(geometry: BoundaryGeometry): [number, number, number, number] {
  const positions = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat(2);
  const lons = positions.map((p) => p[0] as number);
  const lats = positions.map((p) => p[1] as number);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

export function createGeographyQueries(db: Db) {
  const boundaryRows = prepareRows(
    db
      .select({
        slug: placeBoundaries.placeSlug,
        geometry: placeBoundaries.geometry,
        labelLon: placeBoundaries.labelLon,
        labelLat: placeBoundaries.labelLat,
        sourceFeature: placeBoundaries.sourceFeature,
        sourceName: placeBoundaries.sourceName,
        note: placeBoundaries.note,
        sourceId: sources.id,
        title: sources.title,
        url: sources.url,
      })
      .from(placeBoundaries)
      .innerJoin(sources, eq(sources.id, placeBoundaries.sourceId))
      .where(inKeys(placeBoundaries.placeSlug)),
  );
  const identifierSources = prepareRows(
    db
      .select({
        slug: placeIdentifierCitations.placeSlug,
        scheme: placeIdentifierCitations.scheme,
        note: placeIdentifierCitations.note,
        sourceId: sources.id,
        title: sources.title,
        url: sources.url,
      })
      .from(placeIdentifierCitations)
      .innerJoin(sources, eq(sources.id, placeIdentifierCitations.sourceId))
      .where(inKeys(placeIdentifierCitations.placeSlug))
      .orderBy(asc(placeIdentifierCitations.id)),
  );
  // Every name of every place with the sources it rests on (none for a name cited nowhere), for the gazetteer export.
  const citedNames = prepareRows(
    db
      .select({
        id: placeNames.id,
        slug: placeNames.placeSlug,
        name: placeNames.name,
        language: placeNames.language,
        sourceId: sources.id,
        title: sources.title,
        url: sources.url,
        publishedOn: sources.publishedOn,
      })
      .from(placeNames)
      .leftJoin(citations, eq(citations.placeNameId, placeNames.id))
      .leftJoin(sources, eq(sources.id, citations.sourceId))
      .orderBy(asc(placeNames.id), asc(citations.id)),
  );
  // Read once: the caveats never change under a running repository.
  const caveats = db
    .select({ text: boundaryCaveats.text })
    .from(boundaryCaveats)
    .orderBy(asc(boundaryCaveats.seq))
    .all()
    .map((r) => r.text);

  return {
    boundaryCaveats: caveats,

    /** Each place's boundary, in the order of the slugs; null where none is known. */
    boundariesFor(slugs: readonly string[]): (Boundary | null)[] {
      if (slugs.length === 0) return [];
      const bySlug = new Map(boundaryRows.all({ keys: keyList(slugs) }).map((r) => [r.slug, r]));
      return slugs.map((slug) => {
        const r = bySlug.get(slug);
        if (!r) return null;
        const geometry = JSON.parse(r.geometry) as BoundaryGeometry;
        return {
          geometry,
          bbox: bboxOf(geometry),
          label_point: { type: 'Point' as const, coordinates: [r.labelLon, r.labelLat] as [number, number] },
          source_feature: r.sourceFeature,
          source_name: r.sourceName,
          note: r.note,
          source: { source_id: r.sourceId, title: r.title, url: r.url },
        };
      });
    },

    /** Each place's names, in seed order, each with its distinct sources: slug → names. */
    namesWithSources() {
      const byName = new Map<
        number,
        {
          slug: string;
          name: string;
          language: string;
          sources: { id: string; title: string; url: string | null; publishedOn: string | null }[];
        }
      >();
      for (const r of citedNames.all()) {
        let entry = byName.get(r.id);
        if (!entry) {
          entry = { slug: r.slug, name: r.name, language: r.language, sources: [] };
          byName.set(r.id, entry);
        }
        if (r.sourceId && r.title && !entry.sources.some((s) => s.id === r.sourceId))
          entry.sources.push({ id: r.sourceId, title: r.title, url: r.url, publishedOn: r.publishedOn });
      }
      return groupBy([...byName.values()], (n) => n.slug);
    },

    /** The references behind each place's identifiers, in the order of the slugs. */
    identifierSourcesFor(slugs: readonly string[]) {
      if (slugs.length === 0) return [];
      const grouped = groupBy(identifierSources.all({ keys: keyList(slugs) }), (r) => r.slug);
      return slugs.map((slug) =>
        (grouped.get(slug) ?? []).map((r) => ({
          source_id: r.sourceId,
          title: r.title,
          url: r.url,
          for: r.scheme,
          note: r.note,
        })),
      );
    },
  };
}
