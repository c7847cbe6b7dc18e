// A query under every documented limit is answered, or refused with errors that each name what was wrong, or the
// limit hit: never graphql-js' bare "Validation aborted." (its maxErrors stop, or its validation work budgets), nor
// an unnamed analysis limit.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/graphql/limits.js';
import { useTestApp } from '../helpers/app.js';
import { gql, type GraphqlResponse, onlyError } from './helpers.js';

const app = await useTestApp();

const times = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

/** Queries far under the token limit that hold more errors than graphql-js reports: one per kind of error. */
const FLOODS: [string, string][] = [
  ['unknown fields', `{ ${times(LIMITS.errors + 50, (i) => `f${i}`)} }`],
  ['fields that conflict', `{ ${times(LIMITS.errors + 50, (i) => `event(id: "e${i}") { id }`)} }`],
  ['arguments of the wrong type', `{ ${times(LIMITS.errors + 50, () => 'events(first: "many") { totalCount }')} }`],
  ['an undefined variable used many times', `{ ${times(LIMITS.errors + 50, () => 'event(id: $id) { id }')} }`],
];

function expectNamedErrors(response: GraphqlResponse<unknown>) {
  expect(response.status).toBe(400);
  for (const error of response.errors ?? []) {
    expect(error.message).not.toMatch(/aborted/i);
    expect(error.extensions?.code).toMatch(/^[A-Z_]+$/);
  }
}

describe('errors per query', () => {
  it.each(FLOODS)('lists %s up to the limit, then one TOO_MANY_ERRORS naming it', async (_name, query) => {
    expect(query.length).toBeLessThan(LIMITS.tokens * 20);
    for (const attempt of ['first', 'cached']) {
      const response = await gql(app, query);
      expectNamedErrors(response);
      expect(response.errors, attempt).toHaveLength(LIMITS.errors + 1);
      expect(response.errors!.slice(0, -1).map((e) => e.extensions?.code)).not.toContain('TOO_MANY_ERRORS');
      expect(response.errors!.at(-1)).toMatchObject({
        message: expect.stringContaining(`more than ${LIMITS.errors} errors`),
        extensions: { code: 'TOO_MANY_ERRORS', limit: LIMITS.errors },
      });
    }
  });

  it('lists exactly as many errors as the limit without a TOO_MANY_ERRORS', async () => {
    const response = await gql(app, `{ ${times(LIMITS.errors, (i) => `f${i}`)} }`);
    expectNamedErrors(response);
    expect(response.errors).toHaveLength(LIMITS.errors);
    expect(response.errors!.every((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED')).toBe(true);
  });

  it('says the same over GET', async () => {
    const query = `{ ${times(LIMITS.errors + 1, (i) => `f${i}`)} }`;
    const response = await app.inject({ url: `/graphql?query=${encodeURIComponent(query)}` });
    expect(response.statusCode).toBe(400);
    const body = response.json() as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors.at(-1)?.extensions.code).toBe('TOO_MANY_ERRORS');
    expect(response.body).not.toMatch(/aborted/i);
  });
});

describe('valid queries at the limits', () => {
  it('answers a field repeated hundreds of times', async () => {
    const response = await gql<{ meta: { version: string } }>(app, `{ meta { ${times(700, () => 'version')} } }`);
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.data?.meta.version).toMatch(/\S/);
  });

  it.each([
    ['one field repeated up to the token limit', `{ meta { ${times(LIMITS.tokens - 10, () => 'version')} } }`],
    ['repeated fields inside repeated fields', `{ ${times(40, () => `meta { ${times(40, () => 'version')} }`)} }`],
  ])("refuses %s, past graphql-js' validation budget, naming that budget", async (_name, query) => {
    const response = await gql(app, query);
    expectNamedErrors(response);
    expect(onlyError(response)).toMatchObject({
      message: expect.stringContaining('500,000 comparisons'),
      extensions: { code: 'VALIDATION_TOO_COMPLEX' },
    });
  });

  it('refuses fragments spread into more fields than the analysis visits, naming that limit', async () => {
    // Each fragment spreads the one before twice: 2^13 copies of one field, merged into one by GraphQL, cost 1.
    let fragments = 'fragment F0 on Meta { version }';
    for (let i = 1; i <= 13; i++) fragments += ` fragment F${i} on Meta { ...F${i - 1} ...F${i - 1} }`;
    const response = await gql(app, `{ meta { ...F13 } } ${fragments}`);
    expectNamedErrors(response);
    expect(onlyError(response)).toMatchObject({
      message: expect.stringContaining(`over ${LIMITS.costNodes} fields`),
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: LIMITS.costNodes },
    });
  });

  it('answers the same fragments spread into fewer fields than that', async () => {
    let fragments = 'fragment F0 on Meta { version }';
    for (let i = 1; i <= 8; i++) fragments += ` fragment F${i} on Meta { ...F${i - 1} ...F${i - 1} }`;
    const response = await gql<{ meta: { version: string } }>(app, `{ meta { ...F8 } } ${fragments}`);
    expect(response.errors).toBeUndefined();
    expect(response.data?.meta.version).toMatch(/\S/);
  });
});

describe('any mix of repeats, fragments, aliases and mistakes', () => {
  /** A selection of Meta's fields: each part repeated, aliased, spread through a fragment, or misspelt. */
  const part = fc.oneof(
    fc.record({ kind: fc.constant('repeat' as const), times: fc.integer({ min: 1, max: 1200 }) }),
    fc.record({ kind: fc.constant('alias' as const), times: fc.integer({ min: 1, max: LIMITS.aliases + 5 }) }),
    fc.record({ kind: fc.constant('spread' as const), times: fc.integer({ min: 1, max: 600 }) }),
    fc.record({ kind: fc.constant('unknown' as const), times: fc.integer({ min: 1, max: 300 }) }),
  );

  it('is answered, or refused with errors that each carry a code, never "Validation aborted."', async () => {
    const known = new Set([
      'GRAPHQL_VALIDATION_FAILED',
      'TOO_MANY_ERRORS',
      'TOO_MANY_TOKENS',
      'TOO_MANY_ALIASES',
      'VALIDATION_TOO_COMPLEX',
      'QUERY_TOO_COMPLEX',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(part, { minLength: 1, maxLength: 4 }), async (parts) => {
        let aliasCount = 0;
        const selection = parts
          .map(({ kind, times: n }) => {
            if (kind === 'repeat') return times(n, () => 'version');
            if (kind === 'alias') return times(n, () => `a${aliasCount++}: licence`);
            if (kind === 'spread') return times(n, () => '...M');
            return times(n, (i) => `nope${i}`);
          })
          .join(' ');
        const response = await gql<{ meta: { version: string } }>(
          app,
          `{ meta { ${selection} } } fragment M on Meta { sha256 }`,
        );
        if (response.status === 200) {
          expect(response.errors).toBeUndefined();
          expect(response.data?.meta.version ?? '').toBeTypeOf('string');
          return;
        }
        expectNamedErrors(response);
        for (const error of response.errors ?? []) expect(known).toContain(error.extensions?.code);
      }),
      { numRuns: 40 },
    );
  });
});
