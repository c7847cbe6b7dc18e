// The TimelineJS3 export: its query (the timeline's window) and the document TimelineJS reads
// (fields as in Knight Lab's json-format docs; README, "TimelineJS").
import { z } from 'zod';
import { checkRange, TimelineQuerySchema } from './params.js';

/** The same `from`/`to` as /v1/timeline, with the same 400s; no paging, since TimelineJS reads one file. */
export const TimelineJsQuerySchema = z
  .strictObject({ from: TimelineQuerySchema.shape.from, to: TimelineQuerySchema.shape.to })
  .superRefine(checkRange);
export type TimelineJsQuery = z.output<typeof TimelineJsQuerySchema>;

const TimelineJsDateSchema = z
  .object({
    year: z.int().min(1).max(9999),
    month: z.int().min(1).max(12).optional(),
    day: z.int().min(1).max(31).optional(),
  })
  .meta({
    id: 'TimelineJsDate',
    description: 'A TimelineJS date, only to the precision known: a month-precision fact has no `day`.',
  });

const TimelineJsTextSchema = z.object({
  headline: z.string().describe('The slide’s headline (the record’s title), HTML-escaped.'),
  text: z
    .string()
    .describe('HTML: what the slide says, the source’s quote where it has one, and links to the sources.'),
});

export const TimelineJsSlideSchema = z
  .object({
    unique_id: z.string().describe('The record id (an event’s or an agreement’s).'),
    start_date: TimelineJsDateSchema,
    end_date: TimelineJsDateSchema.optional().describe(
      'Absent when the span ends within its start at the precision known, and for an ongoing process.',
    ),
    display_date: z
      .string()
      .optional()
      .describe("The source's words for an approximate date (`early 1990s`); `From …, ongoing` for an open end."),
    text: TimelineJsTextSchema,
    group: z.string().describe('The record’s kind, in words (`military operation`).'),
  })
  .meta({ id: 'TimelineJsSlide' });

export const TimelineJsDocumentSchema = z
  .object({
    title: z
      .object({ text: TimelineJsTextSchema })
      .describe('The title slide: the dataset, the window, the attribution.'),
    events: z.array(TimelineJsSlideSchema).describe('One slide per event and agreement in the window, in date order.'),
  })
  .meta({
    id: 'TimelineJsDocument',
    description: 'A TimelineJS3 JSON document (https://timeline.knightlab.com/docs/json-format.html).',
  });
export type TimelineJsDocument = z.output<typeof TimelineJsDocumentSchema>;
export type TimelineJsSlide = z.output<typeof TimelineJsSlideSchema>;
export type TimelineJsDate = z.output<typeof TimelineJsDateSchema>;
