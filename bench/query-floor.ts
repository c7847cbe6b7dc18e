// The query layer beside the SQLite floor, in one process: for each query-layer call behind a benchmark scenario,
// the time of the call, and the time of the same statements, prepared once and run with the same parameters
// straight on better-sqlite3, with rows as its `.all()` returns them (objects): the floor the issue measured.
// The ratio is what the query layer adds: building SQL, preparing, mapping rows and shaping the API objects.
// The same statements returning raw arrays, better-sqlite3's cheapest form, are timed too and printed beside it.
// Run alone with `node --import tsx bench/query-floor.ts [database]`.
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { openReadOnly } from '../src/db/client.js';
import { createRepository, type Repository } from '../src/queries/repository.js';
import { EventsQuerySchema, SearchQuerySchema } from '../src/schemas/params.js';

export interface FloorCall {
  name: string;
  run: (repo: Repository) => unknown;
}

/** Each call a benchmark scenario makes into the query layer. */
export function floorCalls(deepCursor?: string): FloorCall[] {
  const window = EventsQuerySchema.parse({ from: '2020-09-27', to: '2020-11-10', limit: '50' });
  const calls: FloorCall[] = [
    { name: 'events window (listEvents)', run: (repo) => repo.listEvents(window) },
    { name: 'district page (getPlace)', run: (repo) => repo.getPlace('lachin') },
    { name: 'event by id (getEvent)', run: (repo) => repo.getEvent('second-karabakh-war') },
    { name: 'search (search)', run: (repo) => repo.search(SearchQuerySchema.parse({ q: 'Lachin' })) },
  ];
  if (deepCursor) {
    const deep = EventsQuerySchema.parse({ from: '1990', to: '2010', limit: '100', cursor: deepCursor });
    calls.push({ name: 'deep keyset page (listEvents)', run: (repo) => repo.listEvents(deep) });
  }
  return calls;
}

interface Recorded {
  statement: Database.Statement;
  params: unknown[];
}

/** The statements a call runs and their parameters, read through a handle whose statements record every run. */
function statementsOf(path: string, call: FloorCall): { sql: string; params: unknown[] }[] {
  const handle = openReadOnly(path);
  const runs: { sql: string; params: unknown[] }[] = [];
  const prepare = handle.sqlite.prepare.bind(handle.sqlite);
  handle.sqlite.prepare = ((source: string) => {
    const statement = prepare(source);
    for (const method of ['all', 'get'] as const) {
      const original = statement[method].bind(statement) as (...args: unknown[]) => unknown;
      (statement as unknown as Record<string, unknown>)[method] = (...params: unknown[]) => {
        if (recording) runs.push({ sql: source, params });
        return original(...params);
      };
    }
    return statement;
  }) as typeof handle.sqlite.prepare;
  let recording = false;
  try {
    const repo = createRepository(handle.db);
    recording = true;
    call.run(repo);
    return runs;
  } finally {
    handle.close();
  }
}

/** µs per run of `fn`, over `iterations` runs. */
function sample(fn: () => void, iterations: number): number {
  const started = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  return ((performance.now() - started) * 1000) / iterations;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] as number) * 10) / 10;
};

/**
 * Median µs per run of each of `a` and `b`, after a warm-up: the two take turns, round by round, so that a burst
 * of noise on a shared machine moves one round of both rather than the ratio.
 */
function timePair(a: () => void, b: () => void, iterations: number, rounds: number): [number, number] {
  sample(a, iterations);
  sample(b, iterations);
  const as: number[] = [];
  const bs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    as.push(sample(a, iterations));
    bs.push(sample(b, iterations));
  }
  return [median(as), median(bs)];
}

export interface FloorResult {
  call: string;
  statements: number;
  query_layer_us: number;
  floor_us: number;
  ratio: number;
  /** The same statements returning raw arrays, and the query layer's time over theirs (timed in turns with it). */
  raw_floor_us: number;
  raw_ratio: number;
}

export function measureFloor(path: string, calls: FloorCall[], iterations = 1000, rounds = 9): FloorResult[] {
  const handle = openReadOnly(path);
  try {
    const repo = createRepository(handle.db);
    return calls.map((call) => {
      const floor: Recorded[] = statementsOf(path, call).map(({ sql, params }) => ({
        statement: handle.sqlite.prepare(sql),
        params,
      }));
      const raw: Recorded[] = floor.map(({ statement, params }) => ({
        statement: handle.sqlite.prepare(statement.source).raw(true),
        params,
      }));
      const runAll = (statements: Recorded[]) => () => {
        for (const { statement, params } of statements) statement.all(...params);
      };
      const [layer, bare] = timePair(() => call.run(repo), runAll(floor), iterations, rounds);
      const [layerAgain, rawArrays] = timePair(() => call.run(repo), runAll(raw), iterations, rounds);
      return {
        call: call.name,
        statements: floor.length,
        query_layer_us: layer,
        floor_us: bare,
        ratio: Math.round((layer / Math.max(0.1, bare)) * 100) / 100,
        raw_floor_us: rawArrays,
        raw_ratio: Math.round((layerAgain / Math.max(0.1, rawArrays)) * 100) / 100,
      };
    });
  } finally {
    handle.close();
  }
}

export function printFloor(results: FloorResult[], target: number) {
  for (const r of results) {
    console.log(
      `${r.call.padEnd(32)} query layer ${String(r.query_layer_us).padStart(7)} µs | SQLite floor (${r.statements} statements) ` +
        `${String(r.floor_us).padStart(7)} µs | ratio ${r.ratio} (target ≤ ${target}: ${r.ratio <= target ? 'met' : 'MISSED'}) | ` +
        `raw-array floor ${r.raw_floor_us} µs, ratio ${r.raw_ratio}`,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2] ?? 'data/history.sqlite';
  printFloor(measureFloor(path, floorCalls()), 1.5);
}
