// GET /v1/timeline.timelinejs.json: the same window as /v1/timeline, as one TimelineJS3 document, dated no more
// exactly than the data knows. Rendering it with the real TimelineJS is tests/formats/timelinejs-browser.test.ts.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';

const app = await useTestApp();

interface TimelineItem {
  type: 'event' | 'agreement' | 'statistic';
  id: string;
  kind: string;
  title: string;
  date: { start_date: string; end_date: string | null; precision: string; date_text: string };
}
interface TlDate {
  year: number;
  month?: number;
  day?: number;
}
interface Slide {
  unique_id: string;
  start_date: TlDate;
  end_date?: TlDate;
  display_date?: string;
  text: { headline: string; text: string };
  group: string;
}
interface Document {
  title: { text: { headline: string; text: string } };
  events: Slide[];
}

const WINDOWS = ['', 'from=2020-09&to=2020-11', 'from=1994', 'to=1993-12-31', 'from=2023-09-19&to=2023-09-19'];

/** The events and agreements of /v1/timeline in a window, walking every page. */
async function timelineRecords(query: string) {
  const { items } = await walk<TimelineItem>(app, `/v1/timeline?limit=100${query ? `&${query}` : ''}`);
  return items.filter((i) => i.type !== 'statistic');
}

async function exportOf(query: string) {
  const { status, body, response } = await getJson<Document>(app, `/v1/timeline.timelinejs.json?${query}`);
  expect(status, query).toBe(200);
  return { body, response };
}

/** A day cut to what is known: all three parts for a day, year and month for a month, the year otherwise. */
function knownParts(isoDay: string, precision: string): TlDate {
  const [year, month, day] = isoDay.split('-').map(Number) as [number, number, number];
  if (precision === 'day') return { year, month, day };
  if (precision === 'month') return { year, month };
  return { year };
}

describe('GET /v1/timeline.timelinejs.json', () => {
  it('has one slide per event and agreement of /v1/timeline in the same window, in its order', async () => {
    for (const query of WINDOWS) {
      const records = await timelineRecords(query);
      const { body } = await exportOf(query);
      expect(
        body.events.map((s) => s.unique_id),
        query,
      ).toEqual(records.map((r) => r.id));
      expect(body.events.map((s) => s.text.headline.length > 0)).not.toContain(false);
      // The whole window is one document: the full timeline is longer than a page of /v1/timeline.
      if (query === '') expect(body.events.length).toBeGreaterThan(20);
    }
  });

  it('gives dates only to the precision known, with the source’s words for an approximate one', async () => {
    const records = await timelineRecords('');
    const slides = new Map((await exportOf('')).body.events.map((s) => [s.unique_id, s]));
    const seen = new Set<string>();
    for (const record of records) {
      const slide = slides.get(record.id)!;
      const { start_date, end_date, precision, date_text } = record.date;
      seen.add(precision);
      expect(slide.start_date, record.id).toEqual(knownParts(start_date, precision));
      if (precision !== 'day') expect(slide.start_date.day, record.id).toBeUndefined();
      if (precision !== 'day' && precision !== 'month') expect(slide.start_date.month, record.id).toBeUndefined();
      if (end_date === null) {
        // Open-ended: no end, and a date that says it goes on.
        expect(slide.end_date, record.id).toBeUndefined();
        expect(slide.display_date, record.id).toMatch(/ongoing$/);
      } else {
        const end = knownParts(end_date, precision);
        if (JSON.stringify(end) === JSON.stringify(slide.start_date)) expect(slide.end_date).toBeUndefined();
        else expect(slide.end_date, record.id).toEqual(end);
      }
      if (precision === 'approximate' || precision === 'decade') {
        expect(slide.display_date, record.id).toContain(date_text);
      }
    }
    // The data has every case this test reads: a test that met none would prove nothing.
    expect([...seen].sort()).toEqual(expect.arrayContaining(['approximate', 'day', 'month']));
    expect(records.some((r) => r.date.end_date === null)).toBe(true);
    const early = slides.get('occupation-of-karabakh-and-seven-districts')!;
    expect(early.display_date).toBe('early 1990s');
    expect(slides.get('reconstruction-of-returned-territories')!.display_date).toBe('From 10 November 2020, ongoing');
  });

  it('groups slides by kind and gives each the source’s quote and links to its sources', async () => {
    const records = await timelineRecords('from=2020-09&to=2020-11');
    const { body } = await exportOf('from=2020-09&to=2020-11');
    expect(body.events.map((s) => s.group)).toEqual(records.map((r) => r.kind.replaceAll('_', ' ')));
    const war = body.events.find((s) => s.unique_id === 'second-karabakh-war')!;
    const { body: event } = await getJson<{ citations: { quote: string | null; source_id: string }[] }>(
      app,
      '/v1/events/second-karabakh-war',
    );
    const quote = event.citations.find((c) => c.quote !== null)!.quote!;
    // TimelineJS's text is HTML: a quote with quotation marks or ampersands must arrive as text, not markup.
    expect(war.text.text).toContain(quote.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll("'", '&#39;'));
    expect(war.text.text).toContain('/v1/sources/article-2025-09-27');
    expect(war.text.text).toContain('<a href="http://127.0.0.1:3000/v1/events/second-karabakh-war">');
    expect(body.title.text.headline.length).toBeGreaterThan(0);
    expect(body.title.text.text).toContain('CC BY 4.0');
  });

  it('answers bad from/to with the same 400 problems as /v1/timeline', async () => {
    for (const query of [
      'from=2020-13',
      'to=2020-02-30',
      'from=2021&to=2020',
      'from=yesterday',
      'limit=5',
      'cursor=x',
    ]) {
      const ours = await app.inject(`/v1/timeline.timelinejs.json?${query}`);
      expect(ours.statusCode, query).toBe(400);
      expect(ours.headers['content-type']).toMatch(/^application\/problem\+json/);
      const { errors } = ours.json() as { errors: { in: string; name: string }[] };
      expect(errors.length, query).toBeGreaterThan(0);
      if (!/limit|cursor/.test(query)) {
        const theirs = await app.inject(`/v1/timeline?${query}`);
        expect((ours.json() as { errors: unknown }).errors, query).toEqual(
          (theirs.json() as { errors: unknown }).errors,
        );
      }
    }
  });

  it('has an ETag and answers 304 to it', async () => {
    const { response } = await exportOf('from=2020');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await app.inject({
      url: '/v1/timeline.timelinejs.json?from=2020',
      headers: { 'if-none-match': etag },
    });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });
});
