// The GraphQL over HTTP specification's own audit (graphql-http's serverAudits), run against the real server through
// a real socket: every MUST passes, and every SHOULD/MAY that still warns is one the README explains. Then the rules
// behind it one by one: operation types per method, parameter types, and the media type chosen from Accept.
import { readFile } from 'node:fs/promises';
import { serverAudits } from 'graphql-http';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/**
 * Warnings the README's GraphQL section explains, by audit id. A warning not listed here fails the test, and so does
 * a listed one that no longer warns (then drop it from here and from the README).
 */
const EXPLAINED_WARNINGS: Record<string, string> = {
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B': 'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
};

const app = await useTestApp();
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const audits = serverAudits({ url: `${address}/graphql`, fetchFn: fetch });

describe('GraphQL over HTTP audit (graphql-http serverAudits)', () => {
  it('finds no error, no notice, and only the warnings the README explains', async () => {
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    const notOk = results.filter((r) => r.status !== 'ok');
    // One line per audit that did not pass, so a regression names the audit; the reasons go in the message.
    const reasons = notOk.map((r) => `${r.status} ${r.id}: ${'reason' in r ? r.reason : ''}`).join('\n');
    const explained = Object.entries(EXPLAINED_WARNINGS).map(([id, name]) => `warn ${id} ${name}`);
    expect(notOk.map((r) => `${r.status} ${r.id} ${r.name}`).sort(), reasons).toEqual(explained.sort());
  });

  it('the README names every warning left', async () => {
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    for (const [id, name] of Object.entries(EXPLAINED_WARNINGS)) expect(readme).toContain(`${id} (${name})`);
  });
});

const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

function get(query: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({ query, ...params });
  return app.inject({ method: 'GET', url: `/graphql?${search}`, headers });
}

/** A POST of raw bytes, as JSON unless the headers say otherwise. */
function postRaw(payload: string, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload,
  });
}

function post(payload: unknown, headers: Record<string, string> = {}) {
  return postRaw(JSON.stringify(payload), headers);
}

