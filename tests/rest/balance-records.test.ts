// The records of both sides' losses (issue 16): the 2020 displacement of Karabakh Armenians, the Lachin corridor
// blockade, the operation of September 2023 and the exodus after it, each figure its own statistic with its
// reporter and date, ranges with low and high, through REST and GraphQL.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';

interface Event {
  id: string;
  kind: string;
  title: string;
  summary: string;
  date: { start_date: string; end_date: string | null };
  places: { slug: string; role: string }[];
}
interface Statistic {
  id: string;
  value: number;
  low: number | null;
  high: number | null;
  as_of: string | null;
  as_of_text: string | null;
  reporter: string | null;
  event_id: string | null;
}

const app = await useTestApp();

describe('the missing side, through /v1/events', () => {
  it('lists the 2022-23 blockade, the September 2023 operation, the exodus and the decree in their window', async () => {
    const { items } = await walk<Event>(app, '/v1/events?from=2022-12&to=2023-10&limit=100');
    const ids = items.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'lachin-corridor-blockade-2022-2023',
        'icj-order-lachin-corridor-2023-02-22',
        'azerbaijani-military-operation-2023-09',
        'ceasefire-2023-09-20',
        'exodus-of-karabakh-armenians-2023',
        'artsakh-dissolution-decree-2023-09-28',
      ]),
    );
  });

  it('records the displacement of Karabakh Armenians in 2020 beside that of Azerbaijanis in the 1990s', async () => {
    const { items } = await walk<Event>(app, '/v1/events?kind=displacement&limit=100');
    const ids = items.map((e) => e.id);
    for (const id of [
      'displacement-of-azerbaijanis',
      'displacement-of-karabakh-armenians-2020',
      'armenians-leave-azerbaijan-1988-1994',
      'azerbaijanis-leave-armenia-1988-1994',
    ]) {
      expect(ids).toContain(id);
    }
  });

  it('finds the 2023 events on their days of the year', async () => {
    const onDay = async (day: string) =>
      (await getJson<{ data: { event: { id: string } }[] }>(app, `/v1/on-this-day/${day}`)).body.data.map(
        (i) => i.event.id,
      );
    expect(await onDay('09-19')).toContain('azerbaijani-military-operation-begins-2023-09-19');
    expect(await onDay('09-20')).toContain('ceasefire-2023-09-20');
    expect(await onDay('09-28')).toContain('artsakh-dissolution-decree-2023-09-28');
  });

  it('says in the Khankendi 2023 event that its population left', async () => {
    const { body } = await getJson<Event>(app, '/v1/events/khankendi-comes-under-azerbaijani-control-2023');
    expect(body.summary).toMatch(/Armenian population left/);
  });

  it('gives the 2022 Lachin corridor transfer to the three settlements, and leaves Lachin district its 2020 return', async () => {
    const { body } = await getJson<Event>(app, '/v1/events/lachin-corridor-towns-transferred-2022');
    const returned = body.places.filter((p) => p.role === 'returned_to_azerbaijani_control').map((p) => p.slug);
    expect(returned.sort()).toEqual(['lachin-town', 'sus', 'zabukh']);
    const { body: lachin } = await getJson<{ return: { event_id: string } }>(app, '/v1/districts/lachin');
    expect(lachin.return.event_id).toBe('lachin-handed-over-2020');
    for (const slug of returned) {
      const { body: place } = await getJson<{ return: { event_id: string; date: string } | null }>(
        app,
        `/v1/places/${slug}`,
      );
      expect(place.return, slug).toMatchObject({ event_id: body.id, date: '2022-08-26' });
    }
  });
});

describe('the figures', () => {
  it('keeps each 2023 arrival count as its own statistic, with a reporter and an as-of', async () => {
    const { items } = await walk<Statistic>(app, '/v1/statistics?limit=100');
    const exodus = items.filter((s) => s.event_id === 'exodus-of-karabakh-armenians-2023');
    expect(exodus.length).toBeGreaterThan(10);
    for (const s of exodus) {
      expect(s.reporter, s.id).not.toBeNull();
      expect(s.as_of ?? s.as_of_text, s.id).not.toBeNull();
    }
    // Different reporters' totals are never merged into one.
    expect(new Set(exodus.map((s) => s.value)).size).toBeGreaterThan(10);
  });

  it('gives a range its low and high beside the value', async () => {
    const { items } = await walk<Statistic>(app, '/v1/statistics?limit=100');
    const range = items.find((s) => s.id === 'displaced-karabakh-armenians-2020-ombudsman-early-october');
    expect(range).toMatchObject({ low: 70000, high: 75000 });
    for (const s of items) {
      if (s.low === null) expect(s.high, s.id).toBeNull();
      else expect(s.low <= s.value && s.value <= (s.high ?? -1), s.id).toBe(true);
    }
  });

  it('dates every statistic, or says that the source gives no date', async () => {
    const { items } = await walk<Statistic>(app, '/v1/statistics?limit=100');
    for (const s of items) expect(s.as_of ?? s.as_of_text, s.id).not.toBeNull();
    const census = items.filter((s) => s.id.startsWith('population-1989-'));
    expect(census).toHaveLength(12);
    for (const s of census) expect(s.as_of, s.id).toBe('1989-01-12');
  });

  it('answers the same over GraphQL', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query: `{ event(id: "displacement-of-karabakh-armenians-2020") { title statistics { id value low high reporter } } }`,
      },
    });
    const body = response.json();
    expect(body.errors).toBeUndefined();
    const range = body.data.event.statistics.find(
      (s: { id: string }) => s.id === 'displaced-karabakh-armenians-2020-ombudsman-early-october',
    );
    expect(range).toMatchObject({ value: 72500, low: 70000, high: 75000 });
  });
});
