import { z } from 'zod';
import { CitationSchema, ConcernsSchema, IsoDay, PlaceRefSchema, RecordUrl } from './common.js';
import { QUALIFIERS } from './enums.js';

export const StatisticSchema = z
  .object({
    id: z.string(),
    subject: z.string().describe('What is counted, in snake_case (e.g. villages_taken).'),
    label: z.string(),
    concerns: ConcernsSchema,
    value: z.number().describe('The figure; for a range, the value the source gives as its best estimate.'),
    low: z.number().nullable().describe('Lower bound of a range ("about 70,000–75,000"); null for a single figure.'),
    high: z.number().nullable().describe('Upper bound of a range; null for a single figure.'),
    unit: z.string(),
    qualifier: z.enum(QUALIFIERS),
    as_of: IsoDay.nullable(),
    as_of_text: z.string().nullable().describe("The source's own words for the as-of date."),
    reporter: z
      .string()
      .nullable()
      .describe('Who reported the figure: figures from different reporters are never merged.'),
    basis: z.string().nullable(),
    place: PlaceRefSchema.nullable(),
    event_id: z.string().nullable(),
    citations: z.array(CitationSchema),
    url: RecordUrl,
  })
  .meta({ id: 'Statistic' });
