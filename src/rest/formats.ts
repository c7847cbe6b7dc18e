// /v1/timeline.timelinejs.json and /v1/calendar.ics: the data in the formats timeline and calendar apps read.
// Both are whole documents (no pages) and strings to the response cache, which gives them ETags and 304s.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CalendarQuerySchema } from '../schemas/calendar.js';
import { TimelineJsDocumentSchema, TimelineJsQuerySchema } from '../schemas/timelinejs.js';
import { CALENDAR_CONTENT_TYPE, toIcs, UID_DOMAIN } from './calendar-ics.js';
import { itemResponses } from './responses.js';

export interface FormatsOptions {
  /** The origin the exports' absolute links point at (PUBLIC_URL). */
  publicUrl: string;
}

const formats: FastifyPluginAsyncZod<FormatsOptions> = async (app, { publicUrl }) => {
  app.get(
    '/timeline.timelinejs.json',
    {
      schema: {
        tags: ['discovery'],
        summary: 'The timeline window as one TimelineJS3 document: a slide per event and agreement',
        description:
          'Takes the same `from`/`to` as /v1/timeline and returns the whole window, unpaged, since TimelineJS reads ' +
          'one file. Each slide is dated only as exactly as known (a month-precision event has no day; an ' +
          "approximate one shows the source's words as `display_date`; an ongoing one has no end and says so), " +
          "with the source's quote and links to its sources, and grouped by kind. Statistics are not slides.",
        querystring: TimelineJsQuerySchema,
        response: itemResponses(TimelineJsDocumentSchema, 'A TimelineJS3 JSON document.'),
      },
    },
    async (request) => app.data.current().timelineJs(request.query, publicUrl),
  );

  app.get(
    '/calendar.ics',
    {
      schema: {
        tags: ['events'],
        summary: 'An iCalendar feed: one all-day yearly VEVENT per event known to the day',
        description:
          'RFC 5545, to subscribe to in a calendar app. Events known only to the month, year or decade are left ' +
          `out; a multi-day event recurs on its first day. UIDs are \`<event id>@${UID_DOMAIN}\`, the same on ` +
          "every build; DTSTAMP is the newest source's publication day (00:00 UTC), so the ETag changes only with " +
          'the data. `kind` filters as on /v1/events.',
        querystring: CalendarQuerySchema,
        response: {
          200: {
            description: 'The calendar, CRLF lines folded at 75 octets.',
            content: { 'text/calendar': { schema: z.string().describe('An iCalendar (RFC 5545) VCALENDAR.') } },
          },
        },
      },
    },
    async (request, reply) => {
      const data = app.data.current();
      const ics = toIcs(data.calendarEvents(request.query), {
        origin: publicUrl,
        stamp: data.calendarStamp,
        version: data.dataset.version,
      });
      return reply
        .type(CALENDAR_CONTENT_TYPE)
        .serializer((body: string) => body)
        .send(ics);
    },
  );
};

export default formats;
