// The auto-generated APIs the performance issue compares us with — json-server 0.17 (REST over a JSON file) and
// PostGraphile 4 over PostgreSQL 15 (GraphQL) — started on the same seeded data, each as a child process on a free
// loopback port, with scenarios that mirror ours, for the bench to measure with the same load generator.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { PROJECT_ROOT } from '../src/paths.js';
import { groupBy } from '../src/queries/mappers.js';
import { freePort } from '../tests/helpers/server-process.js';

export interface CompetitorScenario {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Name of our bench scenario it mirrors. */
  ours: string;
}

export interface Competitor {
  name: string;
  url: string;
  scenarios: CompetitorScenario[];
  stop(): Promise<void>;
}

/** A scenario plus a string its answer must contain, so a wrong-but-200 answer fails the start-up check. */
interface CheckedScenario extends CompetitorScenario {
  expect: string;
}

const WAIT_MS = 30_000;
const HOST = '127.0.0.1';
const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------------------------
// Child processes: every wait is bounded, and a child that dies early fails the wait with its own output.

interface Child {
  name: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  hasExited: () => boolean;
}

function startChild(name: string, command: string, args: string[], cwd: string): Child {
  const child = spawn(command, args, { cwd, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  // Keep only the tail: it is there to explain a failure, and a chatty server must not grow our memory.
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      done = true;
      resolve(code);
    });
    // A command that cannot be spawned at all emits 'error' and never 'exit'.
    child.on('error', (error) => {
      keep(Buffer.from(String(error)));
      done = true;
      resolve(null);
    });
  });
  return { name, process: child, output: () => output, exited, hasExited: () => done };
}

async function withTimeout<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM, then SIGKILL if the child ignores it; throws only if even that does not end it. */
async function stopChild(child: Child): Promise<void> {
  if (child.hasExited()) return;
  child.process.kill('SIGTERM');
  try {
    await withTimeout(`${child.name} exit after SIGTERM`, child.exited, 10_000);
  } catch {
    child.process.kill('SIGKILL');
    await withTimeout(`${child.name} exit after SIGKILL`, child.exited, 5_000);
  }
}

/** Polls `probe` until it answers true; fails early if `child` exits, and after `ms` with the child's output. */
async function waitUntil(what: string, probe: () => Promise<boolean>, child: Child, ms = WAIT_MS): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (child.hasExited()) throw new Error(`${child.name} exited before ${what}:\n${child.output()}`);
    try {
      if (await probe()) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not within ${ms} ms. ${child.name} said:\n${child.output()}`);
}

/** Runs a command to completion (bounded), with its stderr in the error when it fails. */
async function runCommand(command: string, args: string[], ms = WAIT_MS): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout: ms, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${command} ${args.join(' ')} failed: ${stderr?.trim() || message}`);
  }
}

