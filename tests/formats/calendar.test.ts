// GET /v1/calendar.ics: RFC 5545 as Mozilla's ical.js reads it, CRLF and 75-octet folding checked on the raw bytes,
// and exactly the events /v1/events knows to the day, each as an all-day yearly VEVENT.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDatabase } from '../../seed/seed.js';
import { createTestApp, useTestApp } from '../helpers/app.js';
import { walk } from '../helpers/json.js';

const app = await useTestApp();

interface ApiEvent {
  id: string;
  kind: string;
  title: string;
  url: string;
  date: { start_date: string; precision: string };
}

async function calendar(query = '') {
  const response = await app.inject(`/v1/calendar.ics${query ? `?${query}` : ''}`);
  expect(response.statusCode, query).toBe(200);
  return response;
}

function vevents(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  expect(root.name).toBe('vcalendar');
  return { root, events: root.getAllSubcomponents('vevent') };
}

/** The physical lines of the raw body, as bytes, split at CRLF; the body must end with one. */
function rawLines(body: Buffer): Buffer[] {
  const lines: Buffer[] = [];
  let start = 0;
  for (let i = body.indexOf('\r\n'); i !== -1; i = body.indexOf('\r\n', start)) {
    lines.push(body.subarray(start, i));
    start = i + 2;
  }
  expect(start, 'the body ends with CRLF').toBe(body.length);
  return lines;
}

async function dayKnownEvents(query = '') {
  const { items } = await walk<ApiEvent>(app, `/v1/events?limit=100${query ? `&${query}` : ''}`);
  return items.filter((e) => e.date.precision === 'day');
}

const uidOf = (id: string) => `${id}@karabakh-history-api`;

