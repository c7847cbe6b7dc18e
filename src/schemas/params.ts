// Query parameters, defined once: REST validates its query strings with these, GraphQL its arguments.
import { z } from 'zod';
import { type Cursor, cursorParam, type ListName, OffsetPosition, SeqPosition } from './cursor.js';
import { daysInMonth, isRealIsoDate } from './dates.js';
import { EVENT_KINDS, PLACE_KINDS } from './enums.js';

const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date stands for its whole period. */
export function partialDate(bound: 'start' | 'end') {
  return z
    .string()
    .regex(PARTIAL_DATE, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
    .refine((v) => {
      // A value that is not even shaped like a date was reported by the regex already.
      if (v.length === 4 || !PARTIAL_DATE.test(v)) return true;
      if (v.length === 7) {
        const m = Number(v.slice(5, 7));
        return m >= 1 && m <= 12;
      }
      return isRealIsoDate(v);
    }, 'is not a real calendar date')
    .transform((v) => {
      if (v.length === 10) return v;
      if (v.length === 7) {
        if (bound === 'start') return `${v}-01`;
        const day = daysInMonth(Number(v.slice(0, 4)), Number(v.slice(5, 7)));
        return `${v}-${String(day).padStart(2, '0')}`;
      }
      return bound === 'start' ? `${v}-01-01` : `${v}-12-31`;
    })
    .meta({ example: '2020-09-27' });
}

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug such as lachin');

export const LimitSchema = z.coerce
  .number({ error: 'must be a whole number from 1 to 100' })
  .int('must be a whole number from 1 to 100')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20)
  .describe('Page size, 1–100.');

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

const KindListSchema = z
  .string()
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

function checkRange(value: { from?: string; to?: string }, ctx: z.RefinementCtx) {
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

export const StatisticsQuerySchema = pageQuery('statistics', SeqPosition).extend({
  subject: z
    .string()
    .regex(/^[a-z0-9_]+$/, 'must be a snake_case subject')
    .optional(),
  as_of: partialDate('start').optional().describe('Figures as of this day (or month, or year).'),
  place: slug.optional(),
});
export type StatisticsQuery = z.output<typeof StatisticsQuerySchema>;

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
  q: SearchTextSchema.describe('Words to find; each word matches as a prefix.'),
  limit: LimitSchema,
  cursor: cursorParam('search', OffsetPosition).optional(),
  format: FormatSchema,
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export const MonthDaySchema = z
  .string()
  .regex(/^\d{2}-\d{2}$/, 'must be MM-DD')
  .refine((v) => !/^\d{2}-\d{2}$/.test(v) || isRealIsoDate(`2000-${v}`), 'is not a day of the year');

export const SlugParamSchema = z.object({ slug });
export const IdParamSchema = z.object({ id: slug });