/** Cleanups of what a start-up has started so far, run in reverse if a later step fails. */
class Cleanups {
  private steps: Array<() => Promise<void>> = [];
  add(step: () => Promise<void>) {
    this.steps.push(step);
  }
  async run() {
    const errors: unknown[] = [];
    for (const step of this.steps.reverse()) await step().catch((e: unknown) => errors.push(e));
    this.steps = [];
    if (errors.length > 0) throw errors[0];
  }
  async runAfterFailure(failure: unknown): Promise<never> {
    await this.run().catch(() => {});
    throw failure;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Verification: each scenario must answer 200 with non-empty data (and no GraphQL errors) before we measure it.

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

async function verifyScenario(url: string, scenario: CheckedScenario): Promise<void> {
  const response = await withTimeout(
    `${scenario.name} first answer`,
    fetch(`${url}${scenario.path}`, {
      method: scenario.method,
      body: scenario.body,
      headers: scenario.body ? { 'content-type': 'application/json' } : {},
    }),
    WAIT_MS,
  );
  const text = await response.text();
  const fail = (why: string) => new Error(`${scenario.name} (${scenario.path}): ${why}: ${text.slice(0, 300)}`);
  if (response.status !== 200) throw fail(`status ${response.status}`);
  const body = JSON.parse(text) as unknown;
  const graphql = scenario.method === 'POST' ? (body as { data?: unknown; errors?: unknown }) : undefined;
  if (graphql?.errors) throw fail('GraphQL errors');
  // A GraphQL answer is empty when a root field is null (e.g. no such place), not only when `data` is.
  const roots = graphql ? Object.values((graphql.data ?? {}) as object) : [body];
  if (roots.length === 0 || roots.some(isEmpty)) throw fail('empty answer');
  if (!text.includes(scenario.expect)) throw fail(`answer lacks ${JSON.stringify(scenario.expect)}`);
}

async function verifyAll(url: string, scenarios: CheckedScenario[]): Promise<CompetitorScenario[]> {
  for (const scenario of scenarios) await verifyScenario(url, scenario);
  return scenarios.map(({ expect: _expect, ...scenario }) => scenario);
}

// ---------------------------------------------------------------------------------------------------------------
// Data: the five tables the mirrored scenarios read, with the columns each competitor gets.

// undefined only because indexing a Record may miss (noUncheckedIndexedAccess); SQLite gives null.
type Row = Record<string, string | number | null | undefined>;

interface TableSpec {
  name: 'events' | 'places' | 'event_places' | 'place_names' | 'citations';
  /** Column → PostgreSQL type (constraints beyond NOT NULL and the primary key are added after loading). */
  columns: Record<string, string>;
  primaryKey: string[];
  orderBy: string;
  where?: string;
}

const TABLES: TableSpec[] = [
  {
    name: 'events',
    primaryKey: ['id'],
    orderBy: 'seq',
    columns: {
      id: 'text not null',
      seq: 'integer not null unique',
      kind: 'text not null',
      title: 'text not null',
      summary: 'text not null',
      parent_id: 'text',
      start_date: 'date not null',
      end_date: 'date', // null: an ongoing process (open end)
      precision: 'text not null',
      date_text: 'text not null',
      edtf: 'text not null',
      month_day: 'text',
    },
  },
  {
    name: 'places',
    primaryKey: ['slug'],
    orderBy: 'seq',
    columns: {
      slug: 'text not null',
      seq: 'integer not null unique',
      kind: 'text not null',
      name: 'text not null',
      parent_slug: 'text',
      description: 'text',
      centre_name: 'text',
      lat: 'double precision',
      lon: 'double precision',
      area_km2: 'double precision',
      area_note: 'text',
      population: 'integer',
      population_year: 'integer',
      population_basis: 'text',
      occupation_event_id: 'text',
      return_event_id: 'text',
      note: 'text',
    },
  },
  {
    name: 'event_places',
    primaryKey: ['event_id', 'place_slug', 'role'],
    orderBy: 'event_id, place_slug, role',
    columns: { event_id: 'text not null', place_slug: 'text not null', role: 'text not null' },
  },
  {
    name: 'place_names',
    primaryKey: ['id'],
    orderBy: 'id',
    columns: {
      id: 'integer not null',
      place_slug: 'text not null',
      name: 'text not null',
      folded: 'text not null',
      language: 'text not null',
      script: 'text not null',
      kind: 'text not null',
      used_by: 'text',
      applies_to: 'text',
    },
  },
  {
    // Only the citations of the three loaded record types: the others point at tables no scenario reads.
    name: 'citations',
    primaryKey: ['id'],
    orderBy: 'id',
    where: 'event_id is not null or place_slug is not null or place_name_id is not null',
    columns: {
      id: 'integer not null',
      source_id: 'text not null',
      quote: 'text',
      start: 'integer',
      end: 'integer',
      note: 'text',
      record_type: 'text not null',
      event_id: 'text',
      place_slug: 'text',
      place_name_id: 'integer',
    },
  },
];

type Tables = Record<TableSpec['name'], Row[]>;

const quote = (identifier: string) => `"${identifier}"`;

function readTables(databasePath: string): Tables {
  if (!existsSync(databasePath)) throw new Error(`no seeded database at ${databasePath}`);
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = {} as Tables;
    for (const t of TABLES) {
      const columns = Object.keys(t.columns).map(quote).join(', ');
      const where = t.where ? ` where ${t.where}` : '';
      tables[t.name] = db.prepare(`select ${columns} from ${t.name}${where} order by ${t.orderBy}`).all() as Row[];
    }
    return tables;
  } finally {
    db.close();
  }
}

function packageVersion(name: string): string {
  const manifest = join(PROJECT_ROOT, 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

// ---------------------------------------------------------------------------------------------------------------
// json-server 0.17

/**
 * The JSON document json-server serves, shaped as one would for it: an event carries its places (json-server has no
 * many-to-many), and the child collections carry `placeId`/`eventId` so that `_embed` can join them.
 */
function jsonServerDocument(tables: Tables) {
  const placeBySlug = new Map(tables.places.map((p) => [p.slug, p]));
  const eventById = new Map(tables.events.map((e) => [e.id, e]));
  const placesOfEvent = groupBy(tables.event_places, (row) => row.event_id);
  return {
    events: tables.events.map((event) => ({
      ...event,
      places: (placesOfEvent.get(event.id) ?? []).map((link) => {
        const place = placeBySlug.get(link.place_slug);
        return { slug: link.place_slug, name: place?.name, kind: place?.kind, role: link.role };
      }),
    })),
    places: tables.places.map((place) => ({ id: place.slug, ...place })),
    placeNames: tables.place_names.map((name) => ({ ...name, placeId: name.place_slug })),
    // The event's headline is copied in: `_embed` cannot expand a second level.
    eventPlaces: tables.event_places.map((link, i) => {
      const event = eventById.get(link.event_id);
      return {
        id: i + 1,
        eventId: link.event_id,
        placeId: link.place_slug,
        role: link.role,
        event: event && {
          id: event.id,
          title: event.title,
          start_date: event.start_date,
          end_date: event.end_date,
          precision: event.precision,
        },
      };
    }),
    citations: tables.citations.map((c) => ({ ...c, eventId: c.event_id, placeId: c.place_slug })),
  };
}

const JSON_SERVER_SCENARIOS: CheckedScenario[] = [
  {
    name: 'json-server events window',
    ours: 'events 27 Sep–10 Nov 2020',
    method: 'GET',
    path: '/events?start_date_lte=2020-11-10&end_date_gte=2020-09-27&_sort=start_date&_limit=50',
    expect: 'second-karabakh-war',
  },
  {
    name: 'json-server place lachin',
    ours: 'district lachin',
    method: 'GET',
    path: '/places/lachin?_embed=placeNames&_embed=eventPlaces&_embed=citations',
    expect: 'Berdzor',
  },
  {
    name: 'json-server q=Lachin',
    ours: 'search Lachin',
    method: 'GET',
    path: '/events?q=Lachin',
    expect: 'lachin-handed-over-2020',
  },
  {
    name: 'json-server event by id',
    ours: 'event by id',
    method: 'GET',
    path: '/events/second-karabakh-war?_embed=citations',
    expect: 'Second Karabakh War',
  },
];

export async function startJsonServer(databasePath: string, tmpDir: string): Promise<Competitor> {
  const cli = join(PROJECT_ROOT, 'node_modules', 'json-server', 'lib', 'cli', 'bin.js');
  if (!existsSync(cli)) throw new Error(`json-server is not installed (${cli} missing): run npm ci`);
  mkdirSync(tmpDir, { recursive: true });
  const documentPath = join(tmpDir, 'json-server-db.json');
  writeFileSync(documentPath, JSON.stringify(jsonServerDocument(readTables(databasePath))));

  const port = await freePort();
  // No --watch: 0.17 only watches when asked. cwd is tmpDir so no stray json-server.json config is picked up.
  const child = startChild(
    'json-server',
    process.execPath,
    [cli, documentPath, '--host', HOST, '--port', String(port), '--quiet'],
    tmpDir,
  );
  const url = `http://${HOST}:${port}`;
  try {
    await waitUntil('json-server answered', async () => (await fetch(`${url}/places?_limit=1`)).ok, child);
    const scenarios = await verifyAll(url, JSON_SERVER_SCENARIOS);
    return { name: `json-server ${packageVersion('json-server')}`, url, scenarios, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child).catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// PostgreSQL 15 (a throwaway cluster in tmpDir) and PostGraphile 4

/** Foreign keys, indexes equivalent to ours, and the one SQL function the events window needs; added after loading. */
const AFTER_LOAD_SQL = `
alter table events add foreign key (parent_id) references events (id);
alter table places add foreign key (parent_slug) references places (slug);
alter table places add foreign key (occupation_event_id) references events (id);
alter table places add foreign key (return_event_id) references events (id);
alter table event_places add foreign key (event_id) references events (id);
alter table event_places add foreign key (place_slug) references places (slug);
alter table place_names add foreign key (place_slug) references places (slug);
alter table citations add foreign key (event_id) references events (id);
alter table citations add foreign key (place_slug) references places (slug);
alter table citations add foreign key (place_name_id) references place_names (id);
create index events_start_idx on events (start_date, seq);
create index events_end_idx on events (end_date, seq);
create index events_parent_idx on events (parent_id);
create index places_parent_idx on places (parent_slug);
create index event_places_place_idx on event_places (place_slug);
create index place_names_place_idx on place_names (place_slug);
create index citations_event_idx on citations (event_id);
create index citations_place_idx on citations (place_slug);
create index citations_place_name_idx on citations (place_name_id);
-- PostGraphile 4 core filters only by equality (range filters need the separate connection-filter plugin); a STABLE
-- set-returning function is its documented way to add a custom query, exposed as Query.eventsBetween.
create function events_between(from_date date, to_date date) returns setof events language sql stable as $$
  select * from events where start_date <= to_date and coalesce(end_date, 'infinity') >= from_date order by start_date, seq
$$;
analyze;
`;

function createTableSql(t: TableSpec): string {
  const columns = Object.entries(t.columns).map(([name, type]) => `${quote(name)} ${type}`);
  return `create table ${t.name} (${columns.join(', ')}, primary key (${t.primaryKey.map(quote).join(', ')}))`;
}

type PgClientClass = typeof import('pg').Client;
type PgClient = InstanceType<PgClientClass>;

/** Multi-row INSERTs of at most 500 rows: few round trips, well under PostgreSQL's 65,535-parameter limit. */
async function insertRows(client: PgClient, t: TableSpec, rows: Row[]): Promise<void> {
  const columns = Object.keys(t.columns);
  for (let at = 0; at < rows.length; at += 500) {
    const batch = rows.slice(at, at + 500);
    const values = batch.map((_, r) => `(${columns.map((_c, c) => `$${r * columns.length + c + 1}`).join(', ')})`);
    const params = batch.flatMap((row) => columns.map((c) => row[c]));
    await client.query(`insert into ${t.name} (${columns.map(quote).join(', ')}) values ${values.join(', ')}`, params);
  }
}

async function loadDatabase(Client: PgClientClass, connectionString: string, tables: Tables): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    for (const t of TABLES) await client.query(createTableSql(t));
    for (const t of TABLES) await insertRows(client, t, tables[t.name]);
    await client.query(AFTER_LOAD_SQL);
  } finally {
    await client.end();
  }
}

/** The directory holding initdb, postgres and pg_ctl: $PG_BIN, else the newest /usr/lib/postgresql/N/bin. */
function findPgBin(): string | undefined {
  const has = (dir: string) => ['initdb', 'postgres', 'pg_ctl'].every((b) => existsSync(join(dir, b)));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : undefined;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  return versions.map((v) => join(root, v, 'bin')).find(has);
}

/**
 * Who runs PostgreSQL. It refuses to run as root, so as root we run it as the `postgres` (or else `nobody`) user
 * through runuser, and first check that doing so actually works here.
 */
async function pgRunner(pgBin: string): Promise<{ user?: string; uid?: number; gid?: number } | { skipped: string }> {
  if (process.getuid?.() !== 0) return {};
  for (const user of ['postgres', 'nobody']) {
    let uid: number, gid: number;
    try {
      uid = Number((await runCommand('id', ['-u', user])).trim());
      gid = Number((await runCommand('id', ['-g', user])).trim());
    } catch {
      continue; // no such user
    }
    try {
      await runCommand('runuser', ['-u', user, '--', join(pgBin, 'postgres'), '--version']);
      return { user, uid, gid };
    } catch (error) {
      return { skipped: `running as root, and running PostgreSQL as ${user} failed: ${(error as Error).message}` };
    }
  }
  return { skipped: 'running as root (PostgreSQL refuses root) and there is no postgres or nobody user to run it as' };
}

async function startPostgres(pgBin: string, runner: { user?: string; uid?: number; gid?: number }, tmpDir: string) {
  const as = (command: string, args: string[]): [string, string[]] =>
    runner.user ? ['runuser', ['-u', runner.user, '--', join(pgBin, command), ...args]] : [join(pgBin, command), args];
  const dataDir = join(tmpDir, 'pg');

  // A cluster left by an interrupted run: stop it if it still runs, then start afresh.
  if (existsSync(join(dataDir, 'postmaster.pid')))
    await runCommand(...as('pg_ctl', ['-D', dataDir, '-m', 'immediate', 'stop'])).catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runner.uid !== undefined && runner.gid !== undefined) chownSync(dataDir, runner.uid, runner.gid);

  // C locale and UTF-8 need no system locales; trust auth is fine for a loopback-only throwaway cluster.
  await runCommand(
    ...as('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-locale', '-E', 'UTF8', '--no-sync']),
    60_000,
  );

  const port = await freePort();
  // -k '' : no Unix socket at all (nothing to clash with /var/run/postgresql, no socket-path length limit).
  const child = startChild(
    'postgres',
    ...as('postgres', [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-k',
      '',
      '-c',
      `listen_addresses=${HOST}`,
      '-c',
      'fsync=off',
    ]),
    tmpDir,
  );
  const stop = async () => {
    if (!child.hasExited())
      await runCommand(...as('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', '-t', '30', 'stop']), 40_000).catch(
        () => {},
      );
    await stopChild(child);
  };
  return { child, port, stop, connectionString: `postgres://postgres@${HOST}:${port}/postgres` };
}

