import { BalanceSchema } from './balance.js';
import { AttributionSchema, LicenseSchema } from './licence.js';
import { z } from 'zod';
import { DateSpanSchema, RecordUrl } from './common.js';
import { EventSchema } from './events.js';

export const TimelineItemSchema = z
  .object({
    type: z.enum(['event', 'agreement', 'statistic']),
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    date: DateSpanSchema,
    url: RecordUrl,
  })
  .meta({ id: 'TimelineItem', description: 'A compact item for timeline widgets.' });

export const OnThisDayItemSchema = z
  .object({ years_ago: z.int().min(0).max(9999), event: EventSchema })
  .meta({ id: 'OnThisDayItem' });

export const SearchHitSchema = z
  .object({
    type: z.enum(['event', 'place', 'actor', 'agreement', 'statistic', 'claim', 'quote']),
    id: z.string(),
    title: z.string(),
    snippet: z.string().describe('Matching text with the hit between [ and ].'),
    url: RecordUrl.describe('Path of the record on this API (answers 200); a quote is its citation.'),
  })
  .meta({ id: 'SearchHit' });

export const MetaSchema = z
  .object({
    version: z.string(),
    sha256: z.string().describe('SHA-256 over every seed input.'),
    built_at: z.string(),
    licence: z.string(),
    license: LicenseSchema,
    attribution: AttributionSchema,
    counts: z.record(z.string(), z.int32().min(0)),
    sources: z.array(z.object({ id: z.string(), kind: z.enum(['document', 'reference']), title: z.string() })),
    balance: BalanceSchema,
  })
  .meta({ id: 'Meta' });
