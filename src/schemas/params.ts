// Query parameters, defined once: REST validates its query strings with these, GraphQL its arguments.
import { z } from 'zod';
import { type Cursor, cursorParam, type ListName, OffsetPosition, SeqPosition } from './cursor.js';
import { calendarIssue, daysInMonth, isRealIsoDate } from './dates.js';
import { EVENT_KINDS, PLACE_KINDS } from './enums.js';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The first and last day of the period a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value stands for. */
export function periodOf(value: string): { start: string; end: string } {
  if (value.length === 10) return { start: value, end: value };
  if (value.length === 7) {
    const day = daysInMonth(Number(value.slice(0, 4)), Number(value.slice(5, 7)));
    return { start: `${value}-01`, end: `${value}-${String(day).padStart(2, '0')}` };
  }
  return { start: `${value}-01-01`, end: `${value}-12-31` };
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the calendar (years 0001–9999), as the period it names. */
const PeriodSchema = z
  .string()
  .max(10, { error: 'must be YYYY, YYYY-MM or YYYY-MM-DD', abort: true })
  .regex(PARTIAL_DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .superRefine((v, ctx) => {
    // A value that is not even shaped like a date was reported by the regex already.
    const issue = PARTIAL_DATE.test(v) ? calendarIssue(v) : null;
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  })
  .transform(periodOf)
  .meta({ example: '1994-03' });

/** A partial date as one bound of a window: its period's first day (`start`) or last day (`end`). */
export function partialDate(bound: 'start' | 'end') {
  return PeriodSchema.transform((period) => period[bound]).meta({ example: '2020-09-27' });
}

/**
 * An integer parameter: decimal digits only (no `0x10`, `1e2`, `5.0`, sign or spaces), or a number as GraphQL
 * gives it. OpenAPI shows it as an integer with its bounds.
 */
function decimalInteger(min: number, max: number, fallback: number) {
  const whole = `must be a whole number from ${min} to ${max}, in decimal digits`;
  return z.preprocess(
    (v) => (typeof v === 'string' && /^[0-9]{1,15}$/.test(v) ? Number(v) : v),
    // The default inside the preprocess, where OpenAPI sees it.
    z
      .number({ error: whole })
      .int(whole)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );
}

/**
 * List filters that name one record, and the kind of record each names: a filter naming none is a 400 that says so
 * (checked against the data by the query layer), not an empty page.
 */
export const FILTER_REFERENCES = {
  place: 'place',
  parent: 'place',
  actor: 'actor',
  event: 'event',
  source: 'source',
} as const;
export type ReferencedKind = (typeof FILTER_REFERENCES)[keyof typeof FILTER_REFERENCES];

const slug = z
  .string()
  .max(200, { error: 'must be at most 200 characters', abort: true })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug such as lachin');

export const LimitSchema = decimalInteger(1, 100, 20).describe('Page size, 1–100.');

export const SORTS = ['date', '-date'] as const;

/** The events keyset: the last row's (start_date, seq), and the sort it was made for. */
export interface EventPosition {
  sort: (typeof SORTS)[number];
  startDate: string;
  seq: number;
}

/** Held in the cursor as [sort, start_date, seq]. */
export const EventPositionSchema = z
  .tuple([z.enum(SORTS), z.string().refine(isRealIsoDate), SeqPosition])
  .transform(([sort, startDate, seq]): EventPosition => ({ sort, startDate, seq }));

export const eventPosition = (p: EventPosition) => [p.sort, p.startDate, p.seq];

// As long as a request line can be (Node's 16 KiB head): GraphQL's token limit, not this, bounds its kind lists.
const KindListSchema = z
  .string()
  .max(16384, { error: 'must be at most 16384 characters', abort: true })
  .transform((v, ctx) => {
    const kinds = v.split(',').map((k) => k.trim());
    const unknown = kinds.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
    if (unknown.length) {
      ctx.addIssue({
        code: 'custom',
        message: `unknown kind ${unknown.map((k) => `"${k}"`).join(', ')}; one of: ${EVENT_KINDS.join(', ')}`,
      });
      return z.NEVER;
    }
    return [...new Set(kinds)] as (typeof EVENT_KINDS)[number][];
  })
  .describe(`Comma-separated event kinds: ${EVENT_KINDS.join(', ')}.`);

const SearchTextSchema = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');

const FormatSchema = z.enum(['json', 'csv']).optional().describe('`csv` answers text/csv, like Accept: text/csv.');

export function checkRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['from'], message: `must not be after to (${value.to})` });
  }
}

