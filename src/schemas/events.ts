import { z } from 'zod';
import { ClaimSchema } from './claims.js';
import { CitationSchema, ConcernsSchema, DateSpanSchema, EventRefSchema, RecordUrl } from './common.js';
import { EVENT_KINDS } from './enums.js';
import { StatisticSchema } from './statistics.js';

export const EventPlaceSchema = z
  .object({ slug: z.string(), name: z.string(), kind: z.string(), role: z.string(), url: RecordUrl })
  .meta({ id: 'EventPlace', description: 'A place an event concerns, with its role in it.' });

export const EventActorSchema = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), role: z.string(), url: RecordUrl })
  .meta({ id: 'EventActor' });

export const EventSchema = z
  .object({
    id: z.string().describe('Stable slug.'),
    kind: z.enum(EVENT_KINDS),
    title: z.string().describe('Neutral title.'),
    summary: z.string().describe("Neutral summary; the sources' own words appear only in quotes."),
    concerns: ConcernsSchema,
    date: DateSpanSchema,
    parent_id: z.string().nullable(),
    places: z.array(EventPlaceSchema),
    url: RecordUrl,
  })
  .meta({ id: 'Event' });

export const EventDetailSchema = EventSchema.extend({
  parent: EventRefSchema.nullable(),
  children: z.array(EventRefSchema),
  actors: z.array(EventActorSchema),
  statistics: z.array(StatisticSchema),
  claims: z.array(ClaimSchema),
  citations: z.array(CitationSchema),
}).meta({ id: 'EventDetail' });
