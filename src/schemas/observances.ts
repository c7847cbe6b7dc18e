import { z } from 'zod';
import { CitationSchema, EventRefSchema } from './common.js';

export const ObservanceSchema = z
  .object({
    id: z.string().describe('Stable slug.'),
    name: z.string().describe('The name of the day, e.g. Remembrance Day.'),
    day: z
      .string()
      .regex(/^\d{2}-\d{2}$/)
      .describe('The day of the year it is kept, MM-DD.'),
    established_by: EventRefSchema.nullable().describe('The dated event (an order or decree) that established it.'),
    citations: z.array(CitationSchema),
  })
  .meta({
    id: 'Observance',
    description: 'A day kept every year; the decree that set it up is an event, the day itself is not.',
  });
