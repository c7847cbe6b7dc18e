// Timeline and search: compact items across events, agreements and statistics, and one FTS5 search over every
// record (events, places, actors, agreements, statistics, claims) and every quote, each one statement prepared once.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Cursors } from '../schemas/cursor.js';
import type { SearchQuery, TimelineQuery } from '../schemas/params.js';
import { ftsQuery } from './events.js';
import { pageOfRows, recordUrl } from './mappers.js';
import { prepareRows } from './prepared.js';

interface TimelineRow {
  type: 'event' | 'agreement' | 'statistic';
  id: string;
  kind: string;
  title: string;
  start_date: string;
  end_date: string | null;
  precision: 'day' | 'month' | 'year' | 'decade' | 'approximate';
  date_text: string;
  edtf: string;
}

interface SearchRow {
  type: 'event' | 'place' | 'actor' | 'agreement' | 'statistic' | 'claim' | 'quote';
  id: string;
  title: string;
  snippet: string;
}

const p = sql.placeholder;

function toTimelineItems(rows: TimelineRow[]) {
  return rows.map((r) => ({
    type: r.type,
    id: r.id,
    kind: r.kind,
    title: r.title,
    date: {
      start_date: r.start_date,
      end_date: r.end_date,
      precision: r.precision,
      date_text: r.date_text,
      edtf: r.edtf,
    },
    url: recordUrl(r.type, r.id),
  }));
}
export type TimelineItem = ReturnType<typeof toTimelineItems>[number];

/** The filters of a timeline or search query, without paging: shared by the list and its count. */
export type TimelineFilters = Pick<TimelineQuery, 'from' | 'to'>;
export type SearchFilters = Pick<SearchQuery, 'q'>;

/** The timeline's items in a window, as one subquery: what its pages and its count read. */
const TIMELINE_ITEMS = sql`(
  SELECT 'event' AS type, id, kind, title, start_date, end_date, precision, date_text, edtf, seq AS tiebreak
    FROM events WHERE start_date <= ${p('to')} AND coalesce(end_date, '9999-12-31') >= ${p('from')} AND start_date >= ${p('earliest')}
  UNION ALL
  SELECT 'agreement', id, kind, short_title, signed_on, signed_on, 'day', signed_date_text, signed_on, 0
    FROM agreements WHERE signed_on BETWEEN ${p('from')} AND ${p('to')}
  UNION ALL
  SELECT 'statistic', id, subject, label, as_of, as_of, 'day', coalesce(as_of_text, as_of), as_of, seq
    FROM statistics WHERE as_of IS NOT NULL AND as_of BETWEEN ${p('from')} AND ${p('to')}
)`;

/** The FTS5 match of a search, shared by its pages and its count. */
const SEARCH_MATCH = sql`search_fts MATCH ${p('q')}`;

export function createTimelineQueries(db: Db, cursors: Cursors, earliestStartOverlapping: (from: string) => string) {
  const timelineRows = prepareRows(
    db
      .select({
        type: sql<TimelineRow['type']>`type`,
        id: sql<string>`id`,
        kind: sql<string>`kind`,
        title: sql<string>`title`,
        start_date: sql<string>`start_date`,
        end_date: sql<string | null>`end_date`,
        precision: sql<TimelineRow['precision']>`precision`,
        date_text: sql<string>`date_text`,
        edtf: sql<string>`edtf`,
      })
      .from(TIMELINE_ITEMS)
      .orderBy(sql`start_date, type = 'statistic', type = 'agreement', tiebreak, id`)
      .limit(p('limit'))
      .offset(p('offset')),
  );
  const searchRows = prepareRows(
    db
      .select({
        type: sql<SearchRow['type']>`s.type`,
        id: sql<string>`s.ref_id`,
        title: sql<string>`s.title`,
        snippet: sql<string>`snippet(search_fts, 3, '[', ']', '…', 16)`,
      })
      .from(sql`search_fts s`)
      .where(SEARCH_MATCH)
      // Records before the quotes that mention them: someone searching "Lachin" wants the district first.
      .orderBy(sql`s.type = 'quote', bm25(search_fts, 0, 0, 4, 1, 1), s.rowid`)
      .limit(p('limit'))
      .offset(p('offset')),
  );
  const timelineCount = prepareRows(db.select({ n: sql<number>`count(*)` }).from(TIMELINE_ITEMS));
  const searchCount = prepareRows(
    db
      .select({ n: sql<number>`count(*)` })
      .from(sql`search_fts`)
      .where(SEARCH_MATCH),
  );

  /** The window's placeholders: an open end reaches the first or last day an ISO date can name. */
  const windowParams = (f: TimelineFilters) => ({
    from: f.from ?? '0000-01-01',
    to: f.to ?? '9999-12-31',
    earliest: f.from ? earliestStartOverlapping(f.from) : '0000-01-01',
  });

  return {
    /** Offset-paged: the union of three tables has no single key to continue from. */
    timeline(query: TimelineQuery) {
      const offset = cursors.positionOf(query.cursor) ?? 0;
      const rows = timelineRows.all({ ...windowParams(query), limit: query.limit + 1, offset });
      return pageOfRows(rows, query.limit, toTimelineItems, () => cursors.encode('timeline', offset + query.limit));
    },

    /** The whole window in one list, in the pages' order: for exports that a tool reads as one file (TimelineJS). */
    timelineWindow(filters: TimelineFilters) {
      // SQLite reads a negative LIMIT as no limit: the same statement as the pages, unpaged.
      return toTimelineItems(timelineRows.all({ ...windowParams(filters), limit: -1, offset: 0 }));
    },

    search(query: SearchQuery) {
      const offset = cursors.positionOf(query.cursor) ?? 0;
      const rows = searchRows.all({ q: ftsQuery(query.q), limit: query.limit + 1, offset });
      const toItems = (kept: SearchRow[]) =>
        kept.map((r) => ({
          type: r.type,
          id: r.id,
          title: r.title,
          snippet: r.snippet,
          // A quote is found as the citation that holds it.
          url: recordUrl(r.type === 'quote' ? 'citation' : r.type, r.id),
        }));
      return pageOfRows(rows, query.limit, toItems, () => cursors.encode('search', offset + query.limit));
    },

    /** How many items the timeline holds in a window, across all pages. */
    countTimeline(filters: TimelineFilters): number {
      return timelineCount.get(windowParams(filters))?.n ?? 0;
    },

    /** How many hits a search has, across all pages. */
    countSearch(filters: SearchFilters): number {
      return searchCount.get({ q: ftsQuery(filters.q) })?.n ?? 0;
    },
  };
}