describe('GET /v1/calendar.ics', () => {
  it('is text/calendar with CRLF lines of at most 75 octets, folded between whole UTF-8 characters', async () => {
    const response = await calendar();
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = response.rawPayload;
    const lines = rawLines(body);
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    for (const line of lines) {
      expect(line.length, line.toString()).toBeLessThanOrEqual(75);
      expect(line.includes('\n') || line.includes('\r'), 'a bare CR or LF').toBe(false);
      // A fold inside a multi-octet character would leave half of it on each line.
      expect(() => utf8.decode(line), line.toString()).not.toThrow();
    }
    // The data has long lines and non-ASCII text, so folding and its UTF-8 care are exercised, not assumed.
    expect(lines.some((l) => l[0] === 0x20)).toBe(true);
    expect(lines.some((l) => l.some((byte) => byte > 0x7f))).toBe(true);
    expect(lines[0]!.toString()).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)!.toString()).toBe('END:VCALENDAR');
  });

  it('holds one all-day yearly VEVENT per event known to the day, and no other', async () => {
    const response = await calendar();
    const { root, events } = vevents(response.body);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(root.getFirstPropertyValue('prodid')).toBeTruthy();
    const expected = await dayKnownEvents();
    expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual(expected.map((e) => uidOf(e.id)));
    const byUid = new Map(expected.map((e) => [uidOf(e.id), e]));
    for (const vevent of events) {
      const event = new ICAL.Event(vevent);
      const api = byUid.get(event.uid)!;
      expect(event.startDate.isDate, api.id).toBe(true);
      expect(event.startDate.toString()).toBe(api.date.start_date);
      // No DTEND: the anniversary is its one first day (RFC 5545: a DATE start without an end lasts a day).
      expect(vevent.hasProperty('dtend'), api.id).toBe(false);
      expect(event.duration.toSeconds()).toBe(86400);
      const rrule = vevent.getFirstPropertyValue('rrule') as ICAL.Recur;
      expect(rrule.freq).toBe('YEARLY');
      const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
      expect(stamp.isDate).toBe(false);
      expect(stamp.zone?.tzid).toBe('UTC');
      expect(event.summary).toBe(api.title);
      expect(vevent.getFirstPropertyValue('url')).toBe(`http://127.0.0.1:3000${api.url}`);
      expect(event.description, api.id).toMatch(/^Source: .+$/m);
      // The next year's instance falls on the same day.
      const iterator = event.iterator();
      iterator.next();
      expect(iterator.next()?.toString()).toBe(
        `${Number(api.date.start_date.slice(0, 4)) + 1}${api.date.start_date.slice(4)}`,
      );
    }
    // Every field of the calendar parses, including the article's words in DESCRIPTION.
    expect(events.some((e) => /“.+”/.test(String(e.getFirstPropertyValue('description'))))).toBe(true);
  });

  it('leaves out every event known only to the month, year or decade, or approximately', async () => {
    const { items } = await walk<ApiEvent>(app, '/v1/events?limit=100');
    const inexact = items.filter((e) => e.date.precision !== 'day');
    expect(inexact.length).toBeGreaterThan(0);
    expect(inexact.map((e) => e.date.precision)).toContain('month');
    const uids = new Set(vevents((await calendar()).body).events.map((e) => e.getFirstPropertyValue('uid')));
    for (const e of inexact) expect(uids.has(uidOf(e.id)), e.id).toBe(false);
  });

  it('filters by kind exactly as /v1/events does', async () => {
    for (const kind of ['capture', 'capture,handover', 'ceasefire,war,census', 'founding']) {
      const expected = await dayKnownEvents(`kind=${kind}`);
      const { events } = vevents((await calendar(`kind=${kind}`)).body);
      expect(
        events.map((e) => e.getFirstPropertyValue('uid')),
        kind,
      ).toEqual(expected.map((e) => uidOf(e.id)));
      for (const e of events)
        expect(kind.split(',')).toContain(String(e.getFirstPropertyValue('categories')).replaceAll(' ', '_'));
    }
    expect((await dayKnownEvents('kind=capture')).length).toBeGreaterThan(1);
  });

  it('answers an unknown kind or parameter with the same 400 problem as /v1/events', async () => {
    for (const query of ['kind=nope', 'kind=capture,nope', 'kind=', 'from=2020', 'format=json']) {
      const ours = await app.inject(`/v1/calendar.ics?${query}`);
      expect(ours.statusCode, query).toBe(400);
      expect(ours.headers['content-type']).toMatch(/^application\/problem\+json/);
      const { errors } = ours.json() as { errors: { name: string }[] };
      expect(errors.length).toBeGreaterThan(0);
      if (query.startsWith('kind')) {
        const theirs = await app.inject(`/v1/events?${query}`);
        expect(errors, query).toEqual((theirs.json() as { errors: unknown }).errors);
      }
    }
  });

  it('has an ETag and answers 304 to it', async () => {
    const response = await calendar('kind=capture');
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    const again = await app.inject({ url: '/v1/calendar.ics?kind=capture', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('links each event on PUBLIC_URL, not on the Host a request names', async () => {
    const elsewhere = await createTestApp({ PUBLIC_URL: 'https://api.example.org' });
    try {
      const response = await elsewhere.inject({ url: '/v1/calendar.ics?kind=war', headers: { host: 'evil.example' } });
      const urls = vevents(response.body).events.map((e) => String(e.getFirstPropertyValue('url')));
      expect(urls.length).toBeGreaterThan(0);
      for (const url of urls) expect(url).toMatch(/^https:\/\/api\.example\.org\/v1\/events\//);
      expect(response.body).not.toContain('evil.example');
    } finally {
      await elsewhere.close();
    }
  });

  describe('on another build of the same data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'calendar-rebuild-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('is byte for byte the same, so UIDs, DTSTAMP and the ETag do not follow the clock', async () => {
      const databasePath = join(dir, 'history.sqlite');
      seedDatabase({ databasePath, builtAt: '2031-01-01T00:00:00.000Z' });
      const rebuilt = await createTestApp({ DATABASE_PATH: databasePath });
      try {
        const [first, second] = [await calendar(), await rebuilt.inject('/v1/calendar.ics')];
        expect(second.body).toBe(first.body);
        expect(second.headers.etag).toBe(first.headers.etag);
        const built = (await rebuilt.inject('/v1/meta')).json() as { built_at: string };
        expect(built.built_at).toBe('2031-01-01T00:00:00.000Z');
      } finally {
        await rebuilt.close();
      }
    });
  });
});
