// Every place as Linked Places Format (LPF v2.0, World Historical Gazetteer's schema): names with the sources that
// give them, GeoNames feature classes and types, the point and the polygon where known, the span the sourced events
// cover with the control periods named, closeMatch links to GeoNames and part-of relations (README, "Linked Places").
import type { Precision } from '../schemas/enums.js';
import type { Boundary } from './geography.js';
import { BOUNDARY_ATTRIBUTION } from './geography.js';
import { attribution, DATASET_TITLE } from './licence.js';

export const LPF_CONTEXT =
  'https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld';

/** GeoNames' feature code of each kind of place (https://www.geonames.org/export/codes.html), and its class. */
const GEONAMES_TYPES = {
  country: { fclass: 'A', code: 'A.PCLI', label: 'country' },
  region: { fclass: 'A', code: 'A.ADMD', label: 'region' },
  district: { fclass: 'A', code: 'A.ADM1', label: 'district' },
  city: { fclass: 'P', code: 'P.PPL', label: 'city' },
  settlement: { fclass: 'P', code: 'P.PPL', label: 'settlement' },
} as const;

interface LpfPlace {
  slug: string;
  name: string;
  kind: keyof typeof GEONAMES_TYPES;
  parent: { slug: string; name: string } | null;
  location: { lat: number; lon: number } | null;
  identifiers: { iso3166_2: string | null; geonames: number | null };
  occupation: { date: string; date_text: string; event_id: string } | null;
  return: { date: string; mode: string; event_id: string } | null;
}

interface LpfEvent {
  id: string;
  date: { start_date: string; end_date: string | null; precision: Precision; date_text: string };
}

interface LpfSources {
  allPlaces(): LpfPlace[];
  boundariesFor(slugs: readonly string[]): (Boundary | null)[];
  eventsForPlaces(slugs: readonly string[]): LpfEvent[][];
  namesWithSources(): Map<
    string,
    {
      name: string;
      language: string;
      sources: { id: string; title: string; url: string | null; publishedOn: string | null }[];
    }[]
  >;
  version: string;
}

type DateObject = { in: string } | { earliest: string } | { latest: string };

/** A day cut to its precision, as LPF's dateObject: `in` when the day, month or year is known, else a bound. */
function dateObject(isoDay: string, precision: Precision, bound: 'earliest' | 'latest'): DateObject {
  if (precision === 'day') return { in: isoDay };
  if (precision === 'month') return { in: isoDay.slice(0, 7) };
  if (precision === 'year') return { in: isoDay.slice(0, 4) };
  // Decade and approximate: only a year can be said, and only as a bound.
  return bound === 'earliest' ? { earliest: isoDay.slice(0, 4) } : { latest: isoDay.slice(0, 4) };
}

/** The span the events cover: the earliest start and the latest end, open (no end) if one is still going on. */
function spanOf(events: LpfEvent[]) {
  if (events.length === 0) return null;
  const first = events.reduce((a, b) => (b.date.start_date < a.date.start_date ? b : a));
  const ongoing = events.some((e) => e.date.end_date === null);
  const endOf = (e: LpfEvent) => e.date.end_date ?? e.date.start_date;
  const last = events.reduce((a, b) => (endOf(b) > endOf(a) ? b : a));
  return {
    start: dateObject(first.date.start_date, first.date.precision, 'earliest'),
    ...(ongoing ? {} : { end: dateObject(endOf(last), last.date.precision, 'latest') }),
  };
}

export function createLpfExport(data: LpfSources) {
  return {
    placesLpf(publicUrl: string) {
      const placeUrl = (slug: string) => `${publicUrl}/v1/places/${slug}`;
      const places = data.allPlaces();
      const slugs = places.map((p) => p.slug);
      const boundaries = data.boundariesFor(slugs);
      const events = data.eventsForPlaces(slugs);
      const names = data.namesWithSources();
      const features = places.map((p, i) => {
        const type = GEONAMES_TYPES[p.kind];
        const point = p.location ? { type: 'Point' as const, coordinates: [p.location.lon, p.location.lat] } : null;
        const polygon = boundaries[i]?.geometry ?? null;
        const geometry =
          point && polygon ? { type: 'GeometryCollection' as const, geometries: [point, polygon] } : (point ?? polygon);
        const span = spanOf(events[i] ?? []);
        // The control periods in the words the sources date them by ("early 1990s", "20 November 2020").
        const dated = (id: string | undefined) => (events[i] ?? []).find((e) => e.id === id)?.date.date_text;
        const taken = dated(p.occupation?.event_id);
        const returned = dated(p.return?.event_id);
        const periods = [
          ...(taken ? [{ name: `Under Armenian control from ${taken}${returned ? ` until ${returned}` : ''}` }] : []),
          ...(returned && p.return
            ? [{ name: `Returned to Azerbaijani control by ${p.return.mode.replace('_', ' ')}: ${returned}` }]
            : []),
        ];
        return {
          type: 'Feature' as const,
          '@id': placeUrl(p.slug),
          properties: { title: p.name, ccodes: ['AZ'], fclasses: [type.fclass] },
          names: (names.get(p.slug) ?? []).map((n) => ({
            toponym: n.name,
            lang: n.language,
            citations: n.sources.map((s) => ({
              label: s.title,
              '@id': s.url ?? `${publicUrl}/v1/sources/${s.id}`,
              ...(s.publishedOn ? { year: s.publishedOn.slice(0, 4) } : {}),
            })),
          })),
          types: [{ identifier: `https://www.geonames.org/ontology#${type.code}`, label: type.label }],
          geometry,
          ...(span
            ? {
                when: {
                  timespans: [span],
                  label: 'The span of the sourced events of this place and of the places inside it',
                  ...(periods.length ? { periods } : {}),
                },
              }
            : {}),
          links:
            p.identifiers.geonames !== null
              ? [{ type: 'closeMatch' as const, identifier: `https://sws.geonames.org/${p.identifiers.geonames}/` }]
              : [],
          relations: p.parent
            ? [
                {
                  relationType: 'gvp:broaderPartitive',
                  relationTo: placeUrl(p.parent.slug),
                  label: `part of ${p.parent.name}`,
                },
              ]
            : [],
        };
      });
      return {
        '@context': LPF_CONTEXT,
        type: 'FeatureCollection' as const,
        title: `${DATASET_TITLE}: places`,
        attribution: `${attribution(data.version)} ${BOUNDARY_ATTRIBUTION}`,
        features,
      };
    },
  };
}