describe('operation types', () => {
  it.each([
    ['mutation { __typename }', undefined, 'mutation'],
    ['subscription { __typename }', undefined, 'subscription'],
    ['mutation { x }', undefined, 'mutation'],
    ['query Q { meta { version } } mutation M { x }', 'M', 'mutation'],
  ])('GET %s (operationName %s) is a 405 with Allow: POST, in GraphQL shape', async (query, operationName, type) => {
    const response = await get(query, operationName ? { operationName } : {});
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('POST');
    expect(response.headers['content-type']).toBe(JSON_TYPE);
    expect(response.json()).toEqual({
      data: null,
      errors: [
        {
          message: `A ${type} cannot be sent with GET, which runs queries only: send it with POST.`,
          extensions: { code: 'METHOD_NOT_ALLOWED' },
        },
      ],
    });
  });

  it('under application/graphql-response+json, the 405 has no data entry', async () => {
    const response = await get('mutation { x }', {}, { accept: 'application/graphql-response+json' });
    expect(response.statusCode).toBe(405);
    expect(response.headers['content-type']).toBe(GRAPHQL_RESPONSE);
    expect(response.json()).not.toHaveProperty('data');
  });

  it.each(['mutation', 'subscription'])('POST %s is a 400 that says the schema has no such type', async (type) => {
    const response = await post({ query: `${type} { __typename }` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      data: null,
      errors: [
        {
          message: `This API is read-only: its schema has no ${type} type, only queries.`,
          locations: [{ line: 1, column: 1 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
  });

  it.each([
    ['query A { __typename }', 'B', 'Unknown operation named "B".'],
    [
      'query A { __typename } query B { __typename }',
      undefined,
      'Must provide operation name if query contains multiple operations.',
    ],
    ['fragment F on Query { __typename }', undefined, 'Must provide an operation.'],
  ])('GET of %s (operationName %s) is a 400, not a 500', async (query, operationName, message) => {
    const response = await get(query, operationName ? { operationName } : {});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      data: null,
      errors: [{ message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
  });

  it('a GET picks the named query out of several operations', async () => {
    const response = await get('query A { __typename } mutation B { x }', { operationName: 'A' });
    // The document as a whole still names a type the schema lacks: validation refuses it, over GET as over POST.
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const ok = await get('query A { __typename } query B { meta { version } }', { operationName: 'A' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('request parameters', () => {
  const VARIABLES = 'variables must be a JSON object (a map of names to values), or null.';
  const EXTENSIONS = 'extensions must be a JSON object (a map of names to values), or null.';
  const OPERATION_NAME = 'operationName must be a string naming an operation of the document, or null.';
  const QUERY = 'query must be a string holding a GraphQL document.';

  it.each([
    [{ variables: 0 }, VARIABLES],
    [{ variables: 1 }, VARIABLES],
    [{ variables: false }, VARIABLES],
    [{ variables: true }, VARIABLES],
    [{ variables: 'string' }, VARIABLES],
    [{ variables: '{"first":1}' }, VARIABLES],
    [{ variables: [1] }, VARIABLES],
    [{ extensions: 'string' }, EXTENSIONS],
    [{ extensions: 0 }, EXTENSIONS],
    [{ extensions: [] }, EXTENSIONS],
    [{ operationName: 0 }, OPERATION_NAME],
    [{ operationName: false }, OPERATION_NAME],
    [{ operationName: { obj: 'ect' } }, OPERATION_NAME],
    [{ query: 0 }, QUERY],
    [{ query: false }, QUERY],
    [{ query: { obj: 'ect' } }, QUERY],
    [{ query: ['{ __typename }'] }, QUERY],
  ])('POST with %j is a 400: %s', async (params, message) => {
    const response = await post({ query: '{ __typename }', ...params });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ data: null, errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it.each([{ variables: null }, { extensions: null }, { operationName: null }, { extensions: { some: 'value' } }])(
    'POST with %j runs the query',
    async (params) => {
      const response = await post({ query: '{ __typename }', ...params });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ data: { __typename: 'Query' } });
    },
  );

  it.each([
    ['variables=5', VARIABLES],
    ['variables=true', VARIABLES],
    ['variables=%22x%22', VARIABLES],
    ['variables=%5B1%5D', VARIABLES],
    ['extensions=0', EXTENSIONS],
    ['variables=%7B', 'variables must be a JSON object, URL-encoded, such as variables={"first":5}.'],
    ['query=%7B__typename%7D', 'The URL gives "query" more than once: give it once.'],
  ])('GET with %s is a 400: %s', async (params, message) => {
    const response = await app.inject({ method: 'GET', url: `/graphql?query=%7B__typename%7D&${params}` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ data: null, errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
  });

  it('a text/plain body is a 415 that says what to send', async () => {
    const response = await postRaw('{ __typename }', { 'content-type': 'text/plain' });
    expect(response.statusCode).toBe(415);
    expect(response.json().errors[0]).toEqual({
      message: 'Send the request as application/json ({"query": "…"}) or as application/graphql.',
      extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' },
    });
  });

  it.each([null, 5, '"x"'])('a JSON body of %s is a 400', async (body) => {
    const response = await postRaw(String(body));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].extensions.code).toBe('BAD_REQUEST');
  });
});

describe('media types', () => {
  it.each([
    [undefined, JSON_TYPE],
    ['*/*', JSON_TYPE],
    ['application/*', JSON_TYPE],
    ['text/html', JSON_TYPE],
    ['application/json', JSON_TYPE],
    ['application/graphql-response+json', GRAPHQL_RESPONSE],
    ['Application/GraphQL-Response+JSON; charset=utf-8', GRAPHQL_RESPONSE],
    ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE],
    ['application/json, application/graphql-response+json', GRAPHQL_RESPONSE],
    ['application/json, application/graphql-response+json;q=0.5', JSON_TYPE],
    ['application/graphql-response+json;q=0.5, */*', JSON_TYPE],
    ['application/graphql-response+json;q=0', JSON_TYPE],
  ])('Accept: %s answers %s, with Vary: Accept', async (accept, type) => {
    const headers: Record<string, string> = accept ? { accept } : {};
    for (const response of [
      await get('{ __typename }', {}, headers),
      await post({ query: '{ __typename }' }, headers),
    ]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe(type);
      expect(String(response.headers.vary).split(/,\s*/)).toContain('Accept');
    }
  });

  it('the response cache keeps one answer per media type', async () => {
    const query = '{ meta { version } }';
    const order = [
      'application/json',
      'application/graphql-response+json',
      'application/json',
      'application/graphql-response+json',
    ];
    for (const accept of order) {
      for (const response of [await get(query, {}, { accept }), await post({ query }, { accept })]) {
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe(`${accept}; charset=utf-8`);
      }
    }
  });

  it('request errors under application/graphql-response+json have no data entry, with 4xx', async () => {
    const accept = 'application/graphql-response+json';
    for (const response of [
      await post({ query: '{' }, { accept }),
      await post({ query: '{ nope }' }, { accept }),
      await post({ query: 'query ($n: Int) { events(first: $n) { totalCount } }', variables: { n: 'x' } }, { accept }),
      await post({ query: '{ __typename }', variables: 5 }, { accept }),
    ]) {
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe(GRAPHQL_RESPONSE);
      expect(response.json()).not.toHaveProperty('data');
      expect(response.json().errors[0].extensions.code).toEqual(expect.any(String));
    }
  });
});