/** E.g. 'PostgreSQL 15.18', for the results to say what was measured. */
async function postgresVersion(pgBin: string): Promise<string> {
  const out = await runCommand(join(pgBin, 'postgres'), ['--version']);
  return `PostgreSQL ${/\d+(\.\d+)*/.exec(out)?.[0] ?? '?'}`;
}

const gql = (query: string) => JSON.stringify({ query });

const POSTGRAPHILE_SCENARIOS: CheckedScenario[] = [
  {
    name: 'PostGraphile events window',
    ours: 'GraphQL events window',
    method: 'POST',
    path: '/graphql',
    body: gql(
      '{ eventsBetween(fromDate: "2020-09-27", toDate: "2020-11-10", first: 50) { ' +
        'totalCount pageInfo { hasNextPage endCursor } nodes { id kind title startDate endDate precision dateText ' +
        'eventPlacesByEventId { nodes { role placeByPlaceSlug { slug name } } } } } }',
    ),
    expect: 'second-karabakh-war',
  },
  {
    name: 'PostGraphile district page',
    ours: 'GraphQL district page',
    method: 'POST',
    path: '/graphql',
    body: gql(
      '{ placeBySlug(slug: "lachin") { slug name placeNamesByPlaceSlug { nodes { name language kind } } ' +
        'eventByOccupationEventId { startDate } eventByReturnEventId { startDate kind } ' +
        'eventPlacesByPlaceSlug { nodes { role eventByEventId { id title startDate endDate precision } } } ' +
        'citationsByPlaceSlug { nodes { sourceId quote start end } } } }',
    ),
    expect: 'Berdzor',
  },
];

