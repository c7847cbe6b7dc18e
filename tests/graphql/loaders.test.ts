// Nested fields are batched by loaders: the SQL statements a query runs do not grow with the length of its lists.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { recordStatements } from '../helpers/statements.js';
import { gqlData } from './helpers.js';

const app = await useTestApp();
afterEach(() => {
  vi.restoreAllMocks();
});

// Every nested field here has data for the first 5 events as for all of them (a field whose parents have no keys at
// all runs no statement), so the counts must be equal.
const EVENTS_QUERY = `query ($n: Int) {
  events(first: $n) {
    totalCount
    edges { cursor }
    nodes {
      id
      children { id title date { startDate } }
      actors { role actor { id name } }
      places { role place { slug names { name } occupation { date } } }
      statistics { id value }
      claims { id source { id title } }
      citations { id quote source { id } }
    }
  }
}`;

interface EventsData {
  events: {
    totalCount: number;
    nodes: { id: string; children: { id: string }[] }[];
  };
}

async function run(n: number) {
  const statements = recordStatements();
  const data = await gqlData<EventsData>(app, EVENTS_QUERY, { n });
  vi.restoreAllMocks();
  const nested = data.events.nodes.reduce((sum, e) => sum + 1 + e.children.length, 0);
  return { statements, events: data.events.nodes.length, nested };
}

describe('loaders', () => {
  it('answers 5 and 50 events with their relations in the same number of statements', async () => {
    const small = await run(5);
    const large = await run(50);
    expect(small.events).toBe(5);
    expect(large.events).toBeGreaterThan(30);
    // The large answer holds at least 50 events (the page and their children).
    expect(large.nested).toBeGreaterThanOrEqual(50);
    expect(large.statements.length).toBe(small.statements.length);
    // One statement (or a fixed few, for records built from several tables) per field, whatever the count:
    // 23 today, for 5 events as for 39.
    expect(large.statements.length).toBeLessThanOrEqual(25);
  });

  it('answers 1 and 7 districts with their events, places and citations in the same number of statements', async () => {
    const query = `query ($n: Int) {
      places(kind: district, first: $n) {
        nodes {
          slug
          events { role event { id actors { actor { id } } citations { id } } }
          children { slug }
          statistics { id citations { id } }
          citations { id source { id } }
        }
      }
    }`;
    const counts: number[] = [];
    for (const n of [1, 7]) {
      const statements = recordStatements();
      const data = await gqlData<{ places: { nodes: { events: unknown[] }[] } }>(app, query, { n });
      vi.restoreAllMocks();
      expect(data.places.nodes).toHaveLength(n);
      if (n === 7) expect(data.places.nodes.flatMap((p) => p.events).length).toBeGreaterThan(30);
      counts.push(statements.length);
    }
    expect(counts[1]).toBe(counts[0]);
  });

  it('runs one statement for one nested field of many parents', async () => {
    const statements = recordStatements();
    await gqlData(app, '{ events(first: 50) { nodes { id citations { id } } } }');
    vi.restoreAllMocks();
    const citationStatements = statements.filter((s) => /from "citations"/i.test(s));
    expect(citationStatements).toHaveLength(1);
  });

  it('answers a reference from the parent when a query asks only for its fields, and looks up the rest', async () => {
    const query = (fields: string) => `{ district(slug: "lachin") { events { event { ${fields} } } } }`;
    // Events by id, in full (a place's own occupation and return events are read with fewer columns).
    const byId = (statements: string[]) =>
      statements.filter((s) => /"summary".*from "events" where "events"."id" IN/is.test(s));

    const brief = recordStatements();
    const refs = await gqlData<{ district: { events: { event: { id: string; title: string } }[] } }>(
      app,
      query('id title date { startDate }'),
    );
    vi.restoreAllMocks();
    expect(byId(brief)).toEqual([]);

    const full = recordStatements();
    const looked = await gqlData<{ district: { events: { event: { id: string; title: string; summary: string } }[] } }>(
      app,
      query('id title summary'),
    );
    vi.restoreAllMocks();
    expect(byId(full)).toHaveLength(1);
    // The same events either way, and the looked-up ones as REST gives them.
    expect(refs.district.events.map((e) => [e.event.id, e.event.title])).toEqual(
      looked.district.events.map((e) => [e.event.id, e.event.title]),
    );
    const first = looked.district.events[0]?.event;
    const rest = (await app.inject({ url: `/v1/events/${first?.id}` })).json() as { summary: string };
    expect(first?.summary).toBe(rest.summary);
  });
});
