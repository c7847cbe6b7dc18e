// The iCalendar (RFC 5545) text of the calendar export, written by ical-generator (CRLF lines, TEXT escaping, folding
// at 75 octets without splitting a UTF-8 sequence): one all-day VEVENT a year per event known to the day.
import ical, { ICalEventRepeatingFreq } from 'ical-generator';
import type { CalendarEvent } from '../queries/calendar.js';
import { citedSources, firstQuote } from '../queries/format-citations.js';
import { attribution, DATASET_TITLE } from '../queries/licence.js';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/**
 * The right-hand side of every UID: the dataset's name, not the host it is served from, so that an event keeps its
 * UID on every build and behind every deployment, and a subscribed calendar updates it rather than adding a copy.
 */
export const UID_DOMAIN = DATASET_TITLE.toLowerCase().replaceAll(' ', '-');

function description(event: CalendarEvent, origin: string): string {
  const lines = [event.summary, `When: ${event.date_text} (${event.start_date}${spanEnd(event)}).`];
  const quoted = firstQuote(event.citations);
  if (quoted) lines.push(`“${quoted.quote}” (${origin}${quoted.citationUrl})`);
  for (const source of citedSources(event.citations, origin)) lines.push(`Source: ${source.title}, ${source.url}`);
  return lines.join('\n');
}

function spanEnd(event: CalendarEvent): string {
  if (event.end_date === null) return ', ongoing';
  return event.end_date === event.start_date ? '' : ` to ${event.end_date}`;
}

export function toIcs(
  events: readonly CalendarEvent[],
  options: { origin: string; stamp: string; version: string },
): string {
  const calendar = ical({
    name: DATASET_TITLE,
    description: `Anniversaries of the events known to the day. ${attribution(options.version)}`,
    prodId: { company: UID_DOMAIN, product: 'calendar', language: 'EN' },
  });
  const stamp = new Date(options.stamp);
  for (const event of events) {
    calendar.createEvent({
      id: `${event.id}@${UID_DOMAIN}`,
      stamp,
      // A multi-day event recurs on its first day only (README, "iCalendar"): an anniversary, not a yearly block
      // of weeks; DESCRIPTION gives the span.
      start: event.start_date,
      allDay: true,
      repeating: { freq: ICalEventRepeatingFreq.YEARLY },
      summary: event.title,
      description: description(event, options.origin),
      url: `${options.origin}${event.url}`,
      categories: [{ name: event.kind.replaceAll('_', ' ') }],
    });
  }
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  return `${calendar.toString()}\r\n`;
}
