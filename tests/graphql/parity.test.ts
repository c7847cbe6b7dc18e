// REST and GraphQL answer from one query layer: the same filters give the same records in the same order, the same
// fields (camelCased), interchangeable cursors, and the same words for the same bad input.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { DATE_SPAN, gql, gqlData, onlyError, toRestShape } from './helpers.js';

const app = await useTestApp();

interface RestList<T> {
  data: T[];
  page: { limit: number; next_cursor: string | null };
}

async function rest<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await app.inject({ method: 'GET', url, headers: { accept: 'application/json' } });
  return { status: response.statusCode, body: response.json() as T };
}

const EVENT_FIELDS = `id kind title summary concerns ${DATE_SPAN} parentId url places { role place { slug name kind url } }`;

/** A GraphQL Event in REST's list shape: places flattened back to { slug, name, kind, role }. */
function eventAsRest(node: { places: { role: string; place: Record<string, unknown> }[] }) {
  const { places, ...rest } = node;
  return { ...(toRestShape(rest) as object), places: places.map((p) => ({ ...p.place, role: p.role })) };
}

describe('events by date range (from 2020-09-27 to 2020-11-10)', () => {
  it('gives the same events, field for field, in the same order', async () => {
    const restList = await rest<RestList<Record<string, unknown>>>(
      '/v1/events?from=2020-09-27&to=2020-11-10&limit=100',
    );
    expect(restList.status).toBe(200);
    const { events } = await gqlData<{
      events: {
        nodes: { places: { role: string; place: Record<string, unknown> }[] }[];
        pageInfo: { hasNextPage: boolean };
        totalCount: number;
      };
    }>(
      app,
      `{ events(from: "2020-09-27", to: "2020-11-10", first: 100) {
          nodes { ${EVENT_FIELDS} } pageInfo { hasNextPage } totalCount } }`,
    );
    expect(restList.body.data.length).toBeGreaterThan(10);
    expect(events.nodes.map(eventAsRest)).toEqual(restList.body.data);
    expect(events.pageInfo.hasNextPage).toBe(restList.body.page.next_cursor !== null);
    expect(events.totalCount).toBe(restList.body.data.length);
  });

  it('pages alike, and each API continues from the cursor of the other', async () => {
    const query = `query ($after: String) {
      events(from: "2020-09-27", to: "2020-11-10", first: 4, after: $after) {
        nodes { id } pageInfo { hasNextPage endCursor }
      }
    }`;
    type Page = { events: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    let restCursor: string | null = null;
    let pages = 0;
    do {
      const suffix: string = restCursor ? `&cursor=${restCursor}` : '';
      const restPage = await rest<RestList<{ id: string }>>(
        `/v1/events?from=2020-09-27&to=2020-11-10&limit=4${suffix}`,
      );
      // GraphQL continues from REST's cursor …
      const gqlPage: Page = await gqlData<Page>(app, query, { after: restCursor });
      expect(gqlPage.events.nodes.map((e) => e.id)).toEqual(restPage.body.data.map((e) => e.id));
      // … and hands out the same cursor for the next page.
      expect(gqlPage.events.pageInfo.hasNextPage).toBe(restPage.body.page.next_cursor !== null);
      if (restPage.body.page.next_cursor)
        expect(gqlPage.events.pageInfo.endCursor).toBe(restPage.body.page.next_cursor);
      restCursor = gqlPage.events.pageInfo.hasNextPage ? gqlPage.events.pageInfo.endCursor : null;
      pages++;
    } while (restCursor);
    expect(pages).toBeGreaterThan(2);
  });
});

describe('a district (lachin)', () => {
  it('gives the same slug, name, names, location, occupation, return and events', async () => {
    const restDistrict = await rest<Record<string, unknown>>('/v1/districts/lachin');
    expect(restDistrict.status).toBe(200);
    const { district } = await gqlData<{
      district: { events: { role: string; event: Record<string, unknown> }[] } & Record<string, unknown>;
    }>(
      app,
      `{
        district(slug: "lachin") {
          slug name
          names { name language script kind usedBy appliesTo }
          location { lat lon }
          occupation { date dateText eventId }
          return { date mode agreementId eventId }
          events { role event { id kind title ${DATE_SPAN} url } }
        }
      }`,
    );
    const { events, ...fields } = district;
    const asRest = {
      ...(toRestShape(fields) as object),
      events: events.map((e) => ({ ...(toRestShape(e.event) as object), role: e.role })),
    };
    const keys = ['slug', 'name', 'names', 'location', 'occupation', 'return', 'events'];
    expect(asRest).toEqual(Object.fromEntries(keys.map((k) => [k, restDistrict.body[k]])));
    expect((restDistrict.body.events as unknown[]).length).toBeGreaterThan(3);
  });

  it('is not found in both, for an unknown slug', async () => {
    const restDistrict = await rest<{ detail: string }>('/v1/districts/atlantis');
    expect(restDistrict.status).toBe(404);
    const response = await gql(app, '{ district(slug: "atlantis") { slug } }');
    expect(onlyError(response).extensions?.code).toBe('NOT_FOUND');
    expect(restDistrict.body.detail.startsWith(onlyError(response).message)).toBe(true);
  });
});

describe('other lists', () => {
  it.each([
    ['/v1/places?kind=district&limit=100', '{ r: places(kind: district, first: 100) { nodes { id: slug } } }'],
    ['/v1/places?name=berdzor', '{ r: places(name: "berdzor") { nodes { id: slug } } }'],
    ['/v1/statistics?place=karabakh&limit=100', '{ r: statistics(place: "karabakh", first: 100) { nodes { id } } }'],
    [
      '/v1/claims?event=second-karabakh-war&limit=100',
      '{ r: claims(event: "second-karabakh-war", first: 100) { nodes { id } } }',
    ],
    [
      '/v1/timeline?from=2020-11&to=2020-12&limit=100',
      '{ r: timeline(from: "2020-11", to: "2020-12", first: 100) { nodes { id } } }',
    ],
    ['/v1/search?q=shusha&limit=100', '{ r: search(q: "shusha", first: 100) { nodes { id } } }'],
    [
      '/v1/events?kind=capture,handover&place=karabakh&limit=100',
      '{ r: events(kind: [capture, handover], place: "karabakh", first: 100) { nodes { id } } }',
    ],
  ])('%s', async (url, query) => {
    const restList = await rest<RestList<{ id?: string; slug?: string }>>(url);
    expect(restList.status).toBe(200);
    const { r } = await gqlData<{ r: { nodes: { id: string }[] } }>(app, query);
    expect(restList.body.data.length).toBeGreaterThan(0);
    expect(r.nodes.map((n) => n.id)).toEqual(restList.body.data.map((d) => d.id ?? d.slug));
  });
});

describe('the same bad input gets the same words', () => {
  const REST_TO_GRAPHQL: Record<string, string> = { limit: 'first', cursor: 'after', as_of: 'asOf' };

  it.each([
    ['/v1/events?from=2020-02-30', '{ events(from: "2020-02-30") { totalCount } }'],
    ['/v1/events?from=2020-11-10&to=2020-09-27', '{ events(from: "2020-11-10", to: "2020-09-27") { totalCount } }'],
    ['/v1/events?limit=0', '{ events(first: 0) { totalCount } }'],
    ['/v1/events?limit=1000', '{ events(first: 1000) { totalCount } }'],
    ['/v1/events?cursor=bm90LWEtY3Vyc29y', '{ events(after: "bm90LWEtY3Vyc29y") { totalCount } }'],
    ['/v1/events?from=2020-02-30&limit=0', '{ events(from: "2020-02-30", first: 0) { totalCount } }'],
    ['/v1/events?place=Not%20A%20Slug', '{ events(place: "Not A Slug") { totalCount } }'],
    ['/v1/statistics?as_of=2020-13', '{ statistics(asOf: "2020-13") { nodes { id } } }'],
    ['/v1/places?cursor=abc', '{ places(after: "abc") { nodes { slug } } }'],
  ])('%s', async (url, query) => {
    const problem = await rest<{ detail: string; errors: { name: string; message: string }[] }>(url);
    expect(problem.status).toBe(400);
    const error = onlyError(await gql(app, query));
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    const renamed = problem.body.errors.map((e) => ({ name: REST_TO_GRAPHQL[e.name] ?? e.name, message: e.message }));
    expect(error.extensions?.arguments).toEqual(renamed);
    expect(error.message).toBe(renamed.map((e) => `${e.name}: ${e.message}`).join('; '));
  });
});
