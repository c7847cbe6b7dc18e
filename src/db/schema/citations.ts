import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actors } from './actors.js';
import { agreementProvisions, agreements } from './agreements.js';
import { claims } from './claims.js';
import { events } from './events.js';
import { observances } from './observances.js';
import { placeNames } from './place-names.js';
import { places } from './places.js';
import { sources } from './sources.js';
import { statistics } from './statistics.js';

/**
 * Which record rests on which source. One nullable foreign key per kind of record (exactly one is set),
 * so that SQLite itself refuses a citation of a record that does not exist.
 */
export const citations = sqliteTable(
  'citations',
  {
    id: integer('id').primaryKey(),
    sourceId: text('source_id')
      .notNull()
      .references(() => sources.id),
    quote: text('quote'),
    start: integer('start'),
    end: integer('end'),
    note: text('note'),
    recordType: text('record_type', {
      enum: ['event', 'place', 'place_name', 'actor', 'agreement', 'provision', 'statistic', 'claim', 'observance'],
    }).notNull(),
    eventId: text('event_id').references(() => events.id),
    placeSlug: text('place_slug').references(() => places.slug),
    placeNameId: integer('place_name_id').references(() => placeNames.id),
    actorId: text('actor_id').references(() => actors.id),
    agreementId: text('agreement_id').references(() => agreements.id),
    provisionId: integer('provision_id').references(() => agreementProvisions.id),
    statisticId: text('statistic_id').references(() => statistics.id),
    claimId: text('claim_id').references(() => claims.id),
    observanceId: text('observance_id').references(() => observances.id),
  },
  (t) => [
    check(
      'citations_one_record',
      sql`(${t.eventId} IS NOT NULL) + (${t.placeSlug} IS NOT NULL) + (${t.placeNameId} IS NOT NULL) + (${t.actorId} IS NOT NULL) + (${t.agreementId} IS NOT NULL) + (${t.provisionId} IS NOT NULL) + (${t.statisticId} IS NOT NULL) + (${t.claimId} IS NOT NULL) + (${t.observanceId} IS NOT NULL) = 1`,
    ),
    check(
      'citations_offsets',
      sql`(${t.quote} IS NULL) = (${t.start} IS NULL) AND (${t.start} IS NULL) = (${t.end} IS NULL)`,
    ),
    index('citations_source_idx').on(t.sourceId, t.start),
    index('citations_event_idx').on(t.eventId),
    index('citations_place_idx').on(t.placeSlug),
    index('citations_place_name_idx').on(t.placeNameId),
    index('citations_actor_idx').on(t.actorId),
    index('citations_agreement_idx').on(t.agreementId),
    index('citations_provision_idx').on(t.provisionId),
    index('citations_statistic_idx').on(t.statisticId),
    index('citations_claim_idx').on(t.claimId),
    index('citations_observance_idx').on(t.observanceId),
  ],
);
