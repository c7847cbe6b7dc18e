// The committed SDL is the running schema, and every part of it is described.
import { readFileSync } from 'node:fs';
import {
  buildClientSchema,
  buildSchema,
  type GraphQLObjectType,
  type GraphQLSchema,
  getIntrospectionQuery,
  getNamedType,
  type IntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  printSchema,
  validateSchema,
} from 'graphql/index.js';
import { describe, expect, it } from 'vitest';
import { SDL } from '../../src/graphql/schema/sdl.js';
import { SCHEMA_FILE } from '../../src/graphql/schema/sync.js';
import { useTestApp } from '../helpers/app.js';
import { gqlData } from './helpers.js';

const app = await useTestApp();

async function runningSchema() {
  const introspection = await gqlData<IntrospectionQuery>(app, getIntrospectionQuery({ descriptions: true }));
  return buildClientSchema(introspection);
}

describe('schema.graphql', () => {
  // The server builds it with assumeValidSDL, to start sooner: this is where its validity is checked.
  it('is valid SDL and a valid schema', () => {
    const schema = buildSchema(SDL);
    expect(validateSchema(schema)).toEqual([]);
    expect(() => buildSchema(`${SDL}\ntype Broken { field: NoSuchType }`)).toThrow(/Unknown type "NoSuchType"/);
  });

  // The server runs on sdl.ts, generated from this file: the two drift apart when one is edited without the sync.
  it('is the schema /graphql serves, printed (run `npx tsx src/graphql/schema/sync.ts` after editing it)', async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(`${printSchema(await runningSchema())}\n`);
  });

  it('describes every type, field, argument and enum value', async () => {
    const schema = await runningSchema();
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('lists the query fields the API promises', async () => {
    const fields = Object.keys((await runningSchema()).getQueryType()?.getFields() ?? {});
    expect(fields.sort()).toEqual(
      [
        'events',
        'event',
        'districts',
        'district',
        'places',
        'place',
        'agreements',
        'agreement',
        'statistics',
        'statistic',
        'citation',
        'actors',
        'actor',
        'sources',
        'source',
        'claims',
        'claim',
        'observances',
        'observance',
        'timeline',
        'onThisDay',
        'search',
        'meta',
        'changes',
      ].sort(),
    );
  });
});

/** Every field of `type`, with object fields expanded `levels` deep and a __typename in every object. */
function selectAll(type: GraphQLObjectType, levels: number): string {
  const parts = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (isObjectType(named) && levels > 1) {
      // A nested connection (a source's citations) whole, as far as one page goes.
      const args = field.args.some((a) => a.name === 'first') ? '(first: 100)' : '';
      parts.push(`${field.name}${args} { ${selectAll(named, levels - 1)} }`);
    } else if (!isObjectType(named)) parts.push(`${field.name} { __typename }`);
  }
  return parts.join(' ');
}

/** Every query field with arguments that find data. */
const ROOTS: Record<string, string> = {
  events: 'events(first: 3)',
  event: 'event(id: "lachin-handed-over-2020")',
  districts: 'districts',
  district: 'district(slug: "lachin")',
  places: 'places(first: 12)',
  place: 'place(slug: "shusha")',
  agreements: 'agreements(first: 100)',
  agreement: 'agreement(id: "trilateral-statement-2020")',
  statistics: 'statistics(first: 40)',
  actors: 'actors(first: 100)',
  actor: 'actor(id: "ilham-aliyev")',
  sources: 'sources(first: 100)',
  source: 'source(id: "article-2025-09-27")',
  claims: 'claims(first: 30)',
  claim: 'claim(id: "armenia-denied-shusha-capture")',
  observances: 'observances(first: 10)',
  observance: 'observance(id: "remembrance-day")',
  timeline: 'timeline(first: 5)',
  onThisDay: 'onThisDay(date: "11-08")',
  search: 'search(q: "Lachin", first: 10)',
  meta: 'meta',
  // Filled in with the oldest release the served database knows (below): changes since it, if there are any.
  changes: 'changes(since: "")',
};

/** Records `Type.field` for every leaf field that holds a value somewhere in `value`. */
function collectValues(value: unknown, seen: Set<string>) {
  if (Array.isArray(value)) {
    for (const v of value) collectValues(v, seen);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const typename = record.__typename;
  for (const [key, v] of Object.entries(record)) {
    if (typeof typename === 'string' && v !== null && key !== '__typename') seen.add(`${typename}.${key}`);
    collectValues(v, seen);
  }
}

describe('the schema and the query layer agree', () => {
  it('every field of every type resolves, and reads a value from the query layer', async () => {
    const schema: GraphQLSchema = await runningSchema();
    const query = schema.getQueryType();
    const seen = new Set<string>();
    const { releases } = (await app.inject({ url: '/v1/releases' })).json() as { releases: { version: string }[] };
    const oldest = releases.at(-1)?.version ?? '';
    ROOTS.changes = `changes(since: "${oldest}")`;
    for (const [name, call] of Object.entries(ROOTS)) {
      const field = query?.getFields()[name];
      const type = getNamedType(field?.type) as GraphQLObjectType;
      // A connection's records sit a level down (edges/nodes), as do a source's citations (Source.citations).
      const levels = type.name.endsWith('Connection') || name === 'source' ? 4 : 3;
      const data = await gqlData(app, `{ ${call} { ${selectAll(type, levels)} } }`);
      collectValues(data, seen);
    }
    const neverSet: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type.name === 'Query') continue;
      for (const field of Object.values(type.getFields())) {
        if (!seen.has(`${type.name}.${field.name}`)) neverSet.push(`${type.name}.${field.name}`);
      }
    }
    // Every field holds a value somewhere in today's data (sources name their publishers, ranges their bounds).
    // A database with one release has no changes to list: tests/seed/release.test.ts reads RecordChange on a
    // modified seed.
    const unreachable = releases.length > 1 ? [] : ['RecordChange.id', 'RecordChange.type', 'RecordChange.url'];
    expect(neverSet.filter((f) => !unreachable.includes(f)).sort()).toEqual([]);
  });
});
