// Observances: days kept every year, a record type apart from events. The dated orders that established them stay
// events; the article's sentence on remembrance is a citation of Remembrance Day, not an event.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';

interface Observance {
  id: string;
  name: string;
  day: string;
  established_by: { id: string; kind: string; date: { start_date: string } } | null;
  citations: { source_id: string; quote: string | null }[];
}

const app = await useTestApp();

describe('GET /v1/observances', () => {
  it('lists each observance with its day and the event that established it', async () => {
    const { items } = await walk<Observance>(app, '/v1/observances?limit=1');
    expect(items.map((o) => [o.id, o.day])).toEqual([
      ['remembrance-day', '09-27'],
      ['victory-day', '11-08'],
    ]);
    for (const o of items) {
      expect(Object.keys(o).sort()).toEqual(['citations', 'day', 'established_by', 'id', 'name']);
      expect(o.established_by?.kind, o.id).toBe('observance');
      expect(o.citations.length, o.id).toBeGreaterThan(0);
    }
  });

  it('gives one observance, with the established-by event that still resolves as an event', async () => {
    const { status, body } = await getJson<Observance>(app, '/v1/observances/remembrance-day');
    expect(status).toBe(200);
    expect(body.established_by).toMatchObject({
      id: 'remembrance-day-established',
      date: { start_date: '2020-12-02' },
    });
    const event = await getJson(app, `/v1/events/${body.established_by?.id}`);
    expect(event.status).toBe(200);
    // The article's "will always remain a source of pride" is Remembrance Day's citation now, not an event.
    expect(body.citations.some((c) => c.quote?.includes('will always remain a source of pride'))).toBe(true);
    expect((await getJson(app, '/v1/events/remembrance-of-martyrs-and-veterans')).status).toBe(404);
  });

  it('answers an unknown id with a 404 problem', async () => {
    const { response, status, body } = await getJson<{ detail: string }>(app, '/v1/observances/atlantis-day');
    expect(status).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body.detail).toMatch(/atlantis-day/);
  });

  it('answers the same over GraphQL', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query:
          '{ observances(first: 100) { nodes { id name day establishedBy { id title } citations { sourceId } } } }',
      },
    });
    const body = response.json();
    expect(body.errors).toBeUndefined();
    const rest = (await walk<Observance>(app, '/v1/observances')).items;
    expect(body.data.observances.nodes.map((o: { id: string; day: string }) => [o.id, o.day])).toEqual(
      rest.map((o) => [o.id, o.day]),
    );
    expect(body.data.observances.nodes[0].establishedBy.id).toBe('remembrance-day-established');
  });
});
