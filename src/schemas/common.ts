// Shapes shared by many resources: dates, citations, references to other records, pages.
import { z } from 'zod';
import { PEOPLES, PRECISIONS } from './enums.js';

export const IsoDay = z.string().meta({ format: 'date', example: '2020-09-27' });

export const DateSpanSchema = z
  .object({
    start_date: IsoDay.describe('Earliest day the event may cover (inclusive).'),
    end_date: IsoDay.nullable().describe(
      'Latest day the event may cover (inclusive); null for an ongoing process, whose open end overlaps every later window.',
    ),
    precision: z.enum(PRECISIONS).describe('How exactly the date is known; a year-only fact never matches a day.'),
    date_text: z.string().describe('The source\'s own words for the date, e.g. "early 1990s".'),
    edtf: z.string().describe('The date as an EDTF (ISO 8601-2) string.'),
  })
  .meta({ id: 'DateSpan', description: 'When something happened, with how exactly it is known.' });

/** The `url` of a record or of a reference to one: a path on this API that answers 200, with no fragment. */
export const RecordUrl = z
  .string()
  .meta({ example: '/v1/places/lachin' })
  .describe('Path of the record on this API (answers 200).');

export const RECORD_TYPES = [
  'event',
  'place',
  'place_name',
  'actor',
  'agreement',
  'provision',
  'statistic',
  'claim',
  'observance',
] as const;

export const CitationRecordSchema = z
  .object({
    type: z.enum(RECORD_TYPES),
    id: z
      .string()
      .describe(
        "The id of the record `url` answers: for a place name the place's slug, for a provision its agreement's id.",
      ),
    name: z.string().nullable().describe('For a place name: the name cited (the place holds all its names).'),
    point: z
      .number()
      .int()
      .min(1)
      .max(999)
      .nullable()
      .describe("For a provision: its point number in the agreement's provisions."),
    url: RecordUrl,
  })
  .meta({
    id: 'CitationRecord',
    description:
      'The record a citation supports. Place names and provisions are parts of a place and of an agreement: ' +
      'they are cited as that record, with the name or point that is cited.',
  });

export const CitationSchema = z
  .object({
    id: z.int32().min(1),
    source_id: z.string(),
    source_title: z.string(),
    source_kind: z.enum(['document', 'reference']),
    url: z.string().nullable().describe("The source's URL, where it has one."),
    quote: z
      .string()
      .nullable()
      .describe('The exact words of a document source; null for references, which hold no text.'),
    start: z
      .int32()
      .min(0)
      .nullable()
      .describe('Character offset where the quote starts: text.slice(start, end) === quote.'),
    end: z.int32().min(0).nullable().describe('Character offset just after the quote.'),
    note: z.string().nullable(),
    record: CitationRecordSchema,
  })
  .meta({
    id: 'Citation',
    description: 'A record resting on a source, to the exact sentence where the source holds text.',
  });

export const PlaceRefSchema = z
  .object({ slug: z.string(), name: z.string(), kind: z.string(), url: RecordUrl })
  .meta({ id: 'PlaceRef' });

export const EventRefSchema = z
  .object({ id: z.string(), kind: z.string(), title: z.string(), date: DateSpanSchema, url: RecordUrl })
  .meta({ id: 'EventRef' });

/** The largest `limit` a list takes, and so the most items a page holds. */
export const MAX_PAGE_SIZE = 100;

export const PageSchema = z
  .object({
    limit: z.int().min(1).max(MAX_PAGE_SIZE),
    next_cursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .meta({ id: 'Page' });

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ data: z.array(item).max(MAX_PAGE_SIZE), page: PageSchema });
}

/** Whose people a record is about: one or both, or an empty list for neither (README, "Balance"). */
export const ConcernsSchema = z
  .array(z.enum(PEOPLES))
  .describe('Whose people the record is about: azerbaijanis, armenians, both, or [] for neither.');
