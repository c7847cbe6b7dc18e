// /v1/events: date-range semantics on the real seed data, filters, keyset pagination, one event in full.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, type ListBody, walk } from '../helpers/json.js';

interface Event {
  id: string;
  kind: string;
  title: string;
  date: { start_date: string; end_date: string; precision: string; date_text: string; edtf: string };
  places: { slug: string; name: string; role: string }[];
}

const app = await useTestApp();

describe('GET /v1/events date ranges', () => {
  it('27 September – 10 November 2020 returns the war, its operations and the statement, and nothing begun before 2020', async () => {
    const { items } = await walk<Event>(app, '/v1/events?from=2020-09-27&to=2020-11-10&limit=100');
    const ids = items.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'second-karabakh-war',
        'fighting-breaks-out-2020-09-27',
        'trilateral-statement-signed',
        'ceasefire-takes-effect-2020-11-10',
        'shusha-taken-by-azerbaijani-forces-2020',
        'territory-taken-by-2020-11-09',
      ]),
    );
    for (const e of items) expect(e.date.start_date >= '2020-01-01', e.id).toBe(true);
    expect(ids).not.toContain('minsk-group-established');
    expect(ids).not.toContain('lachin-handed-over-2020'); // 1 December: after the window
  });

  it('overlaps (default) includes spans that reach into the window; within keeps only those inside it', async () => {
    const overlaps = (await walk<Event>(app, '/v1/events?from=2020-11-01&to=2020-11-05&limit=100')).items.map(
      (e) => e.id,
    );
    const within = (
      await walk<Event>(app, '/v1/events?from=2020-11-01&to=2020-11-05&match=within&limit=100')
    ).items.map((e) => e.id);
    expect(overlaps).toContain('second-karabakh-war');
    expect(within).not.toContain('second-karabakh-war');
    for (const id of within) expect(overlaps).toContain(id);
  });

  it('reads a partial date as its whole period', async () => {
    const month = (await walk<Event>(app, '/v1/events?from=2020-11&to=2020-11&match=within&limit=100')).items;
    expect(month.length).toBeGreaterThan(0);
    for (const e of month) {
      expect(e.date.start_date >= '2020-11-01').toBe(true);
      expect(e.date.end_date <= '2020-11-30').toBe(true);
    }
    expect(month.map((e) => e.id)).toContain('kalbajar-handed-over-2020');
    const year = (await walk<Event>(app, '/v1/events?from=1992&to=1992&match=within&limit=100')).items.map((e) => e.id);
    expect(year).toEqual(
      expect.arrayContaining(['minsk-group-established', 'lachin-comes-under-armenian-control-1992']),
    );
  });

  it('sorts by start date, and in reverse with sort=-date', async () => {
    const asc = (await walk<Event>(app, '/v1/events?limit=100')).items;
    const desc = (await walk<Event>(app, '/v1/events?sort=-date&limit=100')).items;
    const starts = asc.map((e) => e.date.start_date);
    expect(starts).toEqual([...starts].sort());
    expect(desc.map((e) => e.id)).toEqual(asc.map((e) => e.id).reverse());
  });
});

describe('GET /v1/events filters', () => {
  it('filters by several kinds', async () => {
    const { items } = await walk<Event>(app, '/v1/events?kind=handover,capture&limit=100');
    expect(items.length).toBeGreaterThanOrEqual(8);
    for (const e of items) expect(['handover', 'capture']).toContain(e.kind);
  });

  it('filters by place, including the places inside it', async () => {
    const lachin = (await walk<Event>(app, '/v1/events?place=lachin&limit=100')).items.map((e) => e.id);
    expect(lachin).toEqual(
      expect.arrayContaining(['lachin-comes-under-armenian-control-1992', 'lachin-handed-over-2020']),
    );
    const karabakh = (await walk<Event>(app, '/v1/events?place=karabakh&limit=100')).items.map((e) => e.id);
    // Shusha lies inside Karabakh: its events are Karabakh's too.
    expect(karabakh).toContain('shusha-taken-by-azerbaijani-forces-2020');
  });

  it('filters by actor and by words', async () => {
    const putin = (await walk<Event>(app, '/v1/events?actor=vladimir-putin&limit=100')).items.map((e) => e.id);
    expect(putin).toContain('trilateral-statement-signed');
    const words = (await walk<Event>(app, '/v1/events?q=Shusha&limit=100')).items.map((e) => e.id);
    expect(words).toContain('shusha-taken-by-azerbaijani-forces-2020');
    const folded = (await walk<Event>(app, '/v1/events?q=susa&limit=100')).items.map((e) => e.id);
    expect(folded).toEqual(words.filter((id) => folded.includes(id)));
  });

  it('answers an empty page, not an error, when nothing matches', async () => {
    const { status, body } = await getJson<ListBody<Event>>(app, '/v1/events?from=1800&to=1801');
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], page: { limit: 20, next_cursor: null } });
  });
});