/**
 * `node <postgraphile cli> ...args`, with every `graphql` import pinned to the copy postgraphile itself resolves.
 * PostGraphile 4 needs graphql 15 while the project's root node_modules has graphql 16, so npm nests a graphql 15
 * under postgraphile and another under the hoisted graphile-build-pg; two copies of graphql in one process fail every
 * query ("Cannot use GraphQLScalarType "Date" from another module or realm"). Pinning the resolution in the child
 * (rather than npm overrides) leaves the project's own dependency tree untouched.
 */
function postgraphileCommand(cli: string, args: string[]): [string, string[]] {
  const graphqlDir = dirname(createRequire(cli).resolve('graphql/package.json'));
  const pin = `
    const Module = require('node:module');
    const resolve = Module._resolveFilename;
    const graphql = ${JSON.stringify(graphqlDir)};
    Module._resolveFilename = function (request, ...rest) {
      if (request === 'graphql' || request.startsWith('graphql/')) request = graphql + request.slice(7);
      return resolve.call(this, request, ...rest);
    };
    process.argv = [process.argv[0], ${JSON.stringify(cli)}, ...process.argv.slice(1)];
    require(${JSON.stringify(cli)});`;
  return [process.execPath, ['-e', pin, '--', ...args]];
}

async function graphqlAnswers(url: string): Promise<boolean> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: gql('{ __typename }'),
  });
  return response.ok && ((await response.json()) as { data?: unknown }).data !== undefined;
}

