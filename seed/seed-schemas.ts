// The shape of every seed file. One schema per file in seed/data; a record that fails here never reaches the database.
import { z } from 'zod';
import { IsoDateSchema } from '../src/schemas/dates.js';
import {
  ACTOR_KINDS,
  EVENT_KINDS,
  PEOPLES,
  PLACE_KINDS,
  PRECISIONS,
  QUALIFIERS,
  SOURCE_ORIGINS,
} from '../src/schemas/enums.js';

const SlugSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, hyphens)');

/** A pointer from a record to the sentence (document) or page (reference) it rests on. */
export const SeedCitationSchema = z.strictObject({
  source: SlugSchema,
  /** Exact words of a `document` source; required for documents, absent for references (they hold no text). */
  quote: z.string().min(1).optional(),
  /** Which occurrence of the quote, when the same words appear more than once (1-based). */
  occurrence: z.number().int().min(1).optional(),
  note: z.string().min(1).optional(),
});

const citations = z.array(SeedCitationSchema).default([]);

/** Required, with no default, so that no record is left out of the balance report; `[]` is a stated "neither". */
const concerns = z
  .array(z.enum(PEOPLES), {
    error: (issue) =>
      issue.input === undefined ? 'missing; name whose people the record is about ([] for neither)' : undefined,
  })
  .refine((list) => new Set(list).size === list.length, 'names a people twice');

export const SeedSourceSchema = z.strictObject({
  id: SlugSchema,
  kind: z.enum(['document', 'reference']),
  title: z.string().min(1),
  publisher: z.string().min(1).nullable().default(null),
  /** Required: by the publisher, or the original a copy names (README, "Balance"). */
  origin: z.enum(SOURCE_ORIGINS, {
    error: (issue) => (issue.input === undefined ? `missing; one of ${SOURCE_ORIGINS.join(', ')}` : undefined),
  }),
  place_of_publication: z.string().min(1).nullable().default(null),
  published_on: IsoDateSchema.nullable().default(null),
  language: z.string().min(2).default('en'),
  url: z.url().nullable().default(null),
  /** For a document: its text file under seed/sources, stored verbatim. */
  file: z.string().min(1).optional(),
  licence: z.string().min(1).nullable().default(null),
});

export const SeedPlaceNameSchema = z.strictObject({
  name: z.string().min(1),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag such as az, en, ru, hy'),
  script: z.enum(['Latn', 'Cyrl', 'Armn']),
  kind: z.enum(['official', 'alternate', 'historical']),
  /** Who uses this name, where the naming is contested (e.g. "Armenian side"). */
  used_by: z.string().min(1).nullable().default(null),
  /** What the name designates when narrower or wider than the place (e.g. "town", "Artsakh province"). */
  applies_to: z.string().min(1).nullable().default(null),
  citations,
});

export const SeedPlaceSchema = z.strictObject({
  slug: SlugSchema,
  kind: z.enum(PLACE_KINDS),
  name: z.string().min(1),
  parent: SlugSchema.nullable().default(null),
  description: z.string().min(1).nullable().default(null),
  centre_name: z.string().min(1).nullable().default(null),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
  area_km2: z.number().positive().nullable().default(null),
  area_note: z.string().min(1).nullable().default(null),
  population: z.number().int().nonnegative().nullable().default(null),
  population_year: z.number().int().min(1800).max(2100).nullable().default(null),
  population_basis: z.string().min(1).nullable().default(null),
  /** Events at which control changed: each must name this place. */
  occupation_event: SlugSchema.nullable().default(null),
  return_event: SlugSchema.nullable().default(null),
  note: z.string().min(1).nullable().default(null),
  names: z.array(SeedPlaceNameSchema).min(1),
  citations,
});

export const SeedDateSchema = z.strictObject({
  start: IsoDateSchema,
  /** Null for an ongoing process: an open end (EDTF `…/..`), not the day a source happened to be written. */
  end: IsoDateSchema.nullable(),
  precision: z.enum(PRECISIONS),
  /** The source's own words for the date ("early 1990s", "by November 9"), or the date as the reference gives it. */
  text: z.string().min(1),
  edtf: z.string().min(4),
});

export const SeedEventSchema = z.strictObject({
  id: SlugSchema,
  kind: z.enum(EVENT_KINDS),
  title: z.string().min(1),
  summary: z.string().min(1),
  concerns,
  parent: SlugSchema.nullable().default(null),
  date: SeedDateSchema,
  places: z.array(z.strictObject({ place: SlugSchema, role: z.string().min(1) })).default([]),
  actors: z.array(z.strictObject({ actor: SlugSchema, role: z.string().min(1) })).default([]),
  citations,
});

export const SeedActorSchema = z.strictObject({
  id: SlugSchema,
  kind: z.enum(ACTOR_KINDS),
  name: z.string().min(1),
  description: z.string().min(1).nullable().default(null),
  /** The state an office holder, army or body belongs to. */
  affiliation: SlugSchema.nullable().default(null),
  citations,
});