describe('GET /v1/events pagination', () => {
  it('walks every matching event exactly once, in the same order as one big page', async () => {
    const whole = (await getJson<ListBody<Event>>(app, '/v1/events?limit=100')).body.data.map((e) => e.id);
    expect(whole.length).toBeGreaterThan(14);
    const walked = await walk<Event>(app, '/v1/events?limit=3');
    expect(walked.items.map((e) => e.id)).toEqual(whole);
    expect(walked.pages).toBe(Math.ceil(whole.length / 3));
    expect(new Set(walked.items.map((e) => e.id)).size).toBe(whole.length);
  });

  it('walks a filtered, reversed window too', async () => {
    const url = '/v1/events?from=2020&to=2020&sort=-date';
    const whole = (await getJson<ListBody<Event>>(app, `${url}&limit=100`)).body.data.map((e) => e.id);
    const walked = (await walk<Event>(app, `${url}&limit=2`)).items.map((e) => e.id);
    expect(walked).toEqual(whole);
  });

  it('sends an RFC 8288 Link header to the next page', async () => {
    const { response, body } = await getJson<ListBody<Event>>(app, '/v1/events?limit=2&kind=capture');
    expect(body.page.next_cursor).toBeTruthy();
    expect(response.headers.link).toBe(`</v1/events?limit=2&kind=capture&cursor=${body.page.next_cursor}>; rel="next"`);
    const last = await getJson<ListBody<Event>>(app, '/v1/events?limit=100');
    expect(last.response.headers.link).toBeUndefined();
  });

  it('refuses a cursor made for the other sort order', async () => {
    const { body } = await getJson<ListBody<Event>>(app, '/v1/events?limit=2');
    const { status } = await getJson(app, `/v1/events?limit=2&sort=-date&cursor=${body.page.next_cursor}`);
    expect(status).toBe(400);
  });
});

describe('GET /v1/events/{id}', () => {
  it('returns the event with its date block, places, actors, children, statistics, claims and citations', async () => {
    const { status, body } = await getJson<Record<string, unknown> & Event>(app, '/v1/events/second-karabakh-war');
    expect(status).toBe(200);
    expect(body.date).toEqual({
      start_date: '2020-09-27',
      end_date: '2020-11-09',
      precision: 'day',
      date_text: expect.any(String),
      edtf: '2020-09-27/2020-11-09',
    });
    const children = body.children as { id: string }[];
    expect(children.map((c) => c.id)).toContain('shusha-taken-by-azerbaijani-forces-2020');
    const citations = body.citations as { source_id: string; quote: string | null }[];
    expect(citations.some((c) => c.source_id === 'article-2025-09-27' && c.quote)).toBe(true);
  });

  it('keeps the allegation about 27 September as a claim with who makes it, and the event neutral', async () => {
    const { body } = await getJson<Record<string, unknown>>(app, '/v1/events/fighting-breaks-out-2020-09-27');
    const claims = body.claims as { claimant: string; statement: string; citations: { quote: string | null }[] }[];
    expect(claims.length).toBeGreaterThanOrEqual(2);
    expect(new Set(claims.map((c) => c.claimant)).size).toBeGreaterThanOrEqual(2);
    const article = claims.find((c) => c.citations.some((q) => q.quote?.includes('grossly violated the ceasefire')));
    expect(article?.claimant).toBe('the article');
    expect(`${body.title} ${body.summary}`).not.toMatch(/grossly|provocation|aggression|liberat/i);
  });

  it('links a parent and its children both ways', async () => {
    const child = (
      await getJson<{ parent: { id: string } | null }>(app, '/v1/events/lachin-comes-under-armenian-control-1992')
    ).body;
    expect(child.parent?.id).toBe('occupation-of-karabakh-and-seven-districts');
  });

  it('answers 404 as a problem document for an unknown id', async () => {
    const { response, body } = await getJson<{ status: number; detail: string }>(app, '/v1/events/no-such-event');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body.detail).toContain('no-such-event');
  });
});
