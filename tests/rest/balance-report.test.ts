// The balance report (issue 16, item 4): /v1/meta's `balance`, GraphQL `meta { balance }` and the README table
// equal counts made here from the listed records, and both peoples' losses are recorded in every phase.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { useTestApp } from '../helpers/app.js';
import { getJson, walk } from '../helpers/json.js';
import { runTs } from '../helpers/run-cli.js';

type People = 'azerbaijanis' | 'armenians';
interface Concerning {
  id: string;
  concerns: People[];
}
interface Event extends Concerning {
  date: { start_date: string };
}
interface Statistic extends Concerning {
  subject: string;
  as_of: string | null;
  event_id: string | null;
}
interface Claim {
  id: string;
  event_id: string | null;
}
interface Source {
  id: string;
  origin: string;
}
interface Counts {
  events: number;
  statistics: number;
  claims: number;
}
type Balance = {
  concerns: Record<People | 'neither', Counts>;
  sources_by_origin: Record<string, number>;
};

const app = await useTestApp();
const events = (await walk<Event>(app, '/v1/events?limit=20')).items;
const statistics = (await walk<Statistic>(app, '/v1/statistics?limit=20')).items;
const claims = (await walk<Claim>(app, '/v1/claims?limit=20')).items;
const sources = (await walk<Source>(app, '/v1/sources?limit=20')).items;

/** The report, counted here from the records the lists give. */
function expected(): Balance {
  const concernsOf = new Map(events.map((e) => [e.id, e.concerns]));
  const claimConcerns = claims.map((c) => (c.event_id ? (concernsOf.get(c.event_id) ?? []) : []));
  const count = (lists: People[][], key: People | 'neither') =>
    lists.filter((l) => (key === 'neither' ? l.length === 0 : l.includes(key))).length;
  const row = (key: People | 'neither') => ({
    events: count(
      events.map((e) => e.concerns),
      key,
    ),
    statistics: count(
      statistics.map((s) => s.concerns),
      key,
    ),
    claims: count(claimConcerns, key),
  });
  const origins: Record<string, number> = { azerbaijani: 0, armenian: 0, russian: 0, international: 0, other: 0 };
  for (const s of sources) origins[s.origin] = (origins[s.origin] ?? 0) + 1;
  return {
    concerns: { azerbaijanis: row('azerbaijanis'), armenians: row('armenians'), neither: row('neither') },
    sources_by_origin: origins,
  };
}

describe('the balance report', () => {
  it('lists every record once, each with concerns or origin', () => {
    expect(events.length).toBeGreaterThan(50);
    expect(new Set(statistics.map((s) => s.id)).size).toBe(statistics.length);
    for (const r of [...events, ...statistics]) expect(Array.isArray(r.concerns), r.id).toBe(true);
    for (const s of sources) expect(typeof s.origin, s.id).toBe('string');
  });

  it('/v1/meta gives the figures counted from the listed records', async () => {
    const { status, body } = await getJson<{ balance: Balance }>(app, '/v1/meta');
    expect(status).toBe(200);
    expect(body.balance).toEqual(expected());
  });

  it('GraphQL meta gives the same figures, as rows', async () => {
    const query = `{ meta { balance {
      concerns { concerns events statistics claims }
      sourcesByOrigin { origin count } } } }`;
    const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query } });
    const { balance } = (
      response.json() as {
        data: { meta: { balance: { concerns: ({ concerns: string } & Counts)[]; sourcesByOrigin: [] } } };
      }
    ).data.meta;
    const want = expected();
    expect(Object.fromEntries(balance.concerns.map(({ concerns, ...counts }) => [concerns, counts]))).toEqual(
      want.concerns,
    );
    expect(
      Object.fromEntries(
        (balance.sourcesByOrigin as { origin: string; count: number }[]).map((o) => [o.origin, o.count]),
      ),
    ).toEqual(want.sources_by_origin);
  });

  it("the README's table shows the database's figures", () => {
    const readme = readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
    const block = /<!-- balance:start -->\n([\s\S]*?)<!-- balance:end -->/.exec(readme)?.[1];
    expect(block, 'README has no balance table').toBeDefined();
    const cells = new Map(
      (block ?? '')
        .split('\n')
        .filter((l) => /^\| [a-z]+ \|/.test(l))
        .map((l) => l.split('|').map((c) => c.trim()))
        .map((c) => [c[1] as string, c.slice(2, -1).map(Number)]),
    );
    const want = expected();
    for (const key of ['azerbaijanis', 'armenians', 'neither'] as const) {
      const c = want.concerns[key];
      expect(cells.get(key), key).toEqual([c.events, c.statistics, c.claims]);
    }
    for (const [origin, n] of Object.entries(want.sources_by_origin)) expect(cells.get(origin), origin).toEqual([n]);
  });

  it('`npm run balance` prints the table the README shows', () => {
    const readme = readFileSync(`${PROJECT_ROOT}/README.md`, 'utf8');
    const block = /<!-- balance:start -->\n([\s\S]*?)<!-- balance:end -->/.exec(readme)?.[1];
    const result = runTs('scripts/balance.ts', []);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(block?.trim());
  });
});

/** Subjects that count displaced people or losses, as statistics.yaml names them. */
const DISPLACEMENT =
  /^(displaced_|internally_displaced_|refugees|residents_left|residents_moved|share_of_residents_left)/;
const CASUALTIES = /^(killed|wounded|missing|civilians_killed|civilians_injured|servicemen_killed|servicemen_missing)/;
const PHASES = [
  { name: '1988-94', from: '1988-01-01', to: '1994-12-31' },
  { name: '2020', from: '2020-01-01', to: '2020-12-31' },
  { name: '2022-23', from: '2022-01-01', to: '2023-12-31' },
];
/**
 * Gaps that are not omissions, each with its reason. No record can yet state "no figure is known" (a statistic
 * needs a value), so the one such case lives here, where a new gap fails the test.
 */
const NO_FIGURE_EXISTS = new Set(['2022-23 displacement azerbaijanis']);

describe("both peoples' losses", () => {
  it('are recorded for both or neither in each phase', () => {
    const startOf = new Map(events.map((e) => [e.id, e.date.start_date]));
    // A figure belongs to the phase of the event it is about; a figure about no event, to that of its as-of day.
    const dayOf = (s: Statistic) => (s.event_id ? startOf.get(s.event_id) : undefined) ?? s.as_of;
    const gaps: string[] = [];
    const allowed: string[] = [];
    for (const phase of PHASES) {
      for (const [kind, subjects] of [
        ['displacement', DISPLACEMENT],
        ['casualties', CASUALTIES],
      ] as const) {
        const inPhase = statistics.filter((s) => {
          const day = dayOf(s);
          return subjects.test(s.subject) && day !== null && day !== undefined && day >= phase.from && day <= phase.to;
        });
        const sides = (['azerbaijanis', 'armenians'] as const).filter((p) =>
          inPhase.some((s) => s.concerns.includes(p)),
        );
        if (sides.length === 1) {
          const missing = sides[0] === 'azerbaijanis' ? 'armenians' : 'azerbaijanis';
          const gap = `${phase.name} ${kind} ${missing}`;
          (NO_FIGURE_EXISTS.has(gap) ? allowed : gaps).push(gap);
        }
      }
    }
    expect(gaps).toEqual([]);
    // An allowance that no longer matches a gap is stale: the data changed, and the list must follow.
    expect(allowed).toEqual([...NO_FIGURE_EXISTS]);
  });
});
