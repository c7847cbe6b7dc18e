// Every route the server answers is in the OpenAPI document, except the static assets of its HTML pages.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

/** Files that belong to a documented page, not API routes: Swagger UI's, GraphiQL's and the explorer's assets. */
const ASSETS = [
  /^\/docs(\/static\/|\/json$|\/yaml$|\*$)/,
  /^\/graphiql\/[\w.-]+\.(js|css)$/,
  /^\/[\w.-]+\.(js|css|html|svg|ico|png|map)$/,
  /^\/assets\//,
];

/** Turns printRoutes' tree into "METHOD /full/path" lines. */
function routesFromTree(tree: string): string[] {
  const out: string[] = [];
  const stack: { depth: number; path: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^([│ ]*)[├└]── (.+?) \(([A-Z, ]+)\)$/.exec(line.replace(/ {4}/g, '    '));
    if (!m) continue;
    const depth = (m[1] as string).length / 4;
    while (stack.length && (stack.at(-1) as { depth: number }).depth >= depth) stack.pop();
    const parent = stack.at(-1)?.path ?? '';
    const path = `${parent}${m[2]}`;
    stack.push({ depth, path });
    for (const method of (m[3] as string).split(', ')) out.push(`${method} ${path}`);
  }
  return out;
}

const app = await useTestApp();

describe('routes', () => {
  it('are all in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const served = routesFromTree(app.printRoutes({ commonPrefix: false }));
    expect(served.length).toBeGreaterThan(40);
    const missing = served
      .filter((r) => !r.startsWith('HEAD ') && r !== 'OPTIONS *') // HEAD mirrors GET; OPTIONS * is the CORS preflight.
      .map((r) => r.replace(/:(\w+)/g, '{$1}'))
      .filter((r) => !documented.has(r))
      .filter((r) => !ASSETS.some((re) => re.test(r.split(' ')[1] as string)))
      .filter((r) => r !== 'GET /'); // the explorer's page, documented in the README
    expect(missing).toEqual([]);
  });

  it('include every documented path (nothing documented that is not served)', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = new Set(
      routesFromTree(app.printRoutes({ commonPrefix: false })).map((r) => r.replace(/:(\w+)/g, '{$1}')),
    );
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods))
        expect(served.has(`${method.toUpperCase()} ${path}`), `${method} ${path}`).toBe(true);
    }
  });
});
