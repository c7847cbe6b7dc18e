// The dataset described as a schema.org `Dataset` (JSON-LD): what /v1/meta answers for `Accept: application/ld+json`
// and what the explorer's page embeds, so that dataset search engines find the data and its downloads.
// Its span and area are read from the data once: the dataset never changes under a running repository.
import { asc, desc, isNotNull, isNull, max, min, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { events, placeBoundaries, places } from '../db/schema/index.js';
import type { Precision } from '../schemas/enums.js';
import { attribution, DATASET_TITLE, LICENCE } from './licence.js';

export const SCHEMA_ORG_CONTEXT = 'https://schema.org/' as const;

export const DATASET_DESCRIPTION =
  'Dated, placed and sourced facts on Karabakh and the seven districts around it: ' +
  'events, agreements, places with their names in four languages, figures, and claims kept as attributed to ' +
  'their sources. Each fact gives how exactly its date is known and cites the exact sentence of the source that ' +
  'supports it. The facts are drawn from one news article (Baku, 27 September 2025) and public reference pages.';

export interface DataDownload {
  '@type': 'DataDownload';
  name: string;
  description: string;
  contentUrl: string;
  encodingFormat: string;
}

/**
 * Every whole-file download the API serves, with its absolute URL on `publicUrl`: the Dataset's `distribution`.
 * One list, so a new export is added here once and the ld+json meta and the explorer's page both carry it.
 */
export function datasetDistribution(publicUrl: string): DataDownload[] {
  const file = (name: string, path: string, encodingFormat: string, description: string): DataDownload => ({
    '@type': 'DataDownload',
    name,
    description,
    contentUrl: `${publicUrl}${path}`,
    encodingFormat,
  });
  return [
    // The whole dataset first: the files of /v1/downloads (src/queries/downloads.ts).
    file(
      'The whole dataset (SQLite)',
      '/v1/downloads/history.sqlite',
      'application/vnd.sqlite3',
      'The SQLite database this API serves, exactly as served.',
    ),
    file(
      'The whole dataset (Frictionless Data Package, zip)',
      '/v1/downloads/history.zip',
      'application/zip',
      'datapackage.json and one CSV per table, ready to deposit in an archive.',
    ),
    file(
      'Data Package descriptor',
      '/v1/downloads/datapackage.json',
      'application/json',
      "The Frictionless Data Package v2 descriptor of the CSV files, with each table's schema.",
    ),
    file(
      'Places (GeoJSON)',
      '/v1/places.geojson',
      'application/geo+json',
      'Every place with coordinates as an RFC 7946 FeatureCollection of points.',
    ),
    file(
      'District boundaries (GeoJSON)',
      '/v1/districts.geojson',
      'application/geo+json',
      "The seven districts' polygons from Natural Earth (1:10m), with names, identifiers, occupation and return.",
    ),
    file(
      'Places (Linked Places Format)',
      '/v1/places.lpf.json',
      'application/ld+json',
      'Every place as Linked Places Format v2.0 (JSON-LD), as World Historical Gazetteer takes it.',
    ),
    file(
      'Timeline (TimelineJS3)',
      '/v1/timeline.timelinejs.json',
      'application/json',
      'The events and agreements as one TimelineJS3 document, each dated only as exactly as known.',
    ),
    file(
      'Anniversaries (iCalendar)',
      '/v1/calendar.ics',
      'text/calendar',
      'An RFC 5545 calendar: one all-day yearly event per event known to the day.',
    ),
    file(
      'API description (OpenAPI, JSON)',
      '/openapi.json',
      'application/json',
      'The OpenAPI 3.1 document of the REST API that serves the data.',
    ),
    file(
      'API description (OpenAPI, YAML)',
      '/openapi.yaml',
      'application/yaml',
      'The OpenAPI 3.1 document of the REST API that serves the data.',
    ),
  ];
}

/** An ISO 8601 date no finer than known: the day, the month, or (for a year, decade or approximate date) the year. */
export function isoDateAsKnown(day: string, precision: Precision): string {
  if (precision === 'day') return day.slice(0, 10);
  if (precision === 'month') return day.slice(0, 7);
  return day.slice(0, 4);
}

/** `start/end`, `start/..` where a fact is ongoing: the span from the earliest to the latest day the facts cover. */
export function temporalCoverage(
  earliest: { day: string; precision: Precision } | undefined,
  latest: { day: string; precision: Precision } | undefined,
  ongoing: boolean,
): string | undefined {
  if (!earliest) return undefined;
  const start = isoDateAsKnown(earliest.day, earliest.precision);
  const end = ongoing || !latest ? '..' : isoDateAsKnown(latest.day, latest.precision);
  return `${start}/${end}`;
}

type Box = { south: number; west: number; north: number; east: number };

/** The box around the places' points and every position of their polygons (Natural Earth), as the data gives them. */
export function boxAround(
  points: { south: number | null; west: number | null; north: number | null; east: number | null } | undefined,
  geometries: readonly { coordinates: unknown }[],
): Box | undefined {
  const lons: number[] = [];
  const lats: number[] = [];
  if (points && points.south !== null && points.west !== null && points.north !== null && points.east !== null) {
    lons.push(points.west, points.east);
    lats.push(points.south, points.north);
  }
  const walk = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number' && typeof value[1] === 'number') {
      lons.push(value[0]);
      lats.push(value[1]);
    } else value.forEach(walk);
  };
  for (const g of geometries) walk(g.coordinates);
  if (lons.length === 0) return undefined;
  return { south: Math.min(...lats), west: Math.min(...lons), north: Math.max(...lats), east: Math.max(...lons) };
}

