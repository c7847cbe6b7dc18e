// Closed vocabularies of the API. Changing one is a breaking change for clients: add, never rename.

/** What an event is, in neutral words: the kind never carries one side's characterisation. */
export const EVENT_KINDS = [
  'occupation',
  'displacement',
  'founding',
  'negotiation',
  'ceasefire_violation',
  'outbreak_of_fighting',
  'military_operation',
  'war',
  'capture',
  'handover',
  'agreement',
  'ceasefire',
  'control_change',
  'observance',
  'reconstruction',
  'closure',
  'blockade',
  'court_order',
  'dissolution',
  'census',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** How exactly a date is known; a year-only fact never matches a day query. */
export const PRECISIONS = ['day', 'month', 'year', 'decade', 'approximate'] as const;
export type Precision = (typeof PRECISIONS)[number];

export const PLACE_KINDS = ['country', 'region', 'district', 'city', 'settlement'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const ACTOR_KINDS = ['state', 'person', 'organisation', 'armed_force', 'de_facto_authority'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const QUALIFIERS = ['exact', 'approximate', 'at_least', 'more_than'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

export const RETURN_MODES = ['military_operation', 'handover'] as const;
export type ReturnMode = (typeof RETURN_MODES)[number];

/**
 * Whose people a record is about (README, "Balance"). A list of one or both; empty for a record about neither
 * people, such as the diplomacy of the Minsk Group.
 */
export const PEOPLES = ['azerbaijanis', 'armenians'] as const;
export type People = (typeof PEOPLES)[number];

/** Where a source comes from, by its publisher (README, "Balance"): a copy counts as the original it names. */
export const SOURCE_ORIGINS = ['azerbaijani', 'armenian', 'russian', 'international', 'other'] as const;
export type SourceOrigin = (typeof SOURCE_ORIGINS)[number];