export async function startPostgraphile(
  databasePath: string,
  tmpDir: string,
): Promise<Competitor | { skipped: string }> {
  const cli = join(PROJECT_ROOT, 'node_modules', 'postgraphile', 'cli.js');
  if (!existsSync(cli)) return { skipped: `postgraphile is not installed (${cli} missing)` };
  const pgBin = findPgBin();
  if (!pgBin) return { skipped: 'PostgreSQL binaries (initdb, postgres, pg_ctl) not found under /usr/lib/postgresql' };
  const runner = await pgRunner(pgBin);
  if ('skipped' in runner) return runner;
  // `pg` comes with postgraphile (which talks to PostgreSQL through it), so it is there whenever postgraphile is.
  const { default: pg } = await import('pg');

  mkdirSync(tmpDir, { recursive: true });
  const tables = readTables(databasePath);
  const cleanups = new Cleanups();
  try {
    const postgres = await startPostgres(pgBin, runner, tmpDir);
    cleanups.add(postgres.stop);
    await waitUntil(
      'PostgreSQL accepted a connection',
      async () => {
        const client = new pg.Client({ connectionString: postgres.connectionString });
        await client.connect();
        await client.end();
        return true;
      },
      postgres.child,
    );
    await loadDatabase(pg.Client, postgres.connectionString, tables);

    const port = await freePort();
    const argv = ['-c', postgres.connectionString, '-s', 'public', '--host', HOST, '--port', String(port)];
    // cwd is tmpDir so no stray .postgraphilerc.js is picked up.
    const child = startChild('postgraphile', ...postgraphileCommand(cli, [...argv, '--disable-query-log']), tmpDir);
    cleanups.add(() => stopChild(child));
    const url = `http://${HOST}:${port}`;
    await waitUntil('PostGraphile answered POST /graphql', () => graphqlAnswers(url), child);
    const scenarios = await verifyAll(url, POSTGRAPHILE_SCENARIOS);
    const name = `PostGraphile ${packageVersion('postgraphile')} + ${await postgresVersion(pgBin)}`;
    return { name, url, scenarios, stop: () => cleanups.run() };
  } catch (error) {
    return cleanups.runAfterFailure(error);
  }
}
