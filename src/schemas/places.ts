import { z } from 'zod';
import { CitationSchema, DateSpanSchema, IsoDay, PlaceRefSchema, RecordUrl } from './common.js';
import { EVENT_KINDS, PLACE_KINDS, RETURN_MODES } from './enums.js';
import { StatisticSchema } from './statistics.js';

export const PlaceNameSchema = z
  .object({
    name: z.string(),
    language: z.string().describe('BCP 47 tag: az, en, ru, hy, hy-Latn.'),
    script: z.string().describe('ISO 15924 script code.'),
    kind: z.enum(['official', 'alternate', 'historical']),
    used_by: z.string().nullable(),
    applies_to: z
      .string()
      .nullable()
      .describe('What the name designates when narrower than the place, e.g. its centre town.'),
  })
  .meta({ id: 'PlaceName' });

export const LocationSchema = z.object({ lat: z.number(), lon: z.number() }).meta({ id: 'Location' });

export const OccupationSchema = z
  .object({ date: IsoDay, date_text: z.string(), event_id: z.string() })
  .meta({ id: 'Occupation', description: 'When the place came under Armenian control.' });

export const ReturnSchema = z
  .object({
    date: IsoDay,
    mode: z.enum(RETURN_MODES),
    agreement_id: z.string().nullable(),
    event_id: z.string(),
  })
  .meta({ id: 'Return', description: 'When and how the place returned to Azerbaijani control.' });

export const PlaceIdentifiersSchema = z
  .object({
    iso3166_2: z
      .string()
      .nullable()
      .describe('ISO 3166-2 subdivision code (AZ-LAC), as Debian iso-codes gives it; null where there is none.'),
    geonames: z
      .int32()
      .min(1)
      .nullable()
      .describe(
        'GeoNames id (https://sws.geonames.org/<id>/), as the GeoNames dump files give it; null where unknown.',
      ),
  })
  .meta({ id: 'PlaceIdentifiers', description: 'Identifiers of the place in other gazetteers, each cited.' });

/** The fields a GeoJSON feature of a place carries beside its geometry. */
export const NamedPlaceSchemaShape = {
  slug: z.string(),
  name: z.string().describe('The English form of the official name.'),
  names: z.array(PlaceNameSchema),
  identifiers: PlaceIdentifiersSchema,
  occupation: OccupationSchema.nullable(),
  return: ReturnSchema.nullable(),
};

export const PlaceSchema = z
  .object({
    slug: z.string(),
    name: z.string().describe('The English form of the official name.'),
    kind: z.enum(PLACE_KINDS),
    parent: PlaceRefSchema.nullable(),
    names: z.array(PlaceNameSchema),
    location: LocationSchema.nullable(),
    centre_name: z.string().nullable(),
    area_km2: z.number().nullable(),
    area_note: z.string().nullable(),
    population: z
      .object({ count: z.int32().min(0), year: z.int().min(1).max(9999).nullable(), basis: z.string().nullable() })
      .nullable(),
    occupation: OccupationSchema.nullable(),
    return: ReturnSchema.nullable(),
    note: z.string().nullable(),
    identifiers: PlaceIdentifiersSchema,
    url: RecordUrl,
  })
  .meta({ id: 'Place' });

export const PlaceEventSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    date: DateSpanSchema,
    role: z.string(),
    url: RecordUrl,
  })
  .meta({ id: 'PlaceEvent', description: "An event of a place, with the place's role in it." });

export const DistrictSchema = PlaceSchema.extend({
  events: z.array(PlaceEventSchema).describe('Events of the district and the places inside it, in date order.'),
}).meta({ id: 'District' });

export const PlaceDetailSchema = PlaceSchema.extend({
  children: z.array(PlaceRefSchema),
  events: z.array(PlaceEventSchema).describe('Events of this place and the places inside it, in date order.'),
  statistics: z.array(StatisticSchema),
  citations: z.array(CitationSchema),
}).meta({ id: 'PlaceDetail' });