export const SeedAgreementSchema = z.strictObject({
  id: SlugSchema,
  title: z.string().min(1),
  short_title: z.string().min(1),
  kind: z.enum(['trilateral_statement', 'ceasefire_statement', 'ceasefire_agreement', 'protocol', 'decision']),
  signed_on: IsoDateSchema,
  signed_date_text: z.string().min(1),
  status: z.string().min(1),
  event: SlugSchema.nullable().default(null),
  note: z.string().min(1).nullable().default(null),
  signatories: z.array(z.strictObject({ actor: SlugSchema, office: z.string().min(1) })).default([]),
  provisions: z
    .array(z.strictObject({ point: z.number().int().positive(), text: z.string().min(1), citations }))
    .default([]),
  places: z
    .array(
      z.strictObject({
        place: SlugSchema,
        effect: z.enum(['returned', 'corridor', 'peacekeeping']),
        due_on: IsoDateSchema.nullable().default(null),
        effective_on: IsoDateSchema.nullable().default(null),
        note: z.string().min(1).nullable().default(null),
      }),
    )
    .default([]),
  citations,
});

export const SeedStatisticSchema = z.strictObject({
  id: SlugSchema,
  subject: z.string().regex(/^[a-z0-9_]+$/, 'must be a snake_case subject'),
  label: z.string().min(1),
  concerns,
  value: z.number(),
  /** A range ("about 70,000–75,000") keeps its bounds beside the value, as UCDP's low/best/high. */
  low: z.number().nullable().default(null),
  high: z.number().nullable().default(null),
  unit: z.string().min(1),
  qualifier: z.enum(QUALIFIERS),
  as_of: IsoDateSchema.nullable().default(null),
  as_of_text: z.string().min(1).nullable().default(null),
  /** Who reported the figure and on what basis: figures from different reporters are never merged. */
  reporter: z.string().min(1).nullable().default(null),
  basis: z.string().min(1).nullable().default(null),
  place: SlugSchema.nullable().default(null),
  event: SlugSchema.nullable().default(null),
  citations,
});

export const SeedClaimSchema = z.strictObject({
  id: SlugSchema,
  /** The source that makes the claim; its quote is the claim's own words. */
  source: SlugSchema,
  claimant: z.string().min(1),
  claimant_actor: SlugSchema.nullable().default(null),
  /** The claim in neutral reporting words: "The article says that …". */
  statement: z.string().min(1),
  kind: z.enum(['characterisation', 'allegation', 'denial', 'account']),
  event: SlugSchema.nullable().default(null),
  citations: z.array(SeedCitationSchema).min(1),
});

/** A day kept every year; the dated decree that set it up stays an event (`established_by`). */
export const SeedObservanceSchema = z.strictObject({
  id: SlugSchema,
  name: z.string().min(1),
  day: z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a day of the year, MM-DD'),
  established_by: SlugSchema.nullable().default(null),
  citations: z.array(SeedCitationSchema).min(1),
});

/** A place's ISO 3166-2 code and GeoNames id, each resting on the references that give it. */
export const SeedIdentifierSchema = z.strictObject({
  place: SlugSchema,
  /** How the references name the place; not stored (the place has its own names). */
  label: z.string().min(1),
  iso3166_2: z
    .string()
    .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'must be an ISO 3166-2 code such as AZ-LAC')
    .nullable(),
  geonames: z.number().int().positive().nullable(),
  citations: z.array(SeedCitationSchema.extend({ for: z.enum(['iso3166_2', 'geonames']) })).min(1),
});

const PositionSchema = z.array(z.number());
const PolygonCoordinates = z.array(z.array(PositionSchema));

/** One boundary of seed/data/boundaries.geojson: an RFC 7946 Feature whose `place` names a place record. */
export const SeedBoundaryFeatureSchema = z.strictObject({
  type: z.literal('Feature'),
  id: SlugSchema,
  bbox: z.array(z.number()).length(4).optional(),
  properties: z.looseObject({
    place: SlugSchema,
    /** The feature's key in its source (Natural Earth adm1_code). */
    source_id: z.string().min(1),
    /** The name the source gives the polygon, right or wrong (Natural Earth calls Lachin "Lankaran"). */
    ne_name: z.string().min(1).nullable().default(null),
    note: z.string().min(1).nullable().default(null),
    citations: z.array(SeedCitationSchema).length(1),
  }),
  geometry: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('Polygon'), coordinates: PolygonCoordinates }),
    z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoordinates) }),
  ]),
});

/** seed/data/boundaries.geojson: a FeatureCollection with the attribution and caveats as foreign members. */
export const SeedBoundariesSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  attribution: z.string().min(1),
  caveats: z.array(z.string().min(1)).min(1),
  features: z.array(z.unknown()),
});

export const SEED_FILES = {
  sources: SeedSourceSchema,
  actors: SeedActorSchema,
  places: SeedPlaceSchema,
  events: SeedEventSchema,
  agreements: SeedAgreementSchema,
  statistics: SeedStatisticSchema,
  claims: SeedClaimSchema,
  observances: SeedObservanceSchema,
  identifiers: SeedIdentifierSchema,
} as const;

export type SeedFileName = keyof typeof SEED_FILES;
export type SeedCitation = z.infer<typeof SeedCitationSchema>;
export type SeedSource = z.infer<typeof SeedSourceSchema>;
export type SeedPlace = z.infer<typeof SeedPlaceSchema>;
export type SeedEvent = z.infer<typeof SeedEventSchema>;
export type SeedActor = z.infer<typeof SeedActorSchema>;
export type SeedAgreement = z.infer<typeof SeedAgreementSchema>;
export type SeedStatistic = z.infer<typeof SeedStatisticSchema>;
export type SeedClaim = z.infer<typeof SeedClaimSchema>;
export type SeedObservance = z.infer<typeof SeedObservanceSchema>;
export type SeedIdentifier = z.infer<typeof SeedIdentifierSchema>;
export type SeedBoundaryFeature = z.infer<typeof SeedBoundaryFeatureSchema>;