export interface DatasetFacts {
  version: string;
  builtAt: string;
  /** The document sources the facts are drawn from (the article). */
  documents: readonly { title: string; url: string | null; publisher: string | null; published_on: string | null }[];
}

export function createDatasetJsonLd(db: Db) {
  // Run once: three small aggregates over the whole dataset.
  const earliest = db
    .select({ day: events.startDate, precision: events.precision })
    .from(events)
    .orderBy(asc(events.startDate), asc(events.seq))
    .limit(1)
    .prepare()
    .get();
  const latest = db
    .select({ day: events.endDate, precision: events.precision })
    .from(events)
    .where(isNotNull(events.endDate))
    .orderBy(desc(events.endDate), asc(events.seq))
    .limit(1)
    .prepare()
    .get();
  const ongoing = db
    .select({ n: sql<number>`count(*)` })
    .from(events)
    .where(isNull(events.endDate))
    .prepare()
    .get();
  const points = db
    .select({ south: min(places.lat), west: min(places.lon), north: max(places.lat), east: max(places.lon) })
    .from(places)
    .where(isNotNull(places.lat))
    .prepare()
    .get();
  const boundaries = db.select({ geometry: placeBoundaries.geometry }).from(placeBoundaries).prepare().all();
  const box = boxAround(
    points,
    boundaries.map((b) => JSON.parse(b.geometry) as { coordinates: unknown }),
  );
  const coverage = temporalCoverage(
    earliest,
    latest?.day ? { day: latest.day, precision: latest.precision } : undefined,
    (ongoing?.n ?? 0) > 0,
  );

  /** The schema.org Dataset, its URLs absolute on `publicUrl` (PUBLIC_URL). */
  function datasetJsonLd(publicUrl: string, facts: DatasetFacts) {
    return {
      '@context': SCHEMA_ORG_CONTEXT as typeof SCHEMA_ORG_CONTEXT,
      '@type': 'Dataset' as const,
      '@id': `${publicUrl}/v1/meta`,
      name: DATASET_TITLE,
      description: DATASET_DESCRIPTION,
      url: `${publicUrl}/`,
      version: facts.version,
      dateModified: facts.builtAt,
      inLanguage: 'en',
      license: LICENCE.url,
      isAccessibleForFree: true as const,
      creditText: attribution(facts.version),
      ...(coverage ? { temporalCoverage: coverage } : {}),
      spatialCoverage: {
        '@type': 'Place' as const,
        name: 'Karabakh and the seven districts around it, Azerbaijan',
        // schema.org's box: the lower corner then the upper one, each "latitude longitude", as the data gives them.
        ...(box
          ? { geo: { '@type': 'GeoShape' as const, box: `${box.south} ${box.west} ${box.north} ${box.east}` } }
          : {}),
      },
      isBasedOn: facts.documents.map((d) => ({
        '@type': 'CreativeWork' as const,
        name: d.title,
        ...(d.url ? { url: d.url } : {}),
        ...(d.publisher ? { publisher: { '@type': 'Organization' as const, name: d.publisher } } : {}),
        ...(d.published_on ? { datePublished: d.published_on } : {}),
      })),
      distribution: datasetDistribution(publicUrl),
    };
  }
  return { datasetJsonLd };
}

export type DatasetJsonLd = ReturnType<ReturnType<typeof createDatasetJsonLd>['datasetJsonLd']>;
