import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { actors } from './actors.js';
import { events } from './events.js';
import { places } from './places.js';

export const agreements = sqliteTable('agreements', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  shortTitle: text('short_title').notNull(),
  kind: text('kind').notNull(),
  signedOn: text('signed_on').notNull(),
  signedDateText: text('signed_date_text').notNull(),
  status: text('status').notNull(),
  eventId: text('event_id').references(() => events.id),
  note: text('note'),
});

export const agreementSignatories = sqliteTable(
  'agreement_signatories',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id),
    actorId: text('actor_id')
      .notNull()
      .references(() => actors.id),
    office: text('office').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.actorId] })],
);

export const agreementProvisions = sqliteTable(
  'agreement_provisions',
  {
    id: integer('id').primaryKey(),
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id),
    point: integer('point').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('agreement_provisions_agreement_idx').on(t.agreementId, t.point)],
);

/** What an agreement did to a place: the return of Aghdam, Kalbajar and Lachin. */
export const agreementPlaces = sqliteTable(
  'agreement_places',
  {
    agreementId: text('agreement_id')
      .notNull()
      .references(() => agreements.id),
    placeSlug: text('place_slug')
      .notNull()
      .references(() => places.slug),
    effect: text('effect', { enum: ['returned', 'corridor', 'peacekeeping'] }).notNull(),
    dueOn: text('due_on'),
    effectiveOn: text('effective_on'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.placeSlug, t.effect] }),
    index('agreement_places_place_idx').on(t.placeSlug),
  ],
);