export const EventsQuerySchema = z
  .strictObject({
    from: partialDate('start').optional().describe('Start of the window: YYYY, YYYY-MM or YYYY-MM-DD.'),
    to: partialDate('end').optional().describe('End of the window (inclusive): YYYY, YYYY-MM or YYYY-MM-DD.'),
    match: z
      .enum(['overlaps', 'within'])
      .default('overlaps')
      .describe("`overlaps`: the event's span overlaps the window; `within`: it lies inside it."),
    kind: KindListSchema.optional(),
    place: slug.optional().describe('Place slug; includes the events of the places inside it.'),
    actor: slug.optional().describe('Actor id.'),
    q: SearchTextSchema.optional().describe('Full-text search over titles and summaries.'),
    sort: z.enum(SORTS).default('date'),
    limit: LimitSchema,
    cursor: cursorParam('events', EventPositionSchema).optional(),
    format: FormatSchema,
  })
  .superRefine((value, ctx) => {
    checkRange(value, ctx);
    if (value.cursor && value.cursor.position.sort !== value.sort) {
      ctx.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: `was issued for sort=${value.cursor.position.sort}; keep the other parameters as they were`,
      });
    }
  });
export type EventsQuery = z.output<typeof EventsQuerySchema>;

/** The parameters of a plain list: page size, the list's own cursor, and the answer's format. */
function pageQuery<P>(list: ListName, position: z.ZodType<P>) {
  return z.strictObject({
    limit: LimitSchema,
    cursor: cursorParam(list, position).optional(),
    format: FormatSchema,
  });
}
/** The paging part of any list query, as the query layer reads it. */
export interface PageQuery<P = number> {
  limit: number;
  cursor?: Cursor<P>;
}

export const ActorsQuerySchema = pageQuery('actors', OffsetPosition);
export const AgreementsQuerySchema = pageQuery('agreements', OffsetPosition);
export const SourcesQuerySchema = pageQuery('sources', OffsetPosition);
export const SourceCitationsQuerySchema = pageQuery('source-citations', OffsetPosition);
export const OnThisDayQuerySchema = pageQuery('on-this-day', OffsetPosition);
/** Districts are the places list filtered to one kind: the same seq keyset and the same cursors. */
export const DistrictsQuerySchema = pageQuery('places', SeqPosition);

export const PlacesQuerySchema = pageQuery('places', SeqPosition).extend({
  kind: z.enum(PLACE_KINDS).optional(),
  parent: slug.optional(),
  name: SearchTextSchema.optional().describe(
    'Any official, alternate or historical name; case- and diacritic-insensitive.',
  ),
});
export type PlacesQuery = z.output<typeof PlacesQuerySchema>;

/** README, OpenAPI and the GraphQL SDL give these same words for `as_of` (tests/rest/as-of.test.ts checks). */
export const AS_OF_DESCRIPTION =
  'Figures as of a day in this period: YYYY-MM-DD is that day, YYYY-MM its whole month, YYYY its whole year ' +
  '(1994-03 matches a figure as of 1994-03-31). A figure whose as-of day is not known (no as-of date, only the ' +
  "source's words for it) matches no period.";

export const StatisticsQuerySchema = pageQuery('statistics', SeqPosition).extend({
  subject: z
    .string()
    .max(100, { error: 'must be at most 100 characters', abort: true })
    .regex(/^[a-z0-9_]+$/, 'must be a snake_case subject')
    .optional(),
  as_of: PeriodSchema.optional().describe(AS_OF_DESCRIPTION),
  place: slug.optional(),
});
export type StatisticsQuery = z.output<typeof StatisticsQuerySchema>;

export const ObservancesQuerySchema = pageQuery('observances', SeqPosition);
export type ObservancesQuery = z.output<typeof ObservancesQuerySchema>;

export const ClaimsQuerySchema = pageQuery('claims', SeqPosition).extend({
  source: slug.optional(),
  event: slug.optional(),
});
export type ClaimsQuery = z.output<typeof ClaimsQuerySchema>;

export const TimelineQuerySchema = z
  .strictObject({
    from: partialDate('start').optional(),
    to: partialDate('end').optional(),
    limit: LimitSchema,
    cursor: cursorParam('timeline', OffsetPosition).optional(),
    format: FormatSchema,
  })
  .superRefine(checkRange);
export type TimelineQuery = z.output<typeof TimelineQuerySchema>;

export const SearchQuerySchema = z.strictObject({
  q: SearchTextSchema.describe('Words to find; each word matches as a prefix.').meta({ example: 'Lachin' }),
  limit: LimitSchema,
  cursor: cursorParam('search', OffsetPosition).optional(),
  format: FormatSchema,
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export const MonthDaySchema = z
  .string()
  .max(5, { error: 'must be MM-DD', abort: true })
  .regex(/^\d{2}-\d{2}$/, 'must be MM-DD')
  .refine((v) => !/^\d{2}-\d{2}$/.test(v) || isRealIsoDate(`2000-${v}`), 'is not a day of the year');

/** The query string of a route that takes no parameters: any parameter is a 400 naming it, as on the lists. */
export const NoQuerySchema = z.strictObject({});

export const SlugParamSchema = z.object({ slug });
export const IdParamSchema = z.object({ id: slug });
/** A citation's number: decimal digits only, as every integer of this API. */
export const CitationIdParamSchema = z.object({
  id: z
    .string()
    .max(9, { error: 'must be a citation number such as 108', abort: true })
    .regex(/^[1-9][0-9]{0,8}$/, 'must be a citation number such as 108')
    .transform(Number)
    .meta({ example: '108' }),
});
