// Ongoing processes: an event with an open end (end_date null, EDTF "…/..") overlaps every later window, lies
// within no window that has a `to`, and is read the same way by the list, its count, the timeline and GraphQL.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';

interface Event {
  id: string;
  date: { start_date: string; end_date: string | null; edtf: string };
}

const app = await useTestApp();
const ONGOING = 'reconstruction-of-returned-territories';

describe('an open end', () => {
  it('is null in the event, with an EDTF open interval', async () => {
    const { body: event } = await getJson<Event>(app, `/v1/events/${ONGOING}`);
    expect(event.date.end_date).toBeNull();
    expect(event.date.edtf).toBe('2020-11-10/..');
  });

  it('overlaps a window long after its start, in both sort orders', async () => {
    for (const sort of ['date', '-date']) {
      const { items } = await walk<Event>(app, `/v1/events?from=2031-01-01&to=2031-12-31&sort=${sort}&limit=1`);
      expect(items.map((e) => e.id)).toContain(ONGOING);
      // Every event in a window that far ahead is open-ended: no closed event reaches 2031.
      for (const e of items) expect(e.date.end_date, e.id).toBeNull();
    }
  });

  it('is not within a window that has an end, and is within one that has none', async () => {
    const bounded = await walk<Event>(app, '/v1/events?from=2020-11-10&to=2030-12-31&match=within&limit=100');
    expect(bounded.items.map((e) => e.id)).not.toContain(ONGOING);
    const open = await walk<Event>(app, '/v1/events?from=2020-11-10&match=within&limit=100');
    expect(open.items.map((e) => e.id)).toContain(ONGOING);
  });

  it('does not overlap a window that ends before it starts', async () => {
    const { items } = await walk<Event>(app, '/v1/events?to=2020-11-09&limit=100');
    expect(items.map((e) => e.id)).not.toContain(ONGOING);
  });

  it('shows on the timeline of a later window', async () => {
    const { items } = await walk<{ id: string; type: string }>(app, '/v1/timeline?from=2031-01-01&to=2031-12-31');
    expect(items.filter((i) => i.type === 'event').map((i) => i.id)).toContain(ONGOING);
  });

  it('is null over GraphQL too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `{ event(id: "${ONGOING}") { date { startDate endDate } } }` },
    });
    const body = response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.event.date).toEqual({ startDate: '2020-11-10', endDate: null });
  });
});
