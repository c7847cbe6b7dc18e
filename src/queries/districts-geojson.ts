// /v1/districts.geojson: the seven districts as GeoJSON features, each its Natural Earth polygon with the
// district's names, identifiers, control changes, label point and sources, and the credit line and caveats of the
// lines beside them. It reads through the districts' own list and the geography queries, as the LPF export does.
import { BOUNDARY_ATTRIBUTION, type createGeographyQueries } from './geography.js';
import type { createPlaceQueries } from './places.js';

/** A district as the districts' list gives it. */
type DistrictPlace = ReturnType<ReturnType<typeof createPlaceQueries>['listPlaces']>['items'][number];

type DistrictsGeoJsonSources = Pick<
  ReturnType<typeof createGeographyQueries>,
  'boundariesFor' | 'identifierSourcesFor' | 'boundaryCaveats'
> & { listDistricts(): DistrictPlace[] };

export function createDistrictsGeoJson(data: DistrictsGeoJsonSources) {
  return {
    /** The districts with a known polygon, in the order of the districts' list. */
    districtsGeoJson() {
      const districts = data.listDistricts();
      const slugs = districts.map((d) => d.slug);
      const boundaries = data.boundariesFor(slugs);
      const identifierSources = data.identifierSourcesFor(slugs);
      const features = districts.flatMap((d, i) => {
        const b = boundaries[i];
        if (!b) return [];
        return [
          {
            type: 'Feature' as const,
            id: d.slug,
            bbox: b.bbox,
            geometry: b.geometry,
            properties: {
              slug: d.slug,
              name: d.name,
              names: d.names,
              identifiers: d.identifiers,
              occupation: d.occupation,
              return: d.return,
              label_point: b.label_point,
              source_feature: b.source_feature,
              source_name: b.source_name,
              note: b.note,
              sources: [
                { ...b.source, for: 'boundary' as const, note: `adm1_code ${b.source_feature}` },
                ...(identifierSources[i] ?? []),
              ],
              url: d.url,
            },
          },
        ];
      });
      return {
        type: 'FeatureCollection' as const,
        attribution: BOUNDARY_ATTRIBUTION,
        caveats: data.boundaryCaveats,
        features,
      };
    },
  };
}
