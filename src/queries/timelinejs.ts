// The timeline's window as one TimelineJS3 document: a slide per event and agreement, dated only as exactly as the
// sources allow (README, "TimelineJS"). Statistics stay out: they are figures, not things that happened.
import escapeHtml from 'escape-html';
import type { Precision } from '../schemas/enums.js';
import type { TimelineJsDate, TimelineJsDocument, TimelineJsSlide } from '../schemas/timelinejs.js';
import type { Citation } from './citations.js';
import { citedSources, firstQuote } from './format-citations.js';
import { attribution, DATASET_TITLE } from './licence.js';
import type { TimelineFilters, TimelineItem } from './timeline.js';

interface TimelineJsSources {
  timelineWindow(filters: TimelineFilters): TimelineItem[];
  eventsByIds(ids: readonly string[]): ({ summary: string } | null)[];
  agreementsByIds(ids: readonly string[]): ({ title: string; status: string } | null)[];
  citationsOf(type: 'event' | 'agreement', ids: readonly string[]): Citation[][];
  version: string;
}

/** English dates, as the data's own date words are English: `10 November 2020`, `November 2020`. */
const DAY_IN_WORDS = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const MONTH_IN_WORDS = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A day as TimelineJS's date object, cut to the precision known: a year-only fact gives only its year. */
export function timelineJsDate(isoDay: string, precision: Precision): TimelineJsDate {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  if (precision === 'day') return { year, month, day };
  if (precision === 'month') return { year, month };
  // Year, decade and approximate: the year is all that can be said without inventing a month.
  return { year };
}

const sameDate = (a: TimelineJsDate, b: TimelineJsDate) => a.year === b.year && a.month === b.month && a.day === b.day;

/** A start in words, to its precision, for the display date of an ongoing process. */
function startInWords(date: TimelineJsDate): string {
  if (!date.month) return String(date.year);
  const day = new Date(0);
  day.setUTCFullYear(date.year, date.month - 1, date.day ?? 1);
  return (date.day ? DAY_IN_WORDS : MONTH_IN_WORDS).format(day);
}

function dates(item: TimelineItem): Pick<TimelineJsSlide, 'start_date' | 'end_date' | 'display_date'> {
  const { start_date, end_date, precision, date_text } = item.date;
  const start = timelineJsDate(start_date, precision);
  // Where TimelineJS would print a year the source never gave as such ("1990" for "early 1990s"), its words instead.
  const inWords = precision === 'approximate' || precision === 'decade';
  if (end_date === null) {
    // An ongoing process: TimelineJS draws it at its start, and the date says it has not ended.
    return { start_date: start, display_date: `${inWords ? date_text : `From ${startInWords(start)}`}, ongoing` };
  }
  const end = timelineJsDate(end_date, precision);
  return {
    start_date: start,
    ...(sameDate(start, end) ? {} : { end_date: end }),
    ...(inWords ? { display_date: date_text } : {}),
  };
}

const link = (url: string, label: string) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;

/** The slide's HTML: what the record says, the source's own words where it has them, and where it all comes from. */
function slideText(intro: string, citations: readonly Citation[], recordPath: string, origin: string): string {
  const parts = [`<p>${escapeHtml(intro)}</p>`];
  const quoted = firstQuote(citations);
  if (quoted) {
    parts.push(
      `<blockquote>“${escapeHtml(quoted.quote)}” (${link(`${origin}${quoted.citationUrl}`, 'in context')})</blockquote>`,
    );
  }
  const sources = citedSources(citations, origin);
  if (sources.length > 0) {
    parts.push(
      `<p>${sources.length === 1 ? 'Source' : 'Sources'}: ${sources.map((s) => link(s.url, s.title)).join('; ')}</p>`,
    );
  }
  parts.push(`<p>${link(`${origin}${recordPath}`, 'The record, with all its citations')}</p>`);
  return parts.join('');
}

function windowInWords(filters: TimelineFilters): string {
  if (filters.from && filters.to) return ` from ${filters.from} to ${filters.to}`;
  if (filters.from) return ` from ${filters.from} on`;
  if (filters.to) return ` up to ${filters.to}`;
  return '';
}

export function createTimelineJsExport(data: TimelineJsSources) {
  return {
    /** The whole window (no pages): TimelineJS reads one file. `origin` makes the links absolute for embedding. */
    timelineJs(filters: TimelineFilters, origin: string): TimelineJsDocument {
      const items = data.timelineWindow(filters).filter((i) => i.type === 'event' || i.type === 'agreement');
      const ids = (type: string) => items.filter((i) => i.type === type).map((i) => i.id);
      const [eventIds, agreementIds] = [ids('event'), ids('agreement')];
      const eventRows = data.eventsByIds(eventIds);
      const agreementRows = data.agreementsByIds(agreementIds);
      const events = new Map(eventIds.map((id, n) => [id, eventRows[n]]));
      const agreements = new Map(agreementIds.map((id, n) => [id, agreementRows[n]]));
      const eventCitations = data.citationsOf('event', eventIds);
      const agreementCitations = data.citationsOf('agreement', agreementIds);
      const citations = new Map<string, Citation[]>([
        ...eventIds.map((id, n) => [`event ${id}`, eventCitations[n] ?? []] as const),
        ...agreementIds.map((id, n) => [`agreement ${id}`, agreementCitations[n] ?? []] as const),
      ]);
      const slides = items.map((item): TimelineJsSlide => {
        const agreement = item.type === 'agreement' ? agreements.get(item.id) : null;
        const intro = agreement
          ? `${agreement.title}. Status: ${agreement.status}.`
          : (events.get(item.id)?.summary ?? '');
        return {
          unique_id: item.id,
          ...dates(item),
          text: {
            headline: escapeHtml(item.title),
            text: slideText(intro, citations.get(`${item.type} ${item.id}`) ?? [], item.url, origin),
          },
          group: item.kind.replaceAll('_', ' '),
        };
      });
      return {
        title: {
          text: {
            headline: escapeHtml(DATASET_TITLE),
            text:
              `<p>${slides.length} events and agreements${escapeHtml(windowInWords(filters))}, each dated only as ` +
              `exactly as its sources allow, with their words and links.</p><p>${escapeHtml(attribution(data.version))}</p>`,
          },
        },
        events: slides,
      };
    },
  };
}
